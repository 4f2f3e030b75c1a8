// The index's state and its edits: notes put in, moved and dropped, and the one change report a
// batch of edits makes. Reads (views, cycles, name order) are in index-reads.ts; vault-index.ts
// puts both behind the MaturityIndex interface.
import { resolveConfig, type MaturityConfig } from './settings/index';
import type { CycleFinder } from './graph';
import { classify, identify, type ComponentReason } from './identity';
import type { MaturityNote, StageId } from './model';
import type { BuiltView } from './component-view';
import { createPipeline, type Pipeline } from './stages';
import { attachComponent, createLinks, detachComponent, dropEdges, hasPendingWork, settle, type VaultLinks } from './vault-links';
import { emptyNote, firstLookFor, identityKeys, keepKeys, PARSE_EVERY_NOTE, prepareClassified, slim, type NoteKeys } from './index-notes';
import type { FirstLook } from './first-look';
import { compactNote } from './compact-note';
import type { IndexChange, IndexEntry, IndexOptions } from './vault-index-types';

/** A built view the index keeps: the day and the cycle it shows, and the edges it was last checked against. */
export interface KeptView extends BuiltView {
  today: string;
  /** The entry's note it was built from: a stale view of the same note and day lends the rebuild what the note alone decides. */
  source: MaturityNote;
  /** Something it shows of other components may have changed: rebuilt when next asked for. */
  stale: boolean;
  cycle: string[] | null;
  /** `links.edgeRevision` when the view was built or its cycle last found unchanged. */
  edgeRevision: number;
}

export interface IndexState {
  readonly config: MaturityConfig;
  readonly pipeline: Pipeline;
  readonly look: FirstLook;
  /** Components' view-only parts kept on a tape (IndexOptions.compactNotes). */
  readonly compact: boolean;
  /** The shared note of every text the first look turned away. */
  readonly empty: MaturityNote;
  today: string | null;
  revision: number;
  /** Bumped by every edit, reported or not: caches of derived lists key on it. */
  version: number;
  /** Notes, name keys and resolved edges: see vault-links.ts. */
  readonly links: VaultLinks;
  /** Built views, with the cycle each shows. A view is marked stale when anything it shows may have changed, and goes with its component (see settleNow, component). */
  readonly viewCache: Map<string, KeptView>;
  /** Component → the cached views whose cycle diagnostic names it (they show its name). */
  readonly cycleShownIn: Map<string, Set<string>>;
  readonly listeners: Set<(change: IndexChange) => void>;
  /** Cycle membership of the current edges, found as views ask for it (graph.ts); all cycles on demand. */
  cycleState: { edgeRevision: number; finder: CycleFinder; all: string[][] | null } | null;
  sortedIds: string[] | null;
  /**
   * A name order to try before sorting: the one a host kept with its links (link-resolution.ts),
   * taken only when it still is the order (see ids in index-reads.ts).
   */
  orderHint: readonly string[] | null;
  /** Per-stage lists in name order, for queries by stage: built from the name order once per version. */
  stageLists: { version: number; lists: Map<StageId | null, string[]> } | null;
  /** Inside a batch edits are settled when something is read, and reported once when it ends. */
  batchDepth: number;
  unreported: { touched: Set<string>; removed: Set<string> };
  /** Paths the host could not read, with the reason (see skip). */
  readonly unreadable: Map<string, string>;
}

/** An empty index: its settings resolved, its pipeline and first look built once. */
export function createIndexState(options: IndexOptions): IndexState {
  const config = resolveConfig(options);
  const pipeline = createPipeline(config.stages, config.vocabulary);
  return {
    config,
    pipeline,
    look: options.firstLook === false ? PARSE_EVERY_NOTE : firstLookFor(config, pipeline),
    compact: options.compactNotes !== false,
    empty: emptyNote(pipeline),
    today: options.today ?? null,
    revision: 0,
    version: 0,
    links: createLinks(),
    viewCache: new Map(),
    cycleShownIn: new Map(),
    listeners: new Set(),
    cycleState: null,
    sortedIds: null,
    orderHint: null,
    stageLists: null,
    batchDepth: 0,
    unreported: { touched: new Set(), removed: new Set() },
    unreadable: new Map(),
  };
}

/** Resolve what pending edits affect and mark the views that changed (nothing reported yet). */
export function settleNow(state: IndexState): void {
  const { links, viewCache, cycleShownIn, unreported } = state;
  if (!hasPendingWork(links)) return;
  const { touched, shown, removed } = settle(links);
  const forget = (id: string, gone: boolean): void => {
    const kept = viewCache.get(id);
    // A stale view stays until its component is asked for again: what its note alone decides is reused then.
    if (gone) viewCache.delete(id);
    else if (kept) kept.stale = true;
    // Cycle diagnostics name every member of the cycle.
    const shownIn = cycleShownIn.get(id);
    if (shownIn !== undefined) {
      for (const view of shownIn) {
        const member = viewCache.get(view);
        if (member) member.stale = true;
      }
      cycleShownIn.delete(id);
    }
    unreported.touched.add(id);
  };
  touched.forEach((id) => forget(id, false));
  removed.forEach((id) => forget(id, true));
  // Their views hold nothing that changed; a host redraws them for what they show beside them.
  shown.forEach((id) => unreported.touched.add(id));
  for (const id of removed) unreported.removed.add(id);
}

