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
 * Name order (compareComponents) as positions in the index's own name order, so a tie costs two
 * look-ups instead of a collation: most keys tie often (a stage, a team, a readiness score), and
 * 9,000 components sorted by readiness collated names ~100,000 times.
 */
function nameOrder(index: SortIndex): (a: Sortable, b: Sortable) => number {
  const ids = index.ids?.();
  if (!ids) return compareComponents;
  const at = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) at.set(ids[i]!, i);
  return (a, b) => {
    const x = at.get(a.id);
    const y = at.get(b.id);
    return x !== undefined && y !== undefined ? x - y : compareComponents(a, b);
  };
}

/** A text key (owner, group) in name collation, each distinct value collated once: ranks, equal for values that collate equal. */
function collatedOnce(list: readonly Sortable[], valueOf: (c: Sortable) => string): (c: Sortable) => number {
  const values = [...new Set(list.map(valueOf))].sort(compareNames);
  const rank = new Map<string, number>();
  values.forEach((value, i) => rank.set(value, i > 0 && compareNames(values[i - 1]!, value) === 0 ? rank.get(values[i - 1]!)! : i));
  return (c) => rank.get(valueOf(c))!;
}

export function sortComponents<T extends Sortable>(list: T[], query: Pick<ComponentQuery, 'sort' | 'order'>, index: SortIndex): void {
  const key = query.sort ?? 'name';
  const dir = query.order === 'desc' ? -1 : 1;
  const names = nameOrder(index);
  const rank = (c: Sortable) => index.pipeline.rank.get(c.note.stage?.id ?? '') ?? -1;
  const progressOf = progressOnce(index);
  const readinessScore = readinessScores(index, progressOf);
  const text = (valueOf: (c: Sortable) => string) => {
    const ranked = collatedOnce(list, valueOf);
    return (a: Sortable, b: Sortable) => ranked(a) - ranked(b);
  };
  const compare: Record<string, () => (a: Sortable, b: Sortable) => number> = {
    name: () => names,
    stage: () => (a, b) => rank(a) - rank(b),
    updated: () => (a, b) => compareCodeUnits(a.note.lastUpdated?.value ?? '', b.note.lastUpdated?.value ?? ''),
    progress: () => (a, b) => progressOf(a) - progressOf(b),
    readiness: () => (a, b) => readinessScore(a) - readinessScore(b) || progressOf(a) - progressOf(b),
    owner: () => text((c) => c.note.owner?.value ?? ''),
    group: () => text((c) => c.note.group?.value ?? ''),
  };
  const cmp = (compare[key] ?? compare['name']!)();
  list.sort((a, b) => dir * cmp(a, b) || names(a, b));
}
