// Counters of the index's unit work (dependencies resolved, candidates ranked and compared, ids
// visited when a key changes or a view lists its duplicates, components a cycle search enters).
// Tests of complexity read them: they count work rather than time it, so they hold on a busy machine.

export interface WorkCount {
  /** Dependencies resolved (one `resolveDependency` call each). */
  resolved: number;
  /** Rank computations of a same-name candidate. */
  ranked: number;
  /** Comparisons made while sorting candidates or duplicates. */
  compared: number;
  /** Ids visited to find who a changed key affects, or who shares a view's name. */
  visited: number;
  /** Components the cycle search entered (graph.ts: each once per graph, however many views ask). */
  cycleVisited: number;
  /** Cycle memberships asked of a cycle finder (graph.ts `cycleOf`), searched or not. Not part of totalWork. */
  cycleLookups: number;
  /** Compact notes read back whole from their tape (compact-note.ts). Not part of totalWork. */
  tapeReads: number;
  /** Times the name order was sorted, not taken from a kept order (index-reads.ts). Not part of totalWork. */
  nameSorts: number;
  /** Component views built, not taken from the view cache (index-reads.ts). Not part of totalWork. */
  viewsBuilt: number;
  /**
   * Of viewsBuilt, those built on a stale view of the same note and day: what the note alone
   * decides taken from it, the rest worked out again (component-view.ts). Not part of totalWork.
   */
  viewsFromStale: number;
  /** Spellings normalised (nameKey) to work out a dependency's keys (resolve.ts). Not part of totalWork. */
  dependencyNamesKeyed: number;
  /** Component timelines worked out (stage-history.ts `componentTimeline`). Not part of totalWork. */
  timelines: number;
  /** Timelines read to find the dates a chart spans (stage-history.ts `timelineRange`). Not part of totalWork. */
  timelinesRanged: number;
  /**
   * Graph layouts run in this thread (render/graph/layout-request.ts `layoutHere`: a graph view's
   * own layout when it has no worker, or a layout worker's in that worker's copy). Not part of totalWork.
   */
  graphLayouts: number;
  /**
   * Components whose detail was joined and readiness computed (dashboard-data.ts
   * `detailedComponent`: what the standalone page's context answers for a card). Not part of totalWork.
   */
  detailsJoined: number;
  /** Components whose name keys were put in the lookup maps (link-keys.ts). Not part of totalWork. */
  keysPlaced: number;
}

function zeroCount(): WorkCount {
  return { resolved: 0, ranked: 0, compared: 0, visited: 0, cycleVisited: 0, cycleLookups: 0, tapeReads: 0, nameSorts: 0, viewsBuilt: 0, viewsFromStale: 0, dependencyNamesKeyed: 0, timelines: 0, timelinesRanged: 0, graphLayouts: 0, detailsJoined: 0, keysPlaced: 0 };
}

export const workCount: WorkCount = zeroCount();

/** Zero every counter; returns the counter object to read afterwards. */
export function resetWorkCount(): WorkCount {
  return Object.assign(workCount, zeroCount());
}

/** Sum of every kind of work, for a single bound. */
export function totalWork(count: WorkCount = workCount): number {
  return count.resolved + count.ranked + count.compared + count.visited + count.cycleVisited;
}