/** One revision and one change event for everything edited since the last report. */
export function report(state: IndexState, extra: Partial<IndexChange> = {}): IndexChange {
  settleNow(state);
  state.revision++;
  const { touched, removed } = state.unreported;
  state.unreported = { touched: new Set(), removed: new Set() };
  const { componentIds } = state.links;
  const change: IndexChange = {
    revision: state.revision,
    // sort() with no comparator orders strings by code units, as compareCodeUnits does, without a call per comparison.
    changed: [...touched].filter((id) => componentIds.has(id)).sort(),
    removed: [...removed].filter((id) => !componentIds.has(id)).sort(),
    ...extra,
  };
  for (const listener of state.listeners) listener(change);
  return change;
}

/** After an edit: report it now, or later when inside a batch. */
export function edited(state: IndexState, extra: Partial<IndexChange> = {}): IndexChange {
  state.version++;
  if (state.batchDepth > 0) return { revision: state.revision, changed: [], removed: [], ...extra };
  return report(state, extra);
}

/**
 * `compact`: keep a component's view-only parts on a tape (compact-note.ts); the index's own parse
 * asks for it. `known`: the note's classification, when the caller has it (putText).
 */
export function putNote(state: IndexState, path: string, note: MaturityNote, keys?: NoteKeys, compact = false, known?: ComponentReason | null): void {
  const { links } = state;
  const wasComponent = links.componentIds.has(path);
  const oldName = wasComponent ? links.entries.get(path)!.identity.name : null;
  if (keys) keepKeys(note, path, keys);
  const { reason, identity } = keys ?? identityKeys(note, path, state.config, state.pipeline, known);
  // prepareNote slimmed a note that is no component already (a kept note's keys say it is one).
  const kept = reason || note === state.empty || keys ? note : slim(note);
  const entry: IndexEntry = { path, note: reason && compact ? compactNote(kept) : kept, identity, reason };
  const keysInPlace = wasComponent && detachComponent(links, path, reason ? entry : undefined);
  links.entries.set(path, entry);
  if (reason) attachComponent(links, entry, keysInPlace);
  else if (wasComponent) dropEdges(links, path);
  // The sorted id list survives an edit that keeps the component and its name.
  if (!(wasComponent && reason && identity.name === oldName) && (wasComponent || reason)) state.sortedIds = null;
}

export function dropNote(state: IndexState, path: string): void {
  const { links } = state;
  if (links.componentIds.has(path)) {
    detachComponent(links, path);
    dropEdges(links, path);
    state.sortedIds = null;
  }
  links.entries.delete(path);
  state.viewCache.delete(path);
}

/** A note the host read: prepared (first look, parse) and put in. */
export function putText(state: IndexState, path: string, text: string): void {
  // A note the index already holds is being edited: its view is rebuilt at once, so a tape would
  // only be read back. Notes met for the first time (a start-up, a new file) are kept compact.
  const compact = state.compact && !state.links.entries.has(path);
  const { note, reason } = prepareClassified(text, path, state.config, state.pipeline, state.look, 'index');
  putNote(state, path, note, undefined, compact, reason);
}

/** A note the host could not read: out of the index, its reason kept for a diagnostic. */
export function skip(state: IndexState, path: string, reason: string): IndexChange {
  dropNote(state, path);
  state.unreadable.set(path, reason);
  return edited(state);
}

/** A note moved: re-read when its text is given, else its entry moves (and says when it needs its text). */
export function rename(state: IndexState, from: string, to: string, text?: string): IndexChange {
  const { links, config } = state;
  if (text !== undefined) {
    dropNote(state, from);
    putText(state, to, text);
    return edited(state);
  }
  const entry = links.entries.get(from);
  if (!entry) return { revision: state.revision, changed: [], removed: [] };
  const wasComponent = links.componentIds.has(from);
  dropNote(state, from);
  const reason = classify(entry.note, to, config.components);
  const moved: IndexEntry = { path: to, note: entry.note, identity: identify(entry.note, to, config.components), reason };
  links.entries.set(to, moved);
  // A note that was slimmed cannot become a component without its text.
  const needsText = reason !== null && !wasComponent;
  if (reason && wasComponent) attachComponent(links, moved);
  else if (needsText) moved.reason = null;
  return edited(state, needsText ? { needsText } : {});
}

export function endBatch(state: IndexState): IndexChange {
  if (state.batchDepth === 0) throw new Error('endBatch without beginBatch');
  state.batchDepth--;
  if (state.batchDepth > 0) return { revision: state.revision, changed: [], removed: [] };
  return report(state);
}

export function batch(state: IndexState, fn: () => void): IndexChange {
  state.batchDepth++;
  let done = false;
  try {
    fn();
    done = true;
  } finally {
    // A throwing batch still ends (its edits stand, reported by the next change).
    if (!done) state.batchDepth--;
  }
  return endBatch(state);
}
