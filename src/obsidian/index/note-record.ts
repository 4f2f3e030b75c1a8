// A prepared note as it crosses to the main thread and into the cache: two JSON strings. The head
// holds what the index reads for every note (identity, classification, stage, dependencies); the
// body holds the rest (criteria, history, blockers, …), which only a view of that component reads.
// Strings cost almost nothing to post or store (a structured clone of a string is a copy), the
// head is parsed when the note enters the index, and the body only when a view first asks for it:
// a warm start reads every note's head and none of its body.
import type { FrontmatterRecord, FrontmatterValue, MaturityNote } from '../../core/index';

export interface NoteRecord {
  head: string;
  /** Null when the note is not a component (prepareNote slimmed it): the head holds it all. */
  body: string | null;
}

type NoteKey = keyof MaturityNote;

/**
 * Parsed with the note when it enters the index: what the index reads for every note (classify,
 * identify, the link maps, stage lists) and the small fields (a lazy field costs more than it saves).
 */
const HEAD_KEYS = [
  'properties',
  'tags',
  'aliases',
  'title',
  'heading',
  'stage',
  'dependencies',
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
] as const satisfies readonly NoteKey[];
/** The bulk, read only when a component's view is built. */
const BODY_KEYS = ['frontmatter', 'transitions', 'blockers', 'history', 'coverage', 'checklists', 'placeholders', 'diagnostics'] as const satisfies readonly NoteKey[];

// Every field of MaturityNote is in one of the lists: a field added to the model fails to compile here.
type Unlisted = Exclude<NoteKey, (typeof HEAD_KEYS)[number] | (typeof BODY_KEYS)[number]>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

/** The strings a note was made from (or split into), kept so it is never serialised twice. */
const records = new WeakMap<MaturityNote, NoteRecord>();

function pick(note: MaturityNote, keys: readonly NoteKey[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = note[key];
  return out;
}

/** A note that is no component has nothing for a view: an empty body saves a second string. */
function isSlim(note: MaturityNote): boolean {
  return note.transitions.length === 0 && note.checklists.length === 0 && note.history.length === 0 && note.blockers.length === 0 && note.diagnostics.length === 0;
}

/** The note's record (made once per note object). */
export function toRecord(note: MaturityNote): NoteRecord {
  let record = records.get(note);
  if (!record) {
    record = isSlim(note) ? { head: JSON.stringify(note), body: null } : { head: JSON.stringify(pick(note, HEAD_KEYS)), body: JSON.stringify(pick(note, BODY_KEYS)) };
    records.set(note, record);
  }
  return record;
}

/** Bodies not parsed yet, by note (see fromRecord). */
const unparsed = new WeakMap<object, string>();

/** Parse a note's body (once) and turn its fields into plain data properties. */
function materialise(note: Record<string, unknown>): void {
  const body = unparsed.get(note);
  if (body === undefined) return;
  unparsed.delete(note);
  const parsed = JSON.parse(body) as Record<string, unknown>;
  for (const key of BODY_KEYS) Object.defineProperty(note, key, { value: parsed[key], writable: true, enumerable: true, configurable: true });
  note['frontmatter'] = bareRecord(parsed['frontmatter'] as FrontmatterRecord);
}

/** The body's fields before it is parsed: one shared getter and setter per field, no closure per note. */
const LAZY_BODY: PropertyDescriptorMap = Object.fromEntries(
  BODY_KEYS.map((key) => [
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
 * The note a record holds: the head's fields now, the body's on first use. The body's fields are
 * own enumerable accessors until then, so spreading, `JSON.stringify` and structured clones see
 * the whole note; the first read of any of them parses the body once and turns them into plain data.
 */
export function fromRecord(record: NoteRecord): MaturityNote {
  const note = JSON.parse(record.head) as Record<string, unknown>;
  if (record.body === null) reviveRecords(note);
  else {
    note['properties'] = bareRecord(note['properties'] as FrontmatterRecord);
    unparsed.set(note, record.body);
    Object.defineProperties(note, LAZY_BODY);
  }
  records.set(note as unknown as MaturityNote, record);
  return note as unknown as MaturityNote;
}

/** Has the note's body been parsed (for tests: a warm start parses none)? */
export function bodyParsed(note: MaturityNote): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(note, 'transitions');
  return descriptor !== undefined && !descriptor.get;
}

function reviveRecords(note: Record<string, unknown>): void {
  const frontmatter = bareRecord(note['frontmatter'] as FrontmatterRecord);
  note['properties'] = note['properties'] === note['frontmatter'] ? frontmatter : bareRecord(note['properties'] as FrontmatterRecord);
  note['frontmatter'] = frontmatter;
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
