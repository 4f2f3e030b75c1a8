// A note as the index keeps it: what the index reads (stage, dependencies, names, tags, owner…)
// as objects, what only views read (criteria, figures, history, blockers) on a tape (note-parts.ts).
// Objects cost a 24-byte header and a slot a field; a 10k-note vault's checklist items alone are
// 135k of them. The note is a proxy over a small holder: it reads and prints as the whole note,
// and the tape is read back the first time a view (or anything else) asks for those parts.
//
// From then on the note is whole and the tape is dropped: the index caches the views it builds
// until an edit changes them, so a note once shown is shown again, and holding it both ways would
// cost more than either. A note never shown (most of a large vault) stays compact.
import type { MaturityNote } from './model';
import { isTapePart, readParts, writeParts, type TapePart } from './note-parts';
import type { Tape } from './tape';
import { workCount } from './work-count';

type NoteRecord = Record<PropertyKey, unknown>;
type Kept = Omit<MaturityNote, TapePart>;

/** Compact (kept fields and a tape), or whole once read back (then only `whole` is set). */
interface Holder {
  /** The note's fields that are not on the tape. */
  kept: Kept | null;
  tape: Tape | null;
  whole: MaturityNote | null;
}

const HOLDER = Symbol('maturity-map:compact-note');

/**
 * Asked of a note, a proxy that holds the note's fields elsewhere (this compact note, a cache's lazy
 * note) answers with the whole note as a plain object; any other note has no such key. Shared by
 * name so a host's proxy can answer without the core knowing it.
 */
export const WHOLE_NOTE = Symbol.for('maturity-map:whole-note');

/**
 * The same question for one use: the whole note, read back without the proxy keeping it (a note
 * read back already answers with that one). A report that walks every component once holds one
 * note at a time this way, where WHOLE_NOTE would keep every note whole for the rest of the run.
 */
export const NOTE_FOR_ONCE = Symbol.for('maturity-map:note-for-once');

/** A parsed note's keys, in the order the parser writes them (so a note read back prints the same). */
export const NOTE_KEYS = [
  'frontmatter', 'properties', 'tags', 'aliases', 'title', 'heading', 'stage', 'otherStages', 'targetStage',
  'lastUpdated', 'owner', 'group', 'priority', 'promotedTo', 'transitions', 'dependencies', 'dependenciesNone',
  'blockers', 'history', 'coverage', 'security', 'performance', 'checklists', 'placeholders', 'signals',
  'diagnostics', 'lineCount',
] as const satisfies ReadonlyArray<keyof MaturityNote>;

const PARTS: readonly TapePart[] = NOTE_KEYS.filter(isTapePart);

function hasNoteKeys(note: MaturityNote): boolean {
  // Walked, not listed: Object.keys made a 27-key array a note (2.5 MB at 10k). for…in gives the
  // own enumerable keys in Object.keys' order, then inherited ones, which are skipped.
  let i = 0;
  for (const key in note) {
    if (!Object.hasOwn(note, key)) continue;
    if (key !== NOTE_KEYS[i++]) return false;
  }
  return i === NOTE_KEYS.length;
}

// Both written out as literals: an object given more than a few properties one computed key at
// a time becomes a hash table in V8, bigger and slower to read than one of fixed shape.
function keptOf(n: MaturityNote): Kept {
  return {
    frontmatter: n.frontmatter, properties: n.properties, tags: n.tags, aliases: n.aliases, title: n.title,
    heading: n.heading, stage: n.stage, otherStages: n.otherStages, targetStage: n.targetStage,
    lastUpdated: n.lastUpdated, owner: n.owner, group: n.group, priority: n.priority, promotedTo: n.promotedTo,
    dependencies: n.dependencies, dependenciesNone: n.dependenciesNone, placeholders: n.placeholders,
    signals: n.signals, diagnostics: n.diagnostics, lineCount: n.lineCount,
  };
}

