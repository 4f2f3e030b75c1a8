// The orders a query can ask for. Every key but readiness reads only what the index keeps of a
// note (stage, dates, owner, group) or its tape (progress), so results are sorted without building
// component views; readiness is a view's (src/core/readiness).
import type { MaturityIndex } from './vault-index';
import type { Component } from './model';
import type { ComponentQuery } from './query';
import { readinessOf } from './readiness/index';
import { compareCodeUnits, compareComponents, compareNames } from './text';

/** What sorting reads: a component view, or a candidate made from the index's entry. */
export type Sortable = Pick<Component, 'id' | 'name' | 'note'> & Partial<Pick<Component, 'readiness'>>;

/** Progress towards the next stage, 0–1 (1 at the last stage). */
export function progress(component: Pick<Component, 'note'>, index: Pick<MaturityIndex, 'pipeline'>): number {
  const stage = component.note.stage?.id;
  const rank = stage ? index.pipeline.rank.get(stage) ?? -1 : -1;
  const next = index.pipeline.stages[rank + 1]?.id;
  if (!next) return 1;
  const transition = component.note.transitions.find((t) => t.to === next && t.total > 0);
  return transition ? transition.met / transition.total : 0;
}

/**
 * Readiness sorting needs the index's date and settings; without them it falls back to progress.
 * With the index's name order (`ids`), ties are broken by position in it rather than by collating names.
 */
type SortIndex = Pick<MaturityIndex, 'pipeline'> & Partial<Pick<MaturityIndex, 'today' | 'config' | 'component' | 'ids'>>;

function isView(item: Sortable): item is Component {
  return 'diagnostics' in item;
}

function readinessScores(index: SortIndex, progressOf: (c: Sortable) => number): (c: Sortable) => number {
  const scores = new Map<Sortable, number>();
  return (c) => {
    let score = scores.get(c);
    if (score === undefined) {
      const { today, config } = index;
      score = c.readiness?.score ?? (today && config && isView(c) ? readinessOf(c, { ...index, today, config }).score : progressOf(c));
      scores.set(c, score);
    }
    return score;
  };
}

/** Progress once a component (a sort compares each one ~log n times). */
function progressOnce(index: Pick<MaturityIndex, 'pipeline'>): (c: Sortable) => number {
  const known = new Map<Sortable, number>();
  return (c) => {
    let value = known.get(c);
    if (value === undefined) known.set(c, (value = progress(c, index)));
    return value;
  };
}

/**
 * Each component's place in the index's own name order (`ids`), so a tie costs a subtraction
 * instead of a collation: most keys tie often (a stage, a team, a readiness score), and 9,000
 * components sorted by readiness collated names ~100,000 times. Null without the order.
 */
function namePlaces(index: SortIndex): Map<string, number> | null {
  const ids = index.ids?.();
  if (!ids) return null;
  const at = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) at.set(ids[i]!, i);
  return at;
}

/** A text key (owner, group, a date) as ranks, each distinct value compared once (`compare`): equal ranks for values that compare equal. */
function ranksOnce(values: readonly string[], compare: (a: string, b: string) => number): Map<string, number> {
  const distinct = [...new Set(values)].sort(compare);
  const rank = new Map<string, number>();
  distinct.forEach((value, i) => rank.set(value, i > 0 && compare(distinct[i - 1]!, value) === 0 ? rank.get(distinct[i - 1]!)! : i));
  return rank;
}

/** The sort's keys of each component, read once: one or two numbers, compared in order; null for the name order (no key but the tie-break). */
function keysOf(list: readonly Sortable[], key: string, index: SortIndex): ((c: Sortable) => readonly number[]) | null {
  const rank = (c: Sortable) => index.pipeline.rank.get(c.note.stage?.id ?? '') ?? -1;
  const progressOf = progressOnce(index);
  const readinessScore = readinessScores(index, progressOf);
  const text = (valueOf: (c: Sortable) => string, compare: (a: string, b: string) => number) => {
    const values = list.map(valueOf);
    const ranks = ranksOnce(values, compare);
    const at = new Map<Sortable, number>();
    list.forEach((c, i) => at.set(c, ranks.get(values[i]!)!));
    return (c: Sortable) => [at.get(c) ?? 0];
  };
  switch (key) {
    case 'stage':
      return (c) => [rank(c)];
    case 'updated':
      return text((c) => c.note.lastUpdated?.value ?? '', compareCodeUnits);
    case 'progress':
      return (c) => [progressOf(c)];
    case 'readiness':
      return (c) => [readinessScore(c), progressOf(c)];
    case 'owner':
      return text((c) => c.note.owner?.value ?? '', compareNames);
    case 'group':
      return text((c) => c.note.group?.value ?? '', compareNames);
    default:
      return null;
  }
}

/**
 * Read what a sort by `key` reads of a component, now: a query run does it as it visits each one
 * (a slice at a time), so the sort at its end finds it read. A note a plugin took from its cache
 * parses its rest on the first read of a field the index does not keep (owner, group, the date,
 * transitions): 9,000 of them at the sort were ~600 ms in one task of the Logseq harness.
 */
export function readSortKey(c: Sortable, key: string, index: Pick<MaturityIndex, 'pipeline'>): void {
  if (key === 'progress') progress(c, index);
  else if (key === 'owner') void c.note.owner;
  else if (key === 'group') void c.note.group;
  else if (key === 'updated') void c.note.lastUpdated;
}

/**
 * Sort `list` in place by the query's key and order, ties by name in either order. Each
 * component's keys and place in the name order are read once, then compared as numbers: a
 * comparison reads no note and collates nothing.
 */
export function sortComponents<T extends Sortable>(list: T[], query: Pick<ComponentQuery, 'sort' | 'order'>, index: SortIndex): void {
  const key = query.sort ?? 'name';
  const dir = query.order === 'desc' ? -1 : 1;
  const places = namePlaces(index);
  const keys = keysOf(list, key, index);
  const keyed = list.map((c) => ({ c, keys: keys ? keys(c) : [], place: places?.get(c.id) }));
  const names = (a: (typeof keyed)[number], b: (typeof keyed)[number]) => (a.place !== undefined && b.place !== undefined ? a.place - b.place : compareComponents(a.c, b.c));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.keys.length; i++) {
      const cmp = a.keys[i]! - b.keys[i]!;
      if (cmp !== 0) return dir * cmp;
    }
    return (keys === null ? dir : 1) * names(a, b);
  });
  keyed.forEach((k, i) => (list[i] = k.c));
}
