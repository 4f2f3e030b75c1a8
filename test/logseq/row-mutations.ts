// Rows added to and removed from a slot as the host's DOM changes: what the table tests count to
// tell an append (rows added, none removed) from a rewrite.
import { ROW_SELECTOR, type Loaded } from './harness';

export interface RowMutations {
  added: number;
  removed: number;
  reset(): void;
}

/** Count the elements carrying a component row that are added to or removed from `el` from now on. */
export function rowMutations(l: Loaded, el: Element): RowMutations {
  const counts: RowMutations = { added: 0, removed: 0, reset: () => ((counts.added = 0), (counts.removed = 0)) };
  const rowsIn = (nodes: NodeList) => [...nodes].reduce((n, node) => n + (node.nodeType === 1 ? (node as Element).querySelectorAll(ROW_SELECTOR).length + ((node as Element).matches(ROW_SELECTOR) ? 1 : 0) : 0), 0);
  const Observer = (l.host as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver;
  new Observer((records) => {
    for (const r of records) {
      counts.added += rowsIn(r.addedNodes);
      counts.removed += rowsIn(r.removedNodes);
    }
  }).observe(el, { childList: true, subtree: true });
  return counts;
}
