// The mutable state one graph view shares between its parts (drawing, highlighting, input), kept
// as plain data so each part is a small function of it.
import type { GraphModel } from '../../core/graph-model';
import type { ViewContext } from '../context';
import type { DrawnGraph } from './draw';
import type { PanZoom } from './panzoom';

export interface GraphState {
  readonly ctx: ViewContext;
  readonly root: HTMLElement;
  readonly canvas: HTMLElement;
  /** Overlays the canvas, so its changing text never moves the graph under the pointer. */
  readonly status: HTMLElement;
  model: GraphModel;
  drawn: DrawnGraph | null;
  panzoom: PanZoom | null;
  /** Edges as adjacency both ways, for highlighting closures. */
  forward: Map<string, string[]>;
  backward: Map<string, string[]>;
  /** Elements carrying highlight classes now. */
  lit: Element[];
  focusId: string | null;
  hops: number;
  selectedId: string | null;
  showExternals: boolean;
  /** The user moved or zoomed: resizing no longer refits. */
  touched: boolean;
  /** Counts draws asked for: a layout or a slice of drawing from an older one is dropped. */
  generation: number;
  /** Tells the layout worker the layout asked for last is no longer wanted. */
  abort: AbortController | null;
  /** The layout or sliced drawing under way (null once the view shows its latest draw). */
  work: Promise<void> | null;
  /** The view was destroyed: nothing more is drawn. */
  destroyed: boolean;
}

/** What input handlers may ask of the view. */
export interface GraphActions {
  highlight(id: string | null): void;
  select(id: string | null): void;
  focus(id: string | null, hops?: number): void;
}

export function emptyModel(): GraphModel {
  return { nodes: [], edges: [], cycles: [], externals: [], externalEdges: [] };
}

export function nameOf(state: GraphState, id: string): string {
  return state.ctx.nameOf(id) ?? state.model.externals.find((x) => x.id === id)?.name ?? id;
}
