// The in-memory index: notes in, components with resolved dependencies out. Updates are
// incremental — an edit touches the note, the notes that link to its names and its dependents.
// Its shapes are in vault-index-types.ts; what it keeps of each note, in index-notes.ts.
import { resolveConfig } from './settings/index';
import { localToday } from './dates';
import { MAX_NOTE_BYTES, tooLargeReason, unreadableDiagnostics } from './unreadable';
import { createCycleFinder, type CycleFinder } from './graph';
import { classify, identify } from './identity';
import type { Component, MaturityNote, StageId } from './model';
import { createPipeline } from './stages';
import { MAX_CANDIDATES, resolveDependency } from './resolve';
import { buildComponent, cycleDiagnostics } from './component-view';
import { compareCodeUnits, compareComponents } from './text';
import { exportResolution } from './link-resolution';
import { adoptResolution, attachComponent, createLinks, dependencyEdges, detachComponent, dropEdges, hasPendingWork, sameNamed, settle } from './vault-links';
import { idsOf } from './id-multimap';
import { emptyNote, firstLookFor, keepKeys, noteKeys, PARSE_EVERY_NOTE, prepareNote, slim, type NoteKeys } from './index-notes';
import type { IndexChange, IndexEntry, IndexOptions, MaturityIndex } from './vault-index-types';

export type { IndexChange, IndexEntry, IndexOptions, MaturityIndex } from './vault-index-types';
export { emptyNote, noteKeys, prepareNote, type NoteKeys } from './index-notes';