function assemble(k: Kept, p: Pick<MaturityNote, TapePart>): MaturityNote {
  return {
    frontmatter: k.frontmatter, properties: k.properties, tags: k.tags, aliases: k.aliases, title: k.title,
    heading: k.heading, stage: k.stage, otherStages: k.otherStages, targetStage: k.targetStage,
    lastUpdated: k.lastUpdated, owner: k.owner, group: k.group, priority: k.priority, promotedTo: k.promotedTo,
    transitions: p.transitions, dependencies: k.dependencies, dependenciesNone: k.dependenciesNone,
    blockers: p.blockers, history: p.history, coverage: p.coverage, security: p.security,
    performance: p.performance, checklists: p.checklists, placeholders: k.placeholders, signals: k.signals,
    diagnostics: k.diagnostics, lineCount: k.lineCount,
  };
}

function readBack(holder: Holder): MaturityNote {
  workCount.tapeReads++;
  return assemble(holder.kept!, readParts(holder.tape!, PARTS) as Pick<MaturityNote, TapePart>);
}

function whole(holder: Holder): MaturityNote {
  if (holder.whole) return holder.whole;
  const note = readBack(holder);
  holder.whole = note;
  holder.kept = null;
  holder.tape = null;
  return note;
}

function record(holder: Holder): NoteRecord {
  return whole(holder) as unknown as NoteRecord;
}

// Reads of kept fields answer from the holder; anything that needs a tape part, every key, a
// descriptor or a write reads the whole note. The holder's own properties are ordinary
// configurable ones, so reporting the note's keys and descriptors instead keeps the proxy invariants.
const handler: ProxyHandler<Holder> = {
  get(holder, key) {
    if (key === HOLDER) return holder;
    if (key === WHOLE_NOTE) return whole(holder);
    if (key === NOTE_FOR_ONCE) return holder.whole ?? readBack(holder);
    if (holder.whole) return (holder.whole as unknown as NoteRecord)[key];
    return isTapePart(key) ? record(holder)[key] : (holder.kept as unknown as NoteRecord)[key];
  },
  set(holder, key, value) {
    record(holder)[key] = value;
    return true;
  },
  has: (holder, key) => (holder.whole ? key in holder.whole : key in holder.kept! || isTapePart(key)),
  ownKeys: (holder) => (holder.whole ? Reflect.ownKeys(holder.whole) : [...NOTE_KEYS]),
  getOwnPropertyDescriptor: (holder, key) => Reflect.getOwnPropertyDescriptor(record(holder), key),
  defineProperty: (holder, key, descriptor) => Reflect.defineProperty(record(holder), key, descriptor),
  deleteProperty: (holder, key) => Reflect.deleteProperty(record(holder), key),
};

/** The note with its view-only parts on a tape (the note itself when the parser did not make it, or it is compact already). */
export function compactNote(note: MaturityNote): MaturityNote {
  // A note made some other way than by the parser stays as it is.
  if (holderOf(note) || !hasNoteKeys(note)) return note;
  const holder: Holder = { kept: keptOf(note), tape: writeParts(note, PARTS), whole: null };
  return new Proxy(holder, handler) as unknown as MaturityNote;
}

function holderOf(note: MaturityNote): Holder | undefined {
  return (note as unknown as NoteRecord)[HOLDER] as Holder | undefined;
}

/** Are the note's view-only parts on a tape (not yet read back)? */
export function isCompact(note: MaturityNote): boolean {
  return holderOf(note)?.whole === null;
}

/**
 * The note as a plain object, for a view to hold: a compact note (or a host's lazy one) reads
 * through to it from then on, and the view's many reads go to the object, not through the proxy.
 * With `keep: false` the proxy stays as it was (see NOTE_FOR_ONCE): for a view built for one use.
 */
export function plainNote(note: MaturityNote, keep = true): MaturityNote {
  const held = (note as unknown as NoteRecord)[keep ? WHOLE_NOTE : NOTE_FOR_ONCE] as MaturityNote | undefined;
  return held ?? note;
}
