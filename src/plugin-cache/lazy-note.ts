// A note taken from a cache record whose fields other than stage and dependencies are parsed on
// first use: a proxy over a small holder. The index reads only stage and dependencies of a note
// it takes in, so a warm start parses no note's rest; the first read of any other field, a spread,
// `Object.keys` or `JSON.stringify` parses it once and sees the whole note. One holder and one
// proxy a note: no per-field accessors (25 property definitions a note cost more than parsing
// its index string) and no per-note WeakMap entries.
import { NOTE_FOR_ONCE, NOTE_KEYS, WHOLE_NOTE } from '../core/compact-note';
import type { MaturityNote, NoteKeys } from '../core/index';
import type { NoteRecord } from './note-record';

/** Where a lazy note came from: `note[SOURCE]` answers without parsing anything. */
const SOURCE = Symbol('maturity-map:note-source');

interface Holder {
  stage: MaturityNote['stage'];
  dependencies: MaturityNote['dependencies'];
  record: NoteRecord;
  keys: NoteKeys;
  parse: (rest: string) => Record<string, unknown>;
  /** The whole note, once its rest has been parsed. */
  note: Record<PropertyKey, unknown> | null;
}

/**
 * The whole note behind a holder, parsing its rest the first time: its keys in the parser's order,
 * so it prints (JSON, a CLI export) as the note parsed from the text does.
 */
function whole(holder: Holder): Record<PropertyKey, unknown> {
  holder.note ??= readRest(holder);
  return holder.note;
}

/** The note the record holds, its rest parsed now (NOTE_FOR_ONCE: a read the holder does not keep). */
function readRest(holder: Holder): Record<PropertyKey, unknown> {
  const rest = holder.parse(holder.record.rest);
  const note: Record<PropertyKey, unknown> = {};
  for (const key of NOTE_KEYS) note[key] = key === 'stage' ? holder.stage : key === 'dependencies' ? holder.dependencies : rest[key];
  return note;
}

// Every operation but reading stage or dependencies (or the source) goes to the whole note. The
// holder's own properties are ordinary configurable ones, so reporting the note's keys and
// descriptors instead keeps the proxy invariants.
const handler: ProxyHandler<Holder> = {
  get(holder, key) {
    if (key === SOURCE) return holder;
    if (key === WHOLE_NOTE) return whole(holder);
    if (key === NOTE_FOR_ONCE) return holder.note ?? readRest(holder);
    if (holder.note === null && (key === 'stage' || key === 'dependencies')) return holder[key];
    return whole(holder)[key];
  },
  set(holder, key, value) {
    whole(holder)[key] = value;
    return true;
  },
  has: (holder, key) => key in whole(holder),
  ownKeys: (holder) => Reflect.ownKeys(whole(holder)),
  getOwnPropertyDescriptor: (holder, key) => Reflect.getOwnPropertyDescriptor(whole(holder), key),
  defineProperty: (holder, key, descriptor) => Reflect.defineProperty(whole(holder), key, descriptor),
  deleteProperty: (holder, key) => Reflect.deleteProperty(whole(holder), key),
};

export function lazyNote(
  stage: MaturityNote['stage'],
  dependencies: MaturityNote['dependencies'],
  record: NoteRecord,
  keys: NoteKeys,
  parse: (rest: string) => Record<string, unknown>,
): MaturityNote {
  const holder: Holder = { stage, dependencies, record, keys, parse, note: null };
  return new Proxy(holder, handler) as unknown as MaturityNote;
}

/** The record and keys a lazy note was made from (undefined for any other note). */
export function lazySource(note: MaturityNote): { record: NoteRecord; keys: NoteKeys } | undefined {
  return (note as unknown as Record<symbol, Holder | undefined>)[SOURCE];
}

/** Has the note's rest been parsed (for tests: a warm start parses none)? A note not from a record has it all. */
export function restParsed(note: MaturityNote): boolean {
  const holder = lazySource(note) as Holder | undefined;
  return holder === undefined || holder.note !== null;
}
