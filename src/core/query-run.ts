// Running a query: ids visited in name order, each tested first on what the index keeps of its
// note (stage, tags, owner, group, name, path: no view built), and only the survivors' views
// built when a filter or the order needs one (blocked, stale, errors, ready, sort by readiness).
// A view costs ~150 µs (its note read back whole, its diagnostics and readiness), so a query over
// 10k components that built every view was a second and a half in one task; this one builds none
// for a text or owner search. The run is resumable: a host steps it a slice at a time
// (src/plugin-cache/view-slices.ts) where a synchronous caller runs it to the end.
import type { Component, StageId } from './model';
import type { ComponentQuery } from './query';
import { sortedHits, type Sortable } from './query-sort';
import { readinessOf } from './readiness/index';
import { isBlocked } from './serialize';
import { containsText, matchesText, textNeedle } from './text-match';
import type { MaturityIndex } from './vault-index';

/** What a query reads: a live index, or a snapshot of one (the standalone dashboard). */
export type QuerySource = Pick<MaturityIndex, 'pipeline' | 'ids' | 'idsAtStage' | 'component'> &
  Partial<Pick<MaturityIndex, 'today' | 'config' | 'idsAtStageByName' | 'entry'>>;

export type IsReady = (c: Component) => boolean;

export interface QueryRun {
  /** Visit components until the run is done or `spent()` says the slice is over; true when done. */
  step(spent: () => boolean): boolean;
  /** The matching ids in result order, `limit` applied. Call once `step` has returned true. */
  result(): string[];
}

/** Cheap visits between two looks at the clock; every built view is followed by one. */
const VISITS_PER_LOOK = 256;

/** The evidence-backed readiness every view carries (src/core/readiness). */
function defaultIsReady(index: QuerySource): IsReady {
  return (c) => c.readiness?.ready ?? (index.today && index.config ? readinessOf(c, { ...index, today: index.today, config: index.config }).ready : false);
}

/** The stages asked for: one stage's name-ordered list, or several stages' sets to test ids against. */
function stageScope(index: QuerySource, query: ComponentQuery): { ids: readonly string[]; wanted: Array<ReadonlySet<string>> | null } {
  if (!query.stage || query.stage.length === 0) return { ids: index.ids(), wanted: null };
  const stages = new Set<StageId | null>();
  for (const s of query.stage) {
    const stage = s.toLowerCase();
    if (stage === 'unknown' || stage === 'none') stages.add(null);
    const match = index.pipeline.words.find((w) => w.word === stage);
    if (match) stages.add(match.id);
  }
  if (stages.size === 1 && index.idsAtStageByName) return { ids: index.idsAtStageByName([...stages][0]!), wanted: null };
  // Several stages: ids() is in name order, so filtering it keeps that order.
  return { ids: index.ids(), wanted: [...stages].map((stage) => index.idsAtStage(stage)) };
}

function inAny(sets: ReadonlyArray<ReadonlySet<string>>, id: string): boolean {
  for (const set of sets) if (set.has(id)) return true;
  return false;
}

/** The filters that read only what the index keeps of a note; null when the query has none. */
function keptFilter(query: ComponentQuery): ((c: Sortable) => boolean) | null {
  const tags = query.tag?.map((t) => t.replace(/^#/, '').toLowerCase());
  const owner = textNeedle(query.owner);
  const group = textNeedle(query.group);
  const text = textNeedle(query.text);
  if (!tags && owner === null && group === null && text === null) return null;
  return (c) => {
    const note = c.note;
    if (tags && !tags.some((t) => note.tags.some((nt) => nt.toLowerCase() === t || nt.toLowerCase().startsWith(`${t}/`)))) return false;
    if (owner !== null && !containsText(note.owner?.value, owner)) return false;
    if (group !== null && !containsText(note.group?.value, group)) return false;
    return text === null || matchesText(c, text);
  };
}

/** The filters that read a component's view; null when the query has none. */
function viewFilter(index: QuerySource, query: ComponentQuery, isReady: IsReady): ((c: Component) => boolean) | null {
  const { blocked, stale, hasErrors, ready } = query;
  if (blocked === undefined && stale === undefined && hasErrors === undefined && ready === undefined) return null;
  return (c) =>
    (blocked === undefined || isBlocked(c, index) === blocked) &&
    (stale === undefined || c.stale === stale) &&
    (hasErrors === undefined || c.diagnostics.some((d) => d.severity === 'error') === hasErrors) &&
    (ready === undefined || isReady(c) === ready);
}

/** A component as the kept filters see it: the index's entry where the source has one, else its view. */
function candidateReader(index: QuerySource): (id: string) => Sortable | undefined {
  const entry = index.entry;
  if (!entry) return (id) => index.component(id);
  return (id) => {
    const e = entry(id);
    return e ? { id, name: e.identity.name, note: e.note } : undefined;
  };
}

export function createQueryRun(index: QuerySource, query: ComponentQuery, isReady: IsReady = defaultIsReady(index)): QueryRun {
  const { ids, wanted } = stageScope(index, query);
  const sort = query.sort ?? 'name';
  const kept = keptFilter(query);
  const viewed = viewFilter(index, query, isReady);
  const needsView = viewed !== null || sort === 'readiness';
  if (wanted === null && kept === null && !needsView && sort === 'name') return inNameOrder(ids, query);
  // In name order already: with a limit the run ends at the limit-th hit, from the end for `desc`.
  const stopAt = sort === 'name' && query.limit ? query.limit : Infinity;
  const fromEnd = stopAt !== Infinity && query.order === 'desc';
  const candidate = candidateReader(index);
  const hits: Sortable[] = [];
  // Keys read as each hit is visited (in this run's slices), so the sort at the end compares numbers.
  const sorting = sort === 'name' ? null : sortedHits<Sortable>(query, index);
  let next = 0;
  const keep = (c: Sortable) => (sorting ? sorting.add(c, next - 1) : hits.push(c));

  const visit = (id: string): boolean => {
    if (wanted !== null && !inAny(wanted, id)) return false;
    const c = candidate(id);
    if (!c || (kept !== null && !kept(c))) return false;
    if (!needsView) {
      keep(c);
      return false;
    }
    const view = index.component(id);
    if (view && (viewed === null || viewed(view))) keep(view);
    return true;
  };

  return {
    step(spent) {
      let sinceLook = 0;
      while (next < ids.length && hits.length < stopAt) {
        const id = ids[fromEnd ? ids.length - 1 - next : next]!;
        next++;
        const built = visit(id);
        if ((built || ++sinceLook >= VISITS_PER_LOOK) && next < ids.length) {
          sinceLook = 0;
          if (spent()) return false;
        }
      }
      return true;
    },
    result() {
      const list = sorting ? sorting.sorted() : hits;
      if (!sorting && query.order === 'desc' && !fromEnd) list.reverse();
      const out = list.map((c) => c.id);
      return query.limit ? out.slice(0, query.limit) : out;
    },
  };
}

/** Nothing to test and the order kept: the ids are the result as they stand (a stage's, or every one). */
function inNameOrder(ids: readonly string[], query: ComponentQuery): QueryRun {
  return {
    step: () => true,
    result() {
      const count = query.limit ? Math.min(query.limit, ids.length) : ids.length;
      return query.order === 'desc' ? ids.slice(ids.length - count).reverse() : ids.slice(0, count);
    },
  };
}

/** The ids a query matches, in result order (limit applied); views built only where needed. */
export function queryIds(index: QuerySource, query: ComponentQuery, isReady?: IsReady): string[] {
  const run = createQueryRun(index, query, isReady);
  run.step(() => false);
  return run.result();
}
