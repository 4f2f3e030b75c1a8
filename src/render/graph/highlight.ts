// Hover, keyboard focus and selection light up a node's transitive dependencies and dependents,
// and the status line says what is lit.
import { closure } from '../../core/graph';
import { plural } from '../dom';
import { edgeKey } from './layout-types';
import { nameOf, type GraphState } from './state';

const LIT_CLASSES = ['mm-hl', 'mm-hl-self', 'mm-hl-dependency', 'mm-hl-dependent'];

export function summaryText(state: GraphState): string {
  const { model, focusId } = state;
  const parts = [plural(model.nodes.length, 'component'), plural(model.edges.length, 'dependency', 'dependencies')];
  if (model.externals.length > 0) parts.push(plural(model.externals.length, 'external dependency', 'external dependencies'));
  if (model.cycles.length > 0) parts.push(plural(model.cycles.length, 'cycle'));
  if (focusId) parts.push(`focused on ${nameOf(state, focusId)}`);
  return parts.join(' · ');
}

export function updateStatus(state: GraphState, text?: string): void {
  state.status.textContent = text ?? summaryText(state);
}

export function highlight(state: GraphState, id: string | null): void {
  for (const el of state.lit) el.classList.remove(...LIT_CLASSES);
  state.lit = [];
  const drawn = state.drawn;
  if (!drawn || id === null || !drawn.nodes.has(id)) {
    state.root.classList.remove('mm-graph-highlighting');
    // Nothing drawn (a notice, or a layout under way): the status keeps what it says; an empty
    // model's summary, "0 components", would be read out for a graph that is not there.
    if (drawn) updateStatus(state);
    return;
  }
  const mark = (el: Element | undefined, cls: string) => {
    if (!el) return;
    el.classList.add('mm-hl', cls);
    state.lit.push(el);
  };
  const down = closure(id, state.forward);
  const up = closure(id, state.backward);
  mark(drawn.nodes.get(id), 'mm-hl-self');
  for (const other of down.keys()) if (other !== id) mark(drawn.nodes.get(other), 'mm-hl-dependency');
  for (const other of up.keys()) if (other !== id) mark(drawn.nodes.get(other), 'mm-hl-dependent');
  for (const from of [id, ...down.keys()]) for (const to of state.forward.get(from) ?? []) mark(drawn.edges.get(edgeKey(from, to)), 'mm-hl-dependency');
  for (const to of [id, ...up.keys()]) for (const from of state.backward.get(to) ?? []) mark(drawn.edges.get(edgeKey(from, to)), 'mm-hl-dependent');
  state.root.classList.add('mm-graph-highlighting');
  const downCount = down.has(id) ? down.size - 1 : down.size;
  const upCount = up.has(id) ? up.size - 1 : up.size;
  updateStatus(state, `${nameOf(state, id)}: depends on ${plural(downCount, 'component')} (directly or not), used by ${plural(upCount, 'component')}`);
}

/** A sticky highlight that hover returns to. */
export function select(state: GraphState, id: string | null): void {
  state.selectedId = id;
  if (state.drawn) for (const [nodeId, el] of state.drawn.nodes) el.classList.toggle('mm-selected', nodeId === id);
  highlight(state, id);
}
