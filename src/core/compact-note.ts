// A note as the index keeps it: what the index reads (stage, dependencies, names, tags, owner…)
// as objects, what only views read (criteria, figures, history, blockers) on a tape (note-parts.ts).
// Objects cost a 24-byte header and a slot a field; a 10k-note vault's checklist items alone are
// 135k of them. The note is a proxy over a small holder: it reads and prints as the whole note,
// and the tape is read back the first time a view (or anything else) asks for those parts.
//
// The whole note read back is held weakly: it stays while a view uses it and goes when nothing
// does, to be read again if asked for. A note that something writes to is kept whole from then
// on, so a write is never lost.
import type { MaturityNote } from './model';
import { isTapePart, readParts, writeParts, type TapePart } from './note-parts';
import type { Tape } from './tape';
import { workCount } from './work-count';

type NoteRecord = Record<PropertyKey, unknown>;
type Kept = Omit<MaturityNote, TapePart>;

interface Holder {
  /** The note's fields that are not on the tape. */
  readonly kept: Kept;
  readonly tape: Tape;
  whole: WeakRef<MaturityNote> | null;
  /** The whole note, kept strongly once something wrote to it. */
  pinned: MaturityNote | null;
}

const HOLDER = Symbol('maturity-map:compact-note');

/** A parsed note's keys, in the order the parser writes them (so a note read back prints the same). */
export const NOTE_KEYS = [
  'frontmatter', 'properties', 'tags', 'aliases', 'title', 'heading', 'stage', 'otherStages', 'targetStage',
  'lastUpdated', 'owner', 'group', 'priority', 'promotedTo', 'transitions', 'dependencies', 'dependenciesNone',
  'blockers', 'history', 'coverage', 'security', 'performance', 'checklists', 'placeholders', 'signals',
  'diagnostics', 'lineCount',
] as const satisfies ReadonlyArray<keyof MaturityNote>;

const PARTS: readonly TapePart[] = NOTE_KEYS.filter(isTapePart);

function hasNoteKeys(note: MaturityNote): boolean {
  const keys = Object.keys(note);
  return keys.length === NOTE_KEYS.length && keys.every((key, i) => key === NOTE_KEYS[i]);
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

function whole(holder: Holder): MaturityNote {
  if (holder.pinned) return holder.pinned;
  const held = holder.whole?.deref();
  if (held) return held;
  workCount.tapeReads++;
  const note = assemble(holder.kept, readParts(holder.tape, PARTS) as Pick<MaturityNote, TapePart>);
  holder.whole = new WeakRef(note);
  return note;
}

function record(holder: Holder): NoteRecord {
  return whole(holder) as unknown as NoteRecord;
}

function pin(holder: Holder): NoteRecord {
  return (holder.pinned ??= whole(holder)) as unknown as NoteRecord;
}

// Reads of kept fields answer from the holder; anything that needs a tape part, every key or a
// descriptor reads the whole note. The holder's own properties are ordinary configurable ones, so
// reporting the note's keys and descriptors instead keeps the proxy invariants.
const handler: ProxyHandler<Holder> = {
  get(holder, key) {
    if (key === HOLDER) return holder;
    const held = holder.pinned ?? holder.whole?.deref();
    if (held) return (held as unknown as NoteRecord)[key];
    return isTapePart(key) ? record(holder)[key] : (holder.kept as unknown as NoteRecord)[key];
  },
  set(holder, key, value) {
    pin(holder)[key] = value;
    return true;
  },
  has: (holder, key) => (holder.pinned ? key in holder.pinned : key in holder.kept || isTapePart(key)),
  ownKeys: (holder) => (holder.pinned ? Reflect.ownKeys(holder.pinned) : [...NOTE_KEYS]),
  getOwnPropertyDescriptor: (holder, key) => Reflect.getOwnPropertyDescriptor(record(holder), key),
  defineProperty: (holder, key, descriptor) => Reflect.defineProperty(pin(holder), key, descriptor),
  deleteProperty: (holder, key) => Reflect.deleteProperty(pin(holder), key),
};

/** The note with its view-only parts on a tape (the note itself when it has none). */
export function compactNote(note: MaturityNote): MaturityNote {
  // A note made some other way than by the parser stays as it is.
  if (isCompact(note) || !hasNoteKeys(note)) return note;
  const holder: Holder = { kept: keptOf(note), tape: writeParts(note, PARTS), whole: null, pinned: null };
  return new Proxy(holder, handler) as unknown as MaturityNote;
}

export function isCompact(note: MaturityNote): boolean {
  return (note as unknown as NoteRecord)[HOLDER] !== undefined;
}

/**
 * The note as a plain object, for a view to hold: while it is held, the compact note reads
 * through to it, so both show the same objects.
 */
export function plainNote(note: MaturityNote): MaturityNote {
  const holder = (note as unknown as NoteRecord)[HOLDER] as Holder | undefined;
  return holder ? whole(holder) : note;
}
