// What the index answers from its state (index-state.ts): a component's view, built when asked
// and kept until something it shows changes; cycles; components in name order, all or by stage.
import { clockToday } from './dates';
import { createCycleFinder } from './graph';
import type { Component, StageId } from './model';
import { MAX_CANDIDATES } from './resolve';
import { buildComponent } from './component-view';
import { compareComponents } from './text';
import { sortByName } from './name-order';
import { dependencyEdges, sameNamed } from './vault-links';
import { idsOf } from './id-multimap';
import { settleNow, type IndexState, type KeptView } from './index-state';
import { workCount } from './work-count';

/** A component's distinct dependency ids: its edges (as `edges()` lists them). */
function targetsOf(state: IndexState, id: string): string[] {
  const targets: string[] = [];
  for (const dep of state.links.resolved.get(id) ?? []) if (dep.id && !targets.includes(dep.id)) targets.push(dep.id);
  return targets;
}

/** The cycle search over the current edges: a new one whenever an edge appeared or went. */
export function cycleInfo(state: IndexState): NonNullable<IndexState['cycleState']> {
  settleNow(state);
  const { edgeRevision } = state.links;
  if (state.cycleState?.edgeRevision !== edgeRevision) state.cycleState = { edgeRevision, finder: createCycleFinder((id) => targetsOf(state, id)), all: null };
  return state.cycleState;
}

/** Every cycle in the graph: the one whole-graph pass, for vault-wide lists and diagnostics. */
export function allCycles(state: IndexState): string[][] {
  const info = cycleInfo(state);
  info.all ??= info.finder.all(state.links.componentIds);
  return info.all;
}

export function edges(state: IndexState): Map<string, string[]> {
  settleNow(state);
  return dependencyEdges(state.links);
}

/**
 * A component's view: the one the index keeps, built when missing or stale (from the stale one
 * when its note and day are the same). With `once`, a view
 * missing is built for the caller alone: neither it nor its note's read-back is kept (a report
 * that walks every component once holds one view at a time, not all of them).
 */
export function component(state: IndexState, id: string, once = false): Component | undefined {
  settleNow(state);
  const { links, viewCache } = state;
  const entry = links.entries.get(id);
  if (!entry || !links.componentIds.has(id)) return undefined;
  const day = state.today ?? clockToday();
  const cached = viewCache.get(id);
  // Edges unchanged since the view was checked: so is its cycle (a warm query asks for thousands).
  const current = cached !== undefined && !cached.stale && cached.today === day;
  if (current && cached.edgeRevision === links.edgeRevision) return cached.component;
  // Only what this component reaches is searched; a view built with another cycle is stale.
  const cycle = cycleInfo(state).finder.cycleOf(id);
  if (current && sameCycle(cached.cycle, cycle)) {
    cached.edgeRevision = links.edgeRevision;
    return cached.component;
  }
  // A stale view of the same note and day lends what the note alone decides (component-view.ts).
  const previous = cached?.source === entry.note && cached.today === day ? cached : undefined;
  workCount.viewsBuilt++;
  if (previous) workCount.viewsFromStale++;
  const built = buildComponent({
    entry,
    pipeline: state.pipeline,
    config: state.config,
    today: day,
    dependencies: links.resolved.get(id) ?? [],
    dependents: [...idsOf(links.dependents, id)].sort(),
    stageOf: (other) => links.entries.get(other)?.note.stage?.id ?? null,
    nameOf: (other) => links.entries.get(other)?.identity.name ?? other,
    // In path order: the same vault gives the same message whatever order the notes arrived in.
    duplicates: sameNamed(links, id, entry.identity.keys[0]!, MAX_CANDIDATES),
    cycle,
    keepStrings: state.compact,
    once,
    previous,
  });
  // One literal, not a spread of `built`: keys added after a spread are kept outside the object, and
  // a warm query that reads thousands of kept views took 3× as long (bench/core-bench.ts, query by stage).
  if (!once) keepView(state, id, { component: built.component, noteTail: built.noteTail, today: day, source: entry.note, stale: false, cycle, edgeRevision: links.edgeRevision });
  return built.component;
}

function keepView(state: IndexState, id: string, kept: KeptView): void {
  state.viewCache.set(id, kept);
  for (const member of kept.cycle ?? []) {
    const views = state.cycleShownIn.get(member);
    if (views) views.add(id);
    else state.cycleShownIn.set(member, new Set([id]));
  }
}

function sameCycle(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === b) return true;
  return a !== null && b !== null && a.length === b.length && a.every((id, k) => id === b[k]);
}

/** Component ids in name order (then path order for names shared). */
export function ids(state: IndexState): string[] {
  settleNow(state);
  if (!state.sortedIds) {
    const hint = state.orderHint;
    if (hint !== null && isNameOrder(hint, state)) {
      state.sortedIds = [...hint];
      state.orderHint = null;
    } else {
      const { componentIds, entries } = state.links;
      // Names looked up and keyed once, not collated per comparison (name-order.ts).
      const named = [...componentIds].map((id) => ({ id, name: entries.get(id)!.identity.name }));
      state.sortedIds = sortByName(named).map((c) => c.id);
      workCount.nameSorts++;
    }
  }
  return state.sortedIds;
}

/**
 * Is `order` the components' name order? Each one once, each before the next: a strict order is
 * the only one with those members. One pass (n comparisons) where sorting takes n log n.
 */
function isNameOrder(order: readonly string[], state: IndexState): boolean {
  const { componentIds, entries } = state.links;
  if (order.length !== componentIds.size) return false;
  let previous: { id: string; name: string } | null = null;
  for (const id of order) {
    if (!componentIds.has(id)) return false;
    const current = { id, name: entries.get(id)!.identity.name };
    if (previous !== null && compareComponents(previous, current) >= 0) return false;
    previous = current;
  }
  return true;
}

/** The components at one stage, in name order: lists built from ids() once per version. */
export function idsAtStageByName(state: IndexState, stage: StageId | null): readonly string[] {
  settleNow(state);
  if (state.stageLists?.version !== state.version) {
    const lists = new Map<StageId | null, string[]>();
    for (const id of ids(state)) {
      const at = state.links.entries.get(id)!.note.stage?.id ?? null;
      const list = lists.get(at);
      if (list) list.push(id);
      else lists.set(at, [id]);
    }
    state.stageLists = { version: state.version, lists };
  }
  return state.stageLists.lists.get(stage) ?? [];
}
