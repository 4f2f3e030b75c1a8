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
function readinessScore(index: SortIndex, c: Sortable, progressOf: () => number): number {
  const { today, config } = index;
  return c.readiness?.score ?? (today && config && isView(c) ? readinessOf(c, { ...index, today, config }).score : progressOf());
}

/**
 * Each item's place in the index's own name order (`ids`), so a tie costs a subtraction instead of
 * a collation: most keys tie often (a stage, a team, a readiness score), and 9,000 components
 * sorted by readiness collated names ~100,000 times. Without that order (or for an item not in
 * it), the list's names are collated once.
 */
function namePlaces(list: readonly Sortable[], index: SortIndex): number[] {
  const ids = index.ids?.();
  if (ids) {
    const at = new Map<string, number>();
    for (let i = 0; i < ids.length; i++) at.set(ids[i]!, i);
    const places = list.map((c) => at.get(c.id));
    if (places.every((place) => place !== undefined)) return places as number[];
  }
  const places = new Array<number>(list.length);
  list
    .map((_, i) => i)
    .sort((a, b) => compareComponents(list[a]!, list[b]!))
    .forEach((item, place) => (places[item] = place));
  return places;
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

/** Read once a component (SortedHits.add): no memory of what it read is needed. */
function keyReader(key: string, index: SortIndex): KeyReader {
  const progressOf = (c: Sortable) => progress(c, index);
  switch (key) {
    case 'stage':
      return { numbers: (c) => [index.pipeline.rank.get(c.note.stage?.id ?? '') ?? -1] };
    case 'updated':
      return { text: (c) => c.note.lastUpdated?.value ?? '', compare: compareCodeUnits };
    case 'progress':
      return { numbers: (c) => [progressOf(c)] };
    case 'readiness':
      return {
        numbers: (c) => {
          const progressNow = progressOf(c); // the second key, and the score where no readiness is known
          return [readinessScore(index, c, () => progressNow), progressNow];
        },
      };
    case 'owner':
      return { text: (c) => c.note.owner?.value ?? '', compare: compareNames };
    case 'group':
      return { text: (c) => c.note.group?.value ?? '', compare: compareNames };
    default:
      return null;
  }
}

/**
 * Sort `list` in place by the query's key and order, ties by name in either order. Each
 * component's keys and place in the name order are read once, then compared as numbers: a
 * comparison reads no note and collates nothing.
 */
export function sortComponents<T extends Sortable>(list: T[], query: Pick<ComponentQuery, 'sort' | 'order'>, index: SortIndex): void {
  const places = namePlaces(list, index);
  const hits = sortedHits<T>(query, index);
  list.forEach((c, i) => hits.add(c, places[i]!));
  hits.sorted().forEach((c, i) => (list[i] = c));
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
  const reader = keyReader(query.sort ?? 'name', index);
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
