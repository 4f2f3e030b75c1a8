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

/** A component's readiness score: its view's, else computed from the view, else its progress. */
function readinessScore(index: SortIndex, c: Sortable, progressOf: (c: Sortable) => number): number {
  const { today, config } = index;
  return c.readiness?.score ?? (today && config && isView(c) ? readinessOf(c, { ...index, today, config }).score : progressOf(c));
}

/** The same once a component (a sort compares each one ~log n times). */
function readinessScores(index: SortIndex, progressOf: (c: Sortable) => number): (c: Sortable) => number {
  const scores = new Map<Sortable, number>();
  return (c) => {
    let score = scores.get(c);
    if (score === undefined) scores.set(c, (score = readinessScore(index, c, progressOf)));
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

/**
 * How a sort by `key` reads a component: one or two numbers, or a text (owner, group, a date)
 * ranked once every value is known; null for the name order (no key but the tie-break).
 */
type KeyReader = { numbers: (c: Sortable) => readonly number[] } | { text: (c: Sortable) => string; compare: (a: string, b: string) => number } | null;

function keyReader(key: string, index: SortIndex, eachOnce: boolean): KeyReader {
  // A reader asked once a component needs no memory of what it read.
  const progressOf = eachOnce ? (c: Sortable) => progress(c, index) : progressOnce(index);
  const scoreOf = eachOnce ? (c: Sortable) => readinessScore(index, c, progressOf) : readinessScores(index, progressOf);
  switch (key) {
    case 'stage':
      return { numbers: (c) => [index.pipeline.rank.get(c.note.stage?.id ?? '') ?? -1] };
    case 'updated':
      return { text: (c) => c.note.lastUpdated?.value ?? '', compare: compareCodeUnits };
    case 'progress':
      return { numbers: (c) => [progressOf(c)] };
    case 'readiness':
      return { numbers: (c) => [scoreOf(c), progressOf(c)] };
    case 'owner':
      return { text: (c) => c.note.owner?.value ?? '', compare: compareNames };
    case 'group':
      return { text: (c) => c.note.group?.value ?? '', compare: compareNames };
    default:
      return null;
  }
}

/** The sort's keys of each component of `list`, read once, as numbers compared in order. */
function keysOf(list: readonly Sortable[], reader: KeyReader): ((c: Sortable) => readonly number[]) | null {
  if (reader === null) return null;
  if ('numbers' in reader) return reader.numbers;
  const values = list.map(reader.text);
  const ranks = ranksOnce(values, reader.compare);
  const at = new Map<Sortable, number>();
  list.forEach((c, i) => at.set(c, ranks.get(values[i]!)!));
  return (c: Sortable) => [at.get(c) ?? 0];
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
  const keys = keysOf(list, keyReader(key, index, false));
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

/** A query run's hits sorted by its key, their keys read as each is visited (SortedHits.add). */
export interface SortedHits<T extends Sortable> {
  /** A hit, at its place in the index's name order (a run visits ids in that order). */
  add(c: T, place: number): void;
  /** The hits added, in the query's order, ties by name; each comparison compares numbers. */
  sorted(): T[];
}

/**
 * A sort whose keys are read one hit at a time, in the query run's slices: its end then compares
 * numbers it already has. Sorting 9,300 views by readiness at the end read each one's score and
 * progress there: 20–25 ms of the 32–89 ms task that showed the sorted table (bench:obsidian,
 * session 24). Text keys (owner, group, a date) are read as visited and ranked at the end, each
 * distinct value compared once. A note a plugin took from its cache parses its rest on the first
 * read of a field the index does not keep (owner, group, the date, transitions): 9,000 of them at
 * the sort were ~600 ms in one task of the Logseq harness (session 18).
 */
export function sortedHits<T extends Sortable>(query: Pick<ComponentQuery, 'sort' | 'order'>, index: SortIndex): SortedHits<T> {
  const reader = keyReader(query.sort ?? 'name', index, true);
  const dir = query.order === 'desc' ? -1 : 1;
  const hits: T[] = [];
  const places: number[] = [];
  const first: number[] = [];
  const second: number[] = [];
  const texts: string[] = [];
  return {
    add(c, place) {
      hits.push(c);
      places.push(place);
      if (reader === null) return;
      if ('text' in reader) texts.push(reader.text(c));
      else {
        const keys = reader.numbers(c);
        first.push(keys[0]!);
        second.push(keys[1] ?? 0);
      }
    },
    sorted() {
      if (reader !== null && 'text' in reader) {
        const ranks = ranksOnce(texts, reader.compare);
        for (const text of texts) first.push(ranks.get(text)!);
      }
      const order = hits.map((_, i) => i);
      if (reader === null) order.sort((a, b) => dir * (places[a]! - places[b]!));
      else order.sort((a, b) => dir * (first[a]! - first[b]!) || dir * (second[a]! - second[b]!) || places[a]! - places[b]!);
      return order.map((i) => hits[i]!);
    },
  };
}
