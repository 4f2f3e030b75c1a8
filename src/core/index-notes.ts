// What the vault index keeps of a note: the parsed note (slimmed, or one shared empty note for
// the notes the first look turns away) and the keys it is found by. Pure, so hosts can run it
// off the main thread and keep what it gives.
import type { MaturityConfig } from './settings/index';
import { classify, identify, type ComponentReason } from './identity';
import type { MaturityNote, NoteIdentity } from './model';
import { parseNote, type NoteDetail } from './parse/note';
import type { Pipeline } from './stages';
import { dependencyKeys, keepDependencyKeys } from './resolve';
import { createFirstLook, firstLookVocabulary, type FirstLook } from './first-look';

// Per settings, made once: the first look, and the one frozen note all turned-away notes share.
// The first look searches for the pipeline's words (its vocabulary), so it is made per pipeline.
const firstLooks = new WeakMap<Pipeline, WeakMap<MaturityConfig['components'], FirstLook>>();
const emptyNotes = new WeakMap<Pipeline, MaturityNote>();

export function firstLookFor(config: MaturityConfig, pipeline: Pipeline): FirstLook {
  let looks = firstLooks.get(pipeline);
  if (!looks) firstLooks.set(pipeline, (looks = new WeakMap()));
  let look = looks.get(config.components);
  if (!look) looks.set(config.components, (look = createFirstLook(config.components, firstLookVocabulary(pipeline.vocabulary), pipeline)));
  return look;
}

/** The note kept for a text the first look turned away: nothing of it (shared, frozen). */
export function emptyNote(pipeline: Pipeline): MaturityNote {
  let note = emptyNotes.get(pipeline);
  if (!note) emptyNotes.set(pipeline, (note = deepFreeze(slim(parseNote('', pipeline)))));
  return note;
}

export const PARSE_EVERY_NOTE: FirstLook = () => true;

/** What the index works out for a prepared note at a path: why it is a component (or not), its name and keys. */
export interface NoteKeys {
  reason: ComponentReason | null;
  identity: NoteIdentity;
  /** A component's: the keys each of its dependencies may match, in order (see resolve.ts). */
  dependencyKeys?: string[][];
}

/** The keys the index gives `note` (made by `prepareNote`) at `path`: pure, so a host can work them out off the main thread and keep them. */
export function noteKeys(note: MaturityNote, path: string, config: MaturityConfig, pipeline: Pipeline): NoteKeys {
  const keys = identityKeys(note, path, config, pipeline);
  if (keys.reason) keys.dependencyKeys = note.dependencies.map((dep) => dependencyKeys(dep, path));
  return keys;
}

/**
 * noteKeys() without the dependencies' keys, which the index works out (and keeps) as it links
 * the note; `reason` when the caller has classified the note already (`prepareClassified`).
 */
export function identityKeys(note: MaturityNote, path: string, config: MaturityConfig, pipeline: Pipeline, reason?: ComponentReason | null): NoteKeys {
  const empty = note === emptyNote(pipeline);
  const why = empty ? null : reason !== undefined ? reason : classify(note, path, config.components);
  return { reason: why, identity: identify(note, path, config.components, !empty) };
}

/** Kept dependency keys, when they fit the note's dependencies. */
export function keepKeys(note: MaturityNote, path: string, keys: NoteKeys): void {
  const kept = keys.dependencyKeys;
  if (!kept || kept.length !== note.dependencies.length) return;
  note.dependencies.forEach((dep, i) => keepDependencyKeys(dep, path, kept[i]!));
}

/**
 * What the index keeps of a note's text: the parsed note, slimmed when it is no component, or the
 * shared empty note when the first look says it cannot be one. Pure, so a host can run it off the
 * main thread (or keep its result) and hand it to `upsertNote`. `detail: 'index'` leaves out what
 * no view or finding reads (see NoteDetail); the index's own `upsert` asks for that.
 */
export function prepareNote(
  text: string,
  path: string,
  config: MaturityConfig,
  pipeline: Pipeline,
  look: FirstLook = firstLookFor(config, pipeline),
  detail: NoteDetail = 'full',
): MaturityNote {
  return prepareClassified(text, path, config, pipeline, look, detail).note;
}

/** prepareNote() and why the note is a component (null: it is none), so the index need not classify it again. */
export function prepareClassified(
  text: string,
  path: string,
  config: MaturityConfig,
  pipeline: Pipeline,
  look: FirstLook,
  detail: NoteDetail,
): { note: MaturityNote; reason: ComponentReason | null } {
  if (!look(path, text)) return { note: emptyNote(pipeline), reason: null };
  const note = parseNote(text, pipeline, undefined, detail);
  const reason = classify(note, path, config.components);
  return { note: reason ? note : slim(note), reason };
}

/**
 * A note as the index's own `upsert` makes it (`prepareNote` with the index's detail) and the keys
 * it gets at `path`: what a host parses elsewhere (a worker, its cache's miss, the CLI's cache)
 * and hands to `upsertNote`.
 */
export function prepareForIndex(text: string, path: string, config: MaturityConfig, pipeline: Pipeline): { note: MaturityNote; keys: NoteKeys } {
  const note = prepareNote(text, path, config, pipeline, undefined, 'index');
  return { note, keys: noteKeys(note, path, config, pipeline) };
}

/**
 * Whether `prepareForIndex` would parse the text at all (the first look's answer), and what it
 * gives when it would not: a host that parses elsewhere (the CLI's worker threads) sends only the
 * notes that need a parse, and keeps the others' empty note as the index would.
 */
export function needsParse(text: string, path: string, config: MaturityConfig, pipeline: Pipeline): boolean {
  return firstLookFor(config, pipeline)(path, text);
}

/** What `prepareForIndex` gives for a text `needsParse` turned away. */
export function preparedTurnedAway(path: string, config: MaturityConfig, pipeline: Pipeline): { note: MaturityNote; keys: NoteKeys } {
  const note = emptyNote(pipeline);
  return { note, keys: noteKeys(note, path, config, pipeline) };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A note that is not a component keeps only what classification and identity need. */
export function slim(note: MaturityNote): MaturityNote {
  return {
    ...note,
    transitions: [],
    dependencies: [],
    blockers: [],
    history: [],
    coverage: [],
    checklists: [],
    placeholders: [],
    diagnostics: [],
    promotedTo: [],
    otherStages: [],
    performance: { current: {}, targets: {}, observedDays: null },
  };
}
