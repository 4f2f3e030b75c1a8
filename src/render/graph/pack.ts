// Packing the laid-out parts of a graph into one picture: the layered blocks (one per connected
// group of components) on shelves, tallest first, and the components with no edges in a grid of
// equal cells beside or below them, choosing the arrangement that a viewport of the given aspect
// shows at the largest scale (the smallest max(width ÷ aspect, height)).

export interface Size {
  width: number;
  height: number;
}

export interface Offset {
  x: number;
  y: number;
}

export interface Packing extends Size {
  /** Where each block's top-left corner goes, in the order given. */
  blocks: Offset[];
  /** Where each grid cell's top-left corner goes, in the order given. */
  cells: Offset[];
}

export const BLOCK_GAP = 40;

const cost = (box: Size, aspect: number) => Math.max(box.width / aspect, box.height);

interface Shelves extends Size {
  blocks: Offset[];
}

/** Next-fit shelves in `order` (tallest first) within `limit` width. */
function shelve(blocks: readonly Size[], order: readonly number[], limit: number): Shelves {
  const offsets: Offset[] = new Array<Offset>(blocks.length);
  let x = 0;
  let y = 0;
  let shelf = 0;
  let width = 0;
  for (const i of order) {
    const b = blocks[i]!;
    if (x > 0 && x + b.width > limit) {
      y += shelf + BLOCK_GAP;
      x = 0;
      shelf = 0;
    }
    offsets[i] = { x, y };
    x += b.width + BLOCK_GAP;
    shelf = Math.max(shelf, b.height);
    width = Math.max(width, x - BLOCK_GAP);
  }
  return { width, height: order.length > 0 ? y + shelf : 0, blocks: offsets };
}

/** The shelf width (among a few around the square root of the area) that suits the aspect best. */
function bestShelves(blocks: readonly Size[], aspect: number): Shelves {
  const order = blocks.map((_, i) => i).sort((a, b) => blocks[b]!.height - blocks[a]!.height || blocks[b]!.width - blocks[a]!.width);
  let area = 0;
  let widest = 0;
  for (const b of blocks) {
    area += (b.width + BLOCK_GAP) * (b.height + BLOCK_GAP);
    widest = Math.max(widest, b.width);
  }
  const ideal = Math.sqrt(area * aspect);
  let best: Shelves | null = null;
  for (const factor of [0.5, 0.7, 0.85, 1, 1.2, 1.5, 2]) {
    const packed = shelve(blocks, order, Math.max(widest, ideal * factor));
    if (!best || cost(packed, aspect) < cost(best, aspect)) best = packed;
  }
  return best ?? { width: 0, height: 0, blocks: [] };
}

interface GridChoice extends Size {
  columns: number;
  beside: boolean;
}

function gridChoice(main: Size, count: number, cell: Size, aspect: number): GridChoice {
  let best: GridChoice | null = null;
  const gap = main.width > 0 ? BLOCK_GAP : 0;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    if (columns > 1 && Math.ceil(count / (columns - 1)) === rows) continue; // same shape, wider
    const gridWidth = columns * cell.width + (columns - 1) * BLOCK_GAP / 2;
    const gridHeight = rows * cell.height + (rows - 1) * BLOCK_GAP / 4;
    const beside = { width: main.width + gap + gridWidth, height: Math.max(main.height, gridHeight) };
    const below = { width: Math.max(main.width, gridWidth), height: main.height + (main.height > 0 ? BLOCK_GAP : 0) + gridHeight };
    for (const [box, isBeside] of [[beside, true], [below, false]] as const) {
      if (!best || cost(box, aspect) < cost(best, aspect)) best = { ...box, columns, beside: isBeside };
    }
  }
  return best!;
}

/**
 * Pack `blocks` (laid-out groups) and `cellCount` grid cells of size `cell` for a viewport whose
 * width is `aspect` times its height.
 */
export function packLayout(blocks: readonly Size[], cellCount: number, cell: Size, aspect: number): Packing {
  const shelves = bestShelves(blocks, aspect);
  if (cellCount === 0) return { width: shelves.width, height: shelves.height, blocks: shelves.blocks, cells: [] };
  const grid = gridChoice(shelves, cellCount, cell, aspect);
  const origin: Offset = grid.beside ? { x: shelves.width + (shelves.width > 0 ? BLOCK_GAP : 0), y: 0 } : { x: 0, y: shelves.height + (shelves.height > 0 ? BLOCK_GAP : 0) };
  const cells: Offset[] = [];
  for (let i = 0; i < cellCount; i++) {
    const row = Math.floor(i / grid.columns);
    const column = i % grid.columns;
    cells.push({ x: origin.x + column * (cell.width + BLOCK_GAP / 2), y: origin.y + row * (cell.height + BLOCK_GAP / 4) });
  }
  return { width: grid.width, height: grid.height, blocks: shelves.blocks, cells };
}
