// Live macro slots. Logseq mounts `{{renderer :maturity…}}` as `<div id="slot__xxxxxxxx">` and
// gives it a new id on every re-render (edit, scroll virtualisation, navigation), removing what
// was injected into the old one. So: key injected UI by slot, keep only slots that still exist
// in the host document, check again right before each write (rendering is async), and skip writes
// whose markup did not change. A long view (a card) comes in pieces: its head, then each piece
// in a later task, injected into a container the head holds. A view of the whole graph (a query)
// is prepared a slice at a time, a placeholder showing meanwhile, and dropped when the slot goes or
// a newer render starts. Each slot keeps its own view state (sort, rows shown, graph focus and
// zoom), changed through model calls since injected markup has no listeners.
import type { LogseqHost } from './host';
import type { SlotPending, SlotPiece, SlotPieces, SlotRegistry, SlotRequest, SlotTemplate } from './slot-types';
import type { YieldNow } from './steps';

export const SLOT_KEY_PREFIX = 'mm-slot-';

/** The registry's memory: live slots, what each holds now, and each slot's latest render. */
interface Registry {
  readonly host: LogseqHost;
  readonly template: SlotTemplate;
  readonly yieldNow: YieldNow;
  readonly slots: Map<string, SlotRequest>;
  /** What each slot's head and pieces hold now (a piece's key is `slot#k`). */
  readonly written: Map<string, string>;
  /** The piece (`slot#k`) whose content holds a written piece's container (SlotPiece `within`). */
  readonly holders: Map<string, string>;
  readonly generation: Map<string, number>;
  /** A clock for the liveness checks while a view is prepared (ms). */
  readonly now: () => number;
  /** Renders under way, and who waits for there to be none. */
  readonly drawing: { renders: number; waiting: Array<() => void> };
}

/** While a view is prepared, whether its slot still exists is asked at most this often. */
export const SLOT_CHECK_MS = 250;

/** `yieldNow` ends the current task (a card's pieces are rendered and sent one task each). */
export function createSlotRegistry(host: LogseqHost, template: SlotTemplate, yieldNow: YieldNow, now: () => number = () => performance.now()): SlotRegistry {
  const registry: Registry = { host, template, yieldNow, slots: new Map(), written: new Map(), holders: new Map(), generation: new Map(), now, drawing: { renders: 0, waiting: [] } };
  const { slots, written, generation } = registry;
  return {
    async mount(request) {
      const full: SlotRequest = { ...request, state: {} };
      slots.set(request.slot, full);
      written.delete(request.slot);
      await render(registry, full);
    },
    async update(slot, patch) {
      const request = slots.get(slot);
      if (!request) return;
      const next = { ...request, state: patch(request.state) };
      slots.set(slot, next);
      await render(registry, next);
    },
    get: (slot) => slots.get(slot),
    async refresh() {
      await Promise.all((await prune(registry)).map((request) => render(registry, request)));
    },
    prune: async () => (await prune(registry)).length,
    live: () => [...slots.keys()],
    drawn: () => (registry.drawing.renders === 0 ? Promise.resolve() : new Promise<void>((resolve) => void registry.drawing.waiting.push(resolve))),
    drawing: () => registry.drawing.renders > 0,
    clear() {
      slots.clear();
      written.clear();
      registry.holders.clear();
      generation.clear();
    },
  };
}

/**
 * Is the slot still in the host document? With `layOut`, asked as its box (`queryElementRect`:
 * Logseq answers with getBoundingClientRect), which has Chromium style and lay out what the host
 * injected since it last did, in the host's task that answers. Asked so before each piece laid
 * out apart (SlotPiece `laidOutApart`), that is the piece before it, ~90 SVG elements: the
 * rendering task that follows paints them, where it styled every piece injected since the last
 * frame (benchmarks.md, session 21).
 */
async function exists(host: LogseqHost, slot: string, layOut = false): Promise<boolean> {
  try {
    return Boolean(await (layOut ? host.UI.queryElementRect(`#${slot}`) : host.UI.queryElementById(slot)));
  } catch {
    return false;
  }
}

function forgetWritten(registry: Registry, slot: string): void {
  registry.written.delete(slot);
  for (const key of [...registry.written.keys()]) if (key.startsWith(`${slot}#`)) registry.written.delete(key);
  for (const key of [...registry.holders.keys()]) if (key.startsWith(`${slot}#`)) registry.holders.delete(key);
}

/** The piece `key` was written again: the pieces inside its old content went with it (SlotPiece `within`). */
function forgetHeld(registry: Registry, key: string): void {
  for (const [held, holder] of [...registry.holders]) {
    if (holder !== key) continue;
    registry.holders.delete(held);
    registry.written.delete(held);
  }
}

function forget(registry: Registry, slot: string): void {
  registry.slots.delete(slot);
  forgetWritten(registry, slot);
  registry.generation.delete(slot);
}

/** A render, counted while under way (SlotRegistry.drawn). */
async function render(registry: Registry, request: SlotRequest): Promise<void> {
  const { drawing } = registry;
  drawing.renders++;
  try {
    await renderOnce(registry, request);
  } finally {
    if (--drawing.renders === 0) for (const resolve of drawing.waiting.splice(0)) resolve();
  }
}

