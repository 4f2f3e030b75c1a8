// Live macro slots. Logseq mounts `{{renderer :maturity…}}` as `<div id="slot__xxxxxxxx">` and
// gives it a new id on every re-render (edit, scroll virtualisation, navigation), removing what
// was injected into the old one. So: key injected UI by slot, keep only slots that still exist
// in the host document, check again right before writing (rendering is async), and skip writes
// whose markup did not change. Each slot keeps its own view state (sort, rows shown, graph
// focus and zoom), changed through model calls since injected markup has no listeners.
import type { LogseqHost } from './host';
import type { Macro } from './macros';

export interface SlotState {
  sort?: { column: string; order: 'asc' | 'desc' };
  /** Rows shown by a query (its "show more" raises it). */
  limit?: number;
  focus?: string | null;
  hops?: number;
  /** False once the graph's "External" checkbox hid the external dependencies. */
  externals?: boolean;
  /** Graph zoom steps: + in, − out, 0 the starting view. */
  zoom?: number;
}

export interface SlotRequest {
  slot: string;
  /** The uuid of the block holding the macro. */
  block: string;
  macro: Macro;
  state: SlotState;
}

/** Markup for a slot, or null when there is nothing to show yet. */
export type SlotTemplate = (request: SlotRequest) => Promise<string | null>;

export interface SlotRegistry {
  /** A slotted event: remember the slot and render it. */
  mount(request: Omit<SlotRequest, 'state'>): Promise<void>;
  /** Change a slot's view state and render it again. */
  update(slot: string, patch: (state: SlotState) => SlotState): Promise<void>;
  get(slot: string): SlotRequest | undefined;
  /** Render every live slot again (the index changed); slots that are gone are forgotten. */
  refresh(): Promise<void>;
  /** Forget slots that are gone; how many are left. */
  prune(): Promise<number>;
  /** Slots believed live. */
  live(): string[];
  clear(): void;
}

export const SLOT_KEY_PREFIX = 'mm-slot-';

export function createSlotRegistry(host: LogseqHost, template: SlotTemplate): SlotRegistry {
  const slots = new Map<string, SlotRequest>();
  const written = new Map<string, string>();
  const generation = new Map<string, number>();

  async function exists(slot: string): Promise<boolean> {
    try {
      return Boolean(await host.UI.queryElementById(slot));
    } catch {
      return false;
    }
  }

  function forget(slot: string): void {
    slots.delete(slot);
    written.delete(slot);
    generation.delete(slot);
  }

  async function render(request: SlotRequest): Promise<void> {
    const { slot } = request;
    const mine = (generation.get(slot) ?? 0) + 1;
    generation.set(slot, mine);
    const markup = await template(request);
    // A newer render of this slot started meanwhile, or the slot went away: do not write.
    if (generation.get(slot) !== mine || !slots.has(slot) || markup === null) return;
    if (written.get(slot) === markup) return;
    if (!(await exists(slot))) {
      forget(slot);
      return;
    }
    if (generation.get(slot) !== mine) return;
    written.set(slot, markup);
    host.provideUI({ key: `${SLOT_KEY_PREFIX}${slot}`, slot, reset: true, template: markup });
  }

  async function prune(): Promise<SlotRequest[]> {
    const current = [...slots.values()];
    const alive = await Promise.all(current.map(async (r) => ((await exists(r.slot)) ? r : null)));
    for (let i = 0; i < current.length; i++) if (alive[i] === null) forget(current[i]!.slot);
    return alive.filter((r): r is SlotRequest => r !== null);
  }

  return {
    async mount(request) {
      const full: SlotRequest = { ...request, state: {} };
      slots.set(request.slot, full);
      written.delete(request.slot);
      await render(full);
    },
    async update(slot, patch) {
      const request = slots.get(slot);
      if (!request) return;
      const next = { ...request, state: patch(request.state) };
      slots.set(slot, next);
      await render(next);
    },
    get: (slot) => slots.get(slot),
    async refresh() {
      await Promise.all((await prune()).map(render));
    },
    prune: async () => (await prune()).length,
    live: () => [...slots.keys()],
    clear() {
      slots.clear();
      written.clear();
      generation.clear();
    },
  };
}
