// A prepared note as it crosses to the main thread and into the cache: two JSON strings. The first
// holds what the index reads of every note — its keys (why it is a component, its name and link
// keys, see core `noteKeys`), stage and dependencies —; the second holds every other field, which
// only a view of that component (or a rename) reads. Strings cost almost nothing to post or store
// (a structured clone of a string is a copy); the first is parsed when the note enters the index,
// the second only when something first reads one of its fields: a warm start parses no note's rest.
import type { FrontmatterRecord, FrontmatterValue, MaturityNote, NoteKeys } from '../../core/index';

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
  const known = records.get(note);
  if (known && known.keys.identity === keys.identity && known.keys.reason === keys.reason) return known.record;
  const index = { ...keys, ...pick(note, INDEX_KEYS) } as IndexPart;
  const record = { index: JSON.stringify(index), rest: known?.record.rest ?? JSON.stringify(pick(note, REST_KEYS)) };
  records.set(note, { record, keys });
  return record;
}

/** Rest strings not parsed yet, by note (see fromRecord). */
const unparsed = new WeakMap<object, string>();

/** Parse a note's rest (once) and turn its fields into plain data properties. */
function materialise(note: Record<string, unknown>): void {
  const rest = unparsed.get(note);
  if (rest === undefined) return;
  unparsed.delete(note);
  const parsed = JSON.parse(rest) as Record<string, unknown>;
  parsed['properties'] = bareRecord(parsed['properties'] as FrontmatterRecord);
  parsed['frontmatter'] = bareRecord(parsed['frontmatter'] as FrontmatterRecord);
  for (const key of REST_KEYS) Object.defineProperty(note, key, { value: parsed[key], writable: true, enumerable: true, configurable: true });
}

/** The rest's fields before it is parsed: one shared getter and setter per field, no closure per note. */
const LAZY_REST: PropertyDescriptorMap = Object.fromEntries(
  REST_KEYS.map((key) => [
    key,
    {
      get(this: Record<string, unknown>) {
        materialise(this);
        return this[key];
      },
      set(this: Record<string, unknown>, value: unknown) {
        materialise(this);
        this[key] = value;
      },
      enumerable: true,
      configurable: true,
    },
  ]),
);

/**
 * The note a record holds, with its keys: stage and dependencies now, the rest on first use. The
 * rest's fields are own enumerable accessors until then, so spreading, `JSON.stringify` and
 * structured clones see the whole note; the first read of any of them parses the rest once.
 */
export function fromRecord(record: NoteRecord): PreparedNote {
  const { stage, dependencies, ...keys } = JSON.parse(record.index) as IndexPart;
  const note = { stage, dependencies } as Record<string, unknown>;
  unparsed.set(note, record.rest);
  Object.defineProperties(note, LAZY_REST);
  const prepared = { note: note as unknown as MaturityNote, keys };
  records.set(prepared.note, { record, keys: prepared.keys });
  return prepared;
}

/** Has the note's rest been parsed (for tests: a warm start parses none)? */
export function restParsed(note: MaturityNote): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(note, 'transitions');
  return descriptor !== undefined && !descriptor.get;
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