async function renderOnce(registry: Registry, request: SlotRequest): Promise<void> {
  const { slot } = request;
  const mine = (registry.generation.get(slot) ?? 0) + 1;
  registry.generation.set(slot, mine);
  // A newer render of this slot started meanwhile, or the slot went away: do not write.
  const current = () => registry.generation.get(slot) === mine && registry.slots.has(slot);
  // Checked right before each write: the pieces come one task apart, and Logseq may unmount the
  // slot (an edit, scrolling, navigation) between any two of them.
  const stillThere = async (layOut = false) => {
    if (await exists(registry.host, slot, layOut)) return current();
    forget(registry, slot);
    return false;
  };
  let markup = await registry.template(request);
  if (!current() || markup === null) return;
  if (typeof markup !== 'string' && 'ready' in markup) markup = await whenReady(registry, slot, markup, current, stillThere);
  if (markup === null) return;
  const { head, parts } = typeof markup === 'string' ? { head: markup, parts: [] } : markup;
  if (!(await writeHead(registry, slot, head, stillThere))) return;
  await writeParts(registry, slot, parts, current, stillThere);
}

/**
 * The view a pending markup gives (its placeholder written at its first yield, into a slot that
 * shows nothing yet); null when a newer render superseded it or the slot went away meanwhile.
 */
async function whenReady(registry: Registry, slot: string, pending: SlotPending, current: () => boolean, stillThere: () => Promise<boolean>): Promise<string | SlotPieces | null> {
  const placeholder: { written: Promise<boolean> | null } = { written: null };
  const gone = slotWatch(registry, slot);
  const cancelled = () => !current() || gone();
  const yieldNow = async () => {
    if (placeholder.written === null && !registry.written.has(slot)) placeholder.written = writeHead(registry, slot, pending.placeholder, stillThere);
    await registry.yieldNow('slot: view in slices');
  };
  const view = await pending.ready(cancelled, yieldNow);
  // The placeholder's write (its slot check is a round trip) lands before the view's.
  if (placeholder.written !== null && !(await placeholder.written)) return null;
  return cancelled() ? null : view;
}

/**
 * Whether the slot went away, asked of the host at most every SLOT_CHECK_MS (the question is
 * async, the answer read by a cancel check between slices); a slot found gone is forgotten.
 */
function slotWatch(registry: Registry, slot: string): () => boolean {
  let gone = false;
  let asking = false;
  let asked = registry.now();
  return () => {
    if (gone || asking || registry.now() - asked < SLOT_CHECK_MS) return gone;
    asking = true;
    void exists(registry.host, slot).then((there) => {
      asking = false;
      asked = registry.now();
      if (there) return;
      gone = true;
      forget(registry, slot);
    });
    return gone;
  };
}

/** Writes the head when it changed; false when the slot went away. */
async function writeHead(registry: Registry, slot: string, head: string, stillThere: () => Promise<boolean>): Promise<boolean> {
  if (registry.written.get(slot) === head) return true;
  if (!(await stillThere())) return false;
  // A new head empties the pieces' containers.
  forgetWritten(registry, slot);
  registry.written.set(slot, head);
  registry.host.provideUI({ key: `${SLOT_KEY_PREFIX}${slot}`, slot, reset: true, template: head });
  return true;
}

/** Each piece in its own task, into its container, when it changed and this render is still the latest; then pieces no longer in the view go. */
async function writeParts(registry: Registry, slot: string, parts: SlotPieces['parts'], current: () => boolean, stillThere: (layOut?: boolean) => Promise<boolean>): Promise<void> {
  const keys = new Set<string>();
  for (const [k, part] of parts.entries()) {
    const key = `${slot}#${part.key ?? k}`;
    keys.add(key);
    // What is written is compared by stamp when the piece has one: its markup is not built again.
    if (part.stamp !== undefined && registry.written.get(key) === `stamp:${part.stamp}`) continue;
    await registry.yieldNow(`slot: piece ${part.key ?? k} written`);
    if (!current()) return;
    const html = part.markup(rootsAround(parts, part));
    const written = part.stamp !== undefined ? `stamp:${part.stamp}` : html;
    if (registry.written.get(key) === written || !(await stillThere(part.laidOutApart === true))) continue;
    registry.written.set(key, written);
    forgetHeld(registry, key);
    if (part.within !== undefined) registry.holders.set(key, `${slot}#${part.within}`);
    registry.host.provideUI({ key: `${SLOT_KEY_PREFIX}${slot}-${part.key ?? k}`, path: `#${part.container}`, template: html });
  }
  await removeParts(registry, slot, keys, current);
}

/** How many injected roots hold a piece's content: the head's, its own, and one for each piece it is `within`. */
function rootsAround(parts: SlotPieces['parts'], part: SlotPiece): number {
  let roots = 2;
  let inner = part;
  // Bounded: a `within` that went round in a circle counts each piece once at most.
  while (inner.within !== undefined && roots < parts.length + 2) {
    const holder = inner.within;
    const outer = parts.find((p, k) => (p.key ?? String(k)) === holder);
    if (!outer) break;
    roots++;
    inner = outer;
  }
  return roots;
}

/** Pieces written into this slot's head before and not part of its latest view (the host removes an injected UI given no template). */
async function removeParts(registry: Registry, slot: string, keep: ReadonlySet<string>, current: () => boolean): Promise<void> {
  const gone = [...registry.written.keys()].filter((key) => key.startsWith(`${slot}#`) && !keep.has(key));
  if (gone.length === 0 || !current()) return;
  for (const key of gone) {
    registry.written.delete(key);
    registry.host.provideUI({ key: `${SLOT_KEY_PREFIX}${slot}-${key.slice(slot.length + 1)}`, slot, template: '' });
  }
}

async function prune(registry: Registry): Promise<SlotRequest[]> {
  const current = [...registry.slots.values()];
  const alive = await Promise.all(current.map(async (r) => ((await exists(registry.host, r.slot)) ? r : null)));
  for (let i = 0; i < current.length; i++) if (alive[i] === null) forget(registry, current[i]!.slot);
  return alive.filter((r): r is SlotRequest => r !== null);
}
