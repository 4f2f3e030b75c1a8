// A prepared note as it crosses to the main thread and into the cache: two JSON strings. The first
// holds what the index reads of every note — its keys (why it is a component, its name and link
// keys, see core `noteKeys`), stage and dependencies —; the second holds every other field, which
// only a view of that component (or a rename) reads, its criteria, figures, history and blockers on
// a tape (core note-parts.ts) rather than as keyed objects. Strings cost almost nothing to post or store
// (a structured clone of a string is a copy); the first is parsed when the note enters the index,
// the second only when something first reads one of its fields: a warm start parses no note's rest.
import type { FrontmatterRecord, FrontmatterValue, MaturityNote, NoteKeys } from '../core/index';
import { isTapePart, readParts, writeParts, type TapePart } from '../core/note-parts';
import type { Tape } from '../core/tape';
import { lazyNote, lazySource } from './lazy-note';

export { restParsed } from './lazy-note';

export interface NoteRecord {
  /** JSON of {@link IndexPart}. */
  index: string;
  /** JSON of every other field of the note. */
  rest: string;
}

/** A prepared note and the keys the index gives it at its path. */
export interface PreparedNote {
  note: MaturityNote;
  keys: NoteKeys;
}

type NoteKey = keyof MaturityNote;

/** The note's fields the index reads when it takes the note in (vault-links: edges and stage lists). */
const INDEX_KEYS = ['stage', 'dependencies'] as const satisfies readonly NoteKey[];
/** The rest, read when a component's view is built (or the note is renamed and classified again). */
const REST_KEYS = [
  'properties',
  'frontmatter',
  'tags',
  'aliases',
  'title',
  'heading',
  'signals',
  'lineCount',
  'otherStages',
  'targetStage',
  'lastUpdated',
  'owner',
  'group',
  'priority',
  'promotedTo',
  'dependenciesNone',
  'security',
  'performance',
  'transitions',
  'blockers',
  'history',
  'coverage',
  'checklists',
  'placeholders',
  'diagnostics',
] as const satisfies readonly NoteKey[];

/** The rest's parts written on a tape (core note-parts.ts): criteria, figures, history and blockers, half the JSON as objects. */
const REST_TAPE_KEYS: readonly TapePart[] = REST_KEYS.filter(isTapePart);
const REST_PLAIN_KEYS: readonly NoteKey[] = REST_KEYS.filter((key) => !isTapePart(key));

// Every field of MaturityNote is in one of the lists: a field added to the model fails to compile here.
type Unlisted = Exclude<NoteKey, (typeof INDEX_KEYS)[number] | (typeof REST_KEYS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

interface IndexPart extends NoteKeys {
  stage: MaturityNote['stage'];
  dependencies: MaturityNote['dependencies'];
}

/** The strings a note was made from (or split into), with the keys they hold, so a note is serialised once per path. */
const records = new WeakMap<MaturityNote, { record: NoteRecord; keys: NoteKeys }>();

function pick(note: MaturityNote, keys: readonly NoteKey[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = note[key];
  return out;
}

/** The note's record with these keys (a renamed note keeps its rest string and gets new keys). */
export function toRecord({ note, keys }: PreparedNote): NoteRecord {
  const known = records.get(note) ?? lazySource(note);
  if (known && known.keys.identity === keys.identity && known.keys.reason === keys.reason) return known.record;
  const index = { ...keys, ...pick(note, INDEX_KEYS) } as IndexPart;
  const record = { index: oneByteJSON(index), rest: known?.record.rest ?? oneByteJSON(restOf(note)) };
  records.set(note, { record, keys });
  return record;
}

/**
 * The rest as stored: its plain fields as they are, its criteria, figures, history and blockers on
 * a tape (values in a fixed order, no key names: the rests are most of the cache, and a
 * warm start reads every one of them back).
 */
function restOf(note: MaturityNote): Record<string, unknown> {
  const rest = pick(note, REST_PLAIN_KEYS);
  rest[TAPE] = writeParts(note, REST_TAPE_KEYS);
  return rest;
}

const TAPE = 'tape';

/**
 * JSON with every character above U+00FF written as a `\\u` escape, so the string is one byte a
 * character. A single `→` (every transition heading has one) makes a JavaScript string two bytes a
 * character, and so would the chunk it is joined into (cache-chunks.ts): twice the bytes to post,
 * store, read back and copy, for a few escapes a note.
 */
export function oneByteJSON(value: unknown): string {
  return JSON.stringify(value).replace(WIDE, escapeWide);
}

const WIDE = /[\u0100-\uffff]/g;
const escapeWide = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `prepared` as its record and the note that record gives back, without parsing the index string
 * just written: stage, dependencies and keys as they are, the rest on first use. For a host that
 * parses on the main thread and keeps its notes as records, as a warm start does.
 */
export function asRecord(prepared: PreparedNote): { record: NoteRecord; prepared: PreparedNote } {
  const record = toRecord(prepared);
  const { note, keys } = prepared;
  return { record, prepared: { note: lazyNote(note.stage, note.dependencies, record, keys, parseRest), keys } };
}

/**
 * The note a record holds, with its keys: stage and dependencies now, the rest on first use
 * (lazy-note.ts: a proxy that parses the rest string on the first read of any other field).
 */
export function fromRecord(record: NoteRecord): PreparedNote {
  const part = JSON.parse(record.index) as IndexPart;
  // Written out rather than a rest spread (`{ stage, dependencies, ...keys }`), which copies through a slow path.
  const keys: NoteKeys = part.dependencyKeys === undefined ? { reason: part.reason, identity: part.identity } : { reason: part.reason, identity: part.identity, dependencyKeys: part.dependencyKeys };
  return { note: lazyNote(part.stage, part.dependencies, record, keys, parseRest), keys };
}

/** The rest's fields in the parser's order, the tape read back, front matter records without a prototype again. */
function parseRest(rest: string): Record<string, unknown> {
  const parsed = JSON.parse(rest) as Record<string, unknown>;
  const parts = readParts(parsed[TAPE] as Tape, REST_TAPE_KEYS) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of REST_KEYS) out[key] = isTapePart(key) ? parts[key] : parsed[key];
  out['properties'] = bareRecord(out['properties'] as FrontmatterRecord);
  out['frontmatter'] = bareRecord(out['frontmatter'] as FrontmatterRecord);
  return out;
}

// A structured clone or JSON gives ordinary objects where the parser made null-prototype records:
// a front matter key such as `constructor` or `__proto__` must stay plain data.
function bare(value: FrontmatterValue): FrontmatterValue {
  if (Array.isArray(value)) return value.map(bare);
  if (value === null || typeof value !== 'object') return value;
  return bareRecord(value);
}

function bareRecord(value: FrontmatterRecord): FrontmatterRecord {
  const out = Object.create(null) as FrontmatterRecord;
  for (const key of Object.keys(value)) out[key] = bare(value[key]!);
  return out;
}
