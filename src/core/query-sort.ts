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

/** Readiness sorting needs the index's date and settings; without them it falls back to progress. */
type SortIndex = Pick<MaturityIndex, 'pipeline'> & Partial<Pick<MaturityIndex, 'today' | 'config' | 'component'>>;

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

export function sortComponents<T extends Sortable>(list: T[], query: Pick<ComponentQuery, 'sort' | 'order'>, index: SortIndex): void {
  const key = query.sort ?? 'name';
  const dir = query.order === 'desc' ? -1 : 1;
  const rank = (c: Sortable) => index.pipeline.rank.get(c.note.stage?.id ?? '') ?? -1;
  const progressOf = progressOnce(index);
  const readinessScore = readinessScores(index, progressOf);
  const compare: Record<string, (a: Sortable, b: Sortable) => number> = {
    name: compareComponents,
    stage: (a, b) => rank(a) - rank(b),
    updated: (a, b) => compareCodeUnits(a.note.lastUpdated?.value ?? '', b.note.lastUpdated?.value ?? ''),
    progress: (a, b) => progressOf(a) - progressOf(b),
    readiness: (a, b) => readinessScore(a) - readinessScore(b) || progressOf(a) - progressOf(b),
    owner: (a, b) => compareNames(a.note.owner?.value ?? '', b.note.owner?.value ?? ''),
    group: (a, b) => compareNames(a.note.group?.value ?? '', b.note.group?.value ?? ''),
  };
  const cmp = compare[key] ?? compareComponents;
  list.sort((a, b) => dir * cmp(a, b) || compareComponents(a, b));
}