export function createIndex(options: IndexOptions = {}): MaturityIndex {
  const config = resolveConfig(options);
  const pipeline = createPipeline(config.stages, config.vocabulary);
  const look = options.firstLook === false ? PARSE_EVERY_NOTE : firstLookFor(config, pipeline);
  const empty = emptyNote(pipeline);
  let today = options.today ?? null;
  let revision = 0;
  // Bumped by every edit, reported or not: caches of derived lists key on it.
  let version = 0;
  // Notes, name keys and resolved edges: see vault-links.ts.
  const links = createLinks();
  const { entries, componentIds, resolved, dependents, byStage } = links;
  /** Built views, with the cycle each shows. An entry goes when anything it shows may have changed (see settleNow, component). */
  const viewCache = new Map<string, { today: string; component: Component; cycle: string[] | null }>();
  /** Component → the cached views whose cycle diagnostic names it (they show its name). */
  const cycleShownIn = new Map<string, Set<string>>();
  const listeners = new Set<(change: IndexChange) => void>();
  // Cycle membership of the current edges, found as views ask for it (graph.ts); all cycles on demand.
  let cycleState: { edgeRevision: number; finder: CycleFinder; all: string[][] | null } | null = null;
  let sortedIds: string[] | null = null;
  // Inside a batch edits are settled when something is read, and reported once when it ends.
  let batchDepth = 0;
  let unreported: { touched: Set<string>; removed: Set<string> } = { touched: new Set(), removed: new Set() };
  /** Paths the host could not read, with the reason (see skip). */
  const unreadable = new Map<string, string>();

  /** Resolve what pending edits affect and drop the views that changed (nothing reported yet). */
  function settleNow(): void {
    if (!hasPendingWork(links)) return;
    const { touched, removed } = settle(links);
    for (const id of [...touched, ...removed]) {
      viewCache.delete(id);
      // Cycle diagnostics name every member of the cycle.
      for (const view of cycleShownIn.get(id) ?? []) viewCache.delete(view);
      cycleShownIn.delete(id);
      unreported.touched.add(id);
    }
    for (const id of removed) unreported.removed.add(id);
  }

  /** One revision and one change event for everything edited since the last report. */
  function report(extra: Partial<IndexChange> = {}): IndexChange {
    settleNow();
    revision++;
    const { touched, removed } = unreported;
    unreported = { touched: new Set(), removed: new Set() };
    const change: IndexChange = {
      revision,
      changed: [...touched].filter((id) => componentIds.has(id)).sort(compareCodeUnits),
      removed: [...removed].filter((id) => !componentIds.has(id)).sort(compareCodeUnits),
      ...extra,
    };
    for (const listener of listeners) listener(change);
    return change;
  }

  /** After an edit: report it now, or later when inside a batch. */
  function edited(extra: Partial<IndexChange> = {}): IndexChange {
    version++;
    if (batchDepth > 0) return { revision, changed: [], removed: [], ...extra };
    return report(extra);
  }

  function putNote(path: string, note: MaturityNote, keys?: NoteKeys): void {
    const wasComponent = componentIds.has(path);
    const oldName = wasComponent ? entries.get(path)!.identity.name : null;
    if (keys) keepKeys(note, path, keys);
    const { reason, identity } = keys ?? noteKeys(note, path, config, pipeline);
    // prepareNote slimmed a note that is no component already (a kept note's keys say it is one).
    const entry: IndexEntry = { path, note: reason || note === empty || keys ? note : slim(note), identity, reason };
    const keysInPlace = wasComponent && detachComponent(links, path, reason ? entry : undefined);
    entries.set(path, entry);
    if (reason) attachComponent(links, entry, keysInPlace);
    else if (wasComponent) dropEdges(links, path);
    // The sorted id list survives an edit that keeps the component and its name.
    if (!(wasComponent && reason && identity.name === oldName) && (wasComponent || reason)) sortedIds = null;
  }

  function dropNote(path: string): void {
    if (componentIds.has(path)) {
      detachComponent(links, path);
      dropEdges(links, path);
      sortedIds = null;
    }
    entries.delete(path);
    viewCache.delete(path);
  }

  function upsert(path: string, text: string): IndexChange {
    // UTF-16 code units never outnumber UTF-8 bytes, so this only catches notes over the limit.
    if (text.length > MAX_NOTE_BYTES) return skip(path, tooLargeReason(text.length));
    unreadable.delete(path);
    putNote(path, prepareNote(text, path, config, pipeline, look, 'index'));
    return edited();
  }

  function upsertNote(path: string, note: MaturityNote, keys?: NoteKeys): IndexChange {
    unreadable.delete(path);
    putNote(path, note, keys);
    return edited();
  }

  function remove(path: string): IndexChange {
    unreadable.delete(path);
    dropNote(path);
    return edited();
  }

  function skip(path: string, reason: string): IndexChange {
    dropNote(path);
    unreadable.set(path, reason);
    return edited();
  }

  function rename(from: string, to: string, text?: string): IndexChange {
    if (text !== undefined) {
      dropNote(from);
      putNote(to, prepareNote(text, to, config, pipeline, look, 'index'));
      return edited();
    }
    const entry = entries.get(from);
    if (!entry) return { revision, changed: [], removed: [] };
    const wasComponent = componentIds.has(from);
    dropNote(from);
    const reason = classify(entry.note, to, config.components);
    const moved: IndexEntry = { path: to, note: entry.note, identity: identify(entry.note, to, config.components), reason };
    entries.set(to, moved);
    // A note that was slimmed cannot become a component without its text.
    const needsText = reason !== null && !wasComponent;
    if (reason && wasComponent) attachComponent(links, moved);
    else if (needsText) moved.reason = null;
    return edited(needsText ? { needsText } : {});
  }

  function beginBatch(): void {
    batchDepth++;
  }

  function endBatch(): IndexChange {
    if (batchDepth === 0) throw new Error('endBatch without beginBatch');
    batchDepth--;
    if (batchDepth > 0) return { revision, changed: [], removed: [] };
    return report();
  }

  function batch(fn: () => void): IndexChange {
    beginBatch();
    let done = false;
    try {
      fn();
      done = true;
    } finally {
      // A throwing batch still ends (its edits stand, reported by the next change).
      if (!done) batchDepth--;
    }
    return endBatch();
  }

  /** A component's distinct dependency ids: its edges (as `edges()` lists them). */
  function targetsOf(id: string): string[] {
    const targets: string[] = [];
    for (const dep of resolved.get(id) ?? []) if (dep.id && !targets.includes(dep.id)) targets.push(dep.id);
    return targets;
  }

  /** The cycle search over the current edges: a new one whenever an edge appeared or went. */
  function cycleInfo(): NonNullable<typeof cycleState> {
    settleNow();
    if (cycleState?.edgeRevision !== links.edgeRevision) cycleState = { edgeRevision: links.edgeRevision, finder: createCycleFinder(targetsOf), all: null };
    return cycleState;
  }

  /** Every cycle in the graph: the one whole-graph pass, for vault-wide lists and diagnostics. */
  function allCycles(): string[][] {
    const info = cycleInfo();
    info.all ??= info.finder.all(componentIds);
    return info.all;
  }

  function edges(): Map<string, string[]> {
    settleNow();
    return dependencyEdges(links);
  }

  function component(id: string): Component | undefined {
    settleNow();
    const entry = entries.get(id);
    if (!entry || !componentIds.has(id)) return undefined;
    const day = today ?? localToday();
    // Only what this component reaches is searched; a view built with another cycle is stale.
    const cycle = cycleInfo().finder.cycleOf(id);
    const cached = viewCache.get(id);
    if (cached && cached.today === day && sameCycle(cached.cycle, cycle)) return cached.component;
    const view = buildComponent({
      entry,
      pipeline,
      config,
      today: day,
      dependencies: resolved.get(id) ?? [],
      dependents: [...idsOf(dependents, id)].sort(),
      stageOf: (other) => entries.get(other)?.note.stage?.id ?? null,
      nameOf: (other) => entries.get(other)?.identity.name ?? other,
      // In path order: the same vault gives the same message whatever order the notes arrived in.
      duplicates: sameNamed(links, id, entry.identity.keys[0]!, MAX_CANDIDATES),
      cycle,
    });
    viewCache.set(id, { today: day, component: view, cycle });
    for (const member of cycle ?? []) {
      const views = cycleShownIn.get(member);
      if (views) views.add(id);
      else cycleShownIn.set(member, new Set([id]));
    }
    return view;
  }

  // Per-stage lists in name order, for queries by stage: built from ids() once per revision.
  let stageLists: { version: number; lists: Map<StageId | null, string[]> } | null = null;
  function idsAtStageByName(stage: StageId | null): readonly string[] {
    settleNow();
    if (stageLists?.version !== version) {
      const lists = new Map<StageId | null, string[]>();
      for (const id of ids()) {
        const at = entries.get(id)!.note.stage?.id ?? null;
        const list = lists.get(at);
        if (list) list.push(id);
        else lists.set(at, [id]);
      }
      stageLists = { version, lists };
    }
    return stageLists.lists.get(stage) ?? [];
  }

  function ids(): string[] {
    settleNow();
    if (!sortedIds) {
      // Names looked up once, not twice per comparison: 10,000 components sort in one short task.
      const named = [...componentIds].map((id) => ({ id, name: entries.get(id)!.identity.name }));
      sortedIds = named.sort(compareComponents).map((c) => c.id);
    }
    return sortedIds;
  }

  return {
    config,
    pipeline,
    revision: () => revision,
    upsert,
    upsertNote,
    remove,
    rename,
    beginBatch,
    endBatch,
    batch,
    has: (path) => entries.has(path),
    entry: (path) => entries.get(path),
    ids,
    component,
    components: () => ids().map((id) => component(id)!),
    idsAtStage: (stage) => byStage.get(stage) ?? new Set(),
    idsAtStageByName,
    edges,
    cycles: allCycles,
    vaultDiagnostics: () => [
      ...cycleDiagnostics(allCycles(), (id) => entries.get(id)?.identity.name ?? id, config),
      ...unreadableDiagnostics(unreadable, config),
    ],
    skip,
    lookup: (name) => {
      const dep = { name, link: true, declaredStage: null, declaredRaw: '', declaredBlocked: false, optional: false, note: '', line: 0 };
      return resolveDependency(dep, '', links.candidates).id;
    },
    linkResolution: () => {
      settleNow();
      return exportResolution(links);
    },
    adoptLinkResolution: (resolution) => adoptResolution(links, resolution),
    setToday: (value) => {
      today = value;
    },
    today: () => today ?? localToday(),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function sameCycle(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === b) return true;
  return a !== null && b !== null && a.length === b.length && a.every((id, k) => id === b[k]);
}
