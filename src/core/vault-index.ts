// The in-memory index: notes in, components with resolved dependencies out. Updates are
// incremental — an edit touches the note, the notes that link to its names and its dependents.
// Its shapes are in vault-index-types.ts; its state and edits in index-state.ts; what it answers
// in index-reads.ts; what it keeps of each note, in index-notes.ts.
import { clockToday } from './dates';
import { MAX_NOTE_BYTES, tooLargeReason, unreadableDiagnostics } from './unreadable';
import { resolveDependency } from './resolve';
import { cycleDiagnostics } from './component-view';
import { exportResolution } from './link-resolution';
import { adoptResolution } from './vault-links';
import { placeKeys, placeSomeKeys } from './link-keys';
import { batch, createIndexState, dropNote, edited, endBatch, putNote, putText, rename, settleNow, skip, type IndexState } from './index-state';
import { allCycles, component, cycleInfo, edges, ids, idsAtStageByName } from './index-reads';
import type { IndexOptions, MaturityIndex } from './vault-index-types';

export type { IndexChange, IndexEntry, IndexOptions, MaturityIndex } from './vault-index-types';
export { emptyNote, needsParse, noteKeys, prepareForIndex, preparedTurnedAway, prepareNote, type NoteKeys } from './index-notes';

export function createIndex(options: IndexOptions = {}): MaturityIndex {
  const state = createIndexState(options);
  const { config, pipeline } = state;
  return {
    config,
    pipeline,
    revision: () => state.revision,
    upsert(path, text) {
      // UTF-16 code units never outnumber UTF-8 bytes, so this only catches notes over the limit.
      if (text.length > MAX_NOTE_BYTES) return skip(state, path, tooLargeReason(text.length));
      state.unreadable.delete(path);
      putText(state, path, text);
      return edited(state);
    },
    upsertNote(path, note, keys) {
      state.unreadable.delete(path);
      putNote(state, path, note, keys);
      return edited(state);
    },
    remove(path) {
      state.unreadable.delete(path);
      dropNote(state, path);
      return edited(state);
    },
    rename: (from, to, text) => rename(state, from, to, text),
    beginBatch: () => void state.batchDepth++,
    endBatch: () => endBatch(state),
    batch: (fn) => batch(state, fn),
    ...indexReads(state),
    skip: (path, reason) => skip(state, path, reason),
    lookup: (name) => {
      placeKeys(state.links);
      const dep = { name, link: true, declaredStage: null, declaredRaw: '', declaredBlocked: false, optional: false, note: '', line: 0 };
      return resolveDependency(dep, '', state.links.candidates).id;
    },
    linkResolution: () => {
      settleNow(state);
      // In name order when the index has it (a host's build asks for it as it ends, views after
      // each change): sorting here would put ~30 ms at 10k into the task that keeps the links.
      return exportResolution(state.links, state.sortedIds ?? state.links.componentIds);
    },
    adoptLinkResolution: (resolution, options) => {
      adoptResolution(state.links, resolution, options?.namesLater);
      if (resolution) state.orderHint = resolution.ids;
    },
    placeNameKeys: (spent) => placeSomeKeys(state.links, spent),
    setToday: (value) => {
      state.today = value;
    },
    today: () => state.today ?? clockToday(),
    subscribe: (listener) => {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
  };
}

/** What the index answers of its notes and components (index-reads.ts), without changing them. */
function indexReads(state: IndexState): Pick<MaturityIndex, 'has' | 'entry' | 'ids' | 'component' | 'componentOnce' | 'components' | 'idsAtStage' | 'idsAtStageByName' | 'edges' | 'cycles' | 'cycleOf' | 'vaultDiagnostics'> {
  const { config } = state;
  const { entries, byStage } = state.links;
  return {
    has: (path) => entries.has(path),
    entry: (path) => entries.get(path),
    ids: () => ids(state),
    component: (id) => component(state, id),
    componentOnce: (id) => component(state, id, true),
    components: () => ids(state).map((id) => component(state, id)!),
    idsAtStage: (stage) => byStage.get(stage) ?? new Set(),
    idsAtStageByName: (stage) => idsAtStageByName(state, stage),
    edges: () => edges(state),
    cycles: () => allCycles(state),
    cycleOf: (id) => cycleInfo(state).finder.cycleOf(id),
    vaultDiagnostics: () => [
      ...cycleDiagnostics(allCycles(state), (id) => entries.get(id)?.identity.name ?? id, config),
      ...unreadableDiagnostics(state.unreadable, config),
    ],
  };
}
