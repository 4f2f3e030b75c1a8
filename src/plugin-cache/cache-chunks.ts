// The cache's records: one per chunk of notes (the notes whose path hashes to the chunk), not one
// per note. A chunk holds its notes' index strings joined into one string and their rest strings
// as one block of UTF-8 bytes, with where each ends: a relaunch reads a hundred-odd large values
// instead of ten thousand small ones, and each note's index string is a slice of the chunk's (no
// copy; a large string is allocated once, outside the young generation the collector copies). The
// rests, ~80% of a chunk, are read by no start-up: as bytes, reading them back is a copy of the
// block (a string goes through the structured clone's string path, about three times slower), and
// a note's rest is decoded when something first reads it. An edit rewrites its chunk, made from
// the records already in memory.
import { utf8 } from '../core/intern';
import type { CachedNote } from './note-cache';

/** The core's UTF-8 codec: every host the plugin runs in (Electron, the phones' WebViews) has one. */
function codec(): NonNullable<ReturnType<typeof utf8>> {
  const made = utf8();
  if (made === null) throw new Error('Maturity Map: this app has no TextEncoder, which the note cache needs');
  return made;
}

/** A note's rest as read from its chunk, by the record decoded from it: a rewrite of the chunk copies these bytes again instead of encoding the decoded text. */
const restBytes = new WeakMap<CachedNote, Uint8Array>();

/** A stored chunk: parallel arrays, one entry per note. */
export interface StoredChunk {
  /** How many chunks the notes were spread over when this one was written. */
  chunks: number;
  paths: string[];
  /** mtime and size of each note, in turn. */
  stats: number[];
  keys: string[];
  hashes: string[];
  /** Every note's index string, joined. */
  index: string;
  /** Every note's rest string, joined, as UTF-8. */
  rest: ArrayBuffer;
  /** Where each note's index string (in characters) and rest (in bytes) end, in turn. */
  ends: number[];
}

/** Notes per chunk aimed at: a warm start reads few records, an edit rewrites a few hundred KB. */
export const NOTES_PER_CHUNK = 128;

/** The chunk count for `notes` notes: a power of two near notes / NOTES_PER_CHUNK. */
export function chunkCountFor(notes: number): number {
  let count = 1;
  while (count * NOTES_PER_CHUNK < notes) count *= 2;
  return count;
}

/** Is `count` still a fair chunk count for `notes` (a quarter to four times the aim per chunk)? */
export function chunkCountFits(count: number, notes: number): boolean {
  const perChunk = notes / count;
  return perChunk <= NOTES_PER_CHUNK * 4 && (count === 1 || perChunk >= NOTES_PER_CHUNK / 4);
}

/** The chunk a path belongs to (FNV-1a of the path; `count` is a power of two). */
export function chunkOf(path: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (count - 1);
}

export function encodeChunk(entries: Iterable<[string, CachedNote]>, chunks: number): StoredChunk {
  const chunk: StoredChunk = { chunks, paths: [], stats: [], keys: [], hashes: [], index: '', rest: new ArrayBuffer(0), ends: [] };
  const index: string[] = [];
  const rests: Uint8Array[] = [];
  let indexEnd = 0;
  let restEnd = 0;
  const { encoder } = codec();
  for (const [path, note] of entries) {
    chunk.paths.push(path);
    chunk.stats.push(note.mtime, note.size);
    chunk.keys.push(note.key);
    chunk.hashes.push(note.hash);
    index.push(note.index);
    const rest = restBytes.get(note) ?? encoder.encode(note.rest);
    rests.push(rest);
    indexEnd += note.index.length;
    restEnd += rest.length;
    chunk.ends.push(indexEnd, restEnd);
  }
  chunk.index = index.join('');
  const bytes = new Uint8Array(restEnd);
  let at = 0;
  for (const rest of rests) {
    bytes.set(rest, at);
    at += rest.length;
  }
  chunk.rest = bytes.buffer;
  return chunk;
}

/**
 * The chunk's notes, their index strings sliced from the chunk's and their rests decoded when first
 * read; null when the value is not a chunk (a damaged record).
 */
export function decodeChunk(value: unknown): Array<[string, CachedNote]> | null {
  if (!isChunk(value)) return null;
  const out: Array<[string, CachedNote]> = [];
  const rests = new Uint8Array(value.rest);
  let indexStart = 0;
  let restStart = 0;
  for (let i = 0; i < value.paths.length; i++) {
    const indexEnd = value.ends[2 * i]!;
    const restEnd = value.ends[2 * i + 1]!;
    out.push([value.paths[i]!, cachedNote(value, i, value.index.slice(indexStart, indexEnd), rests.subarray(restStart, restEnd))]);
    indexStart = indexEnd;
    restStart = restEnd;
  }
  return out;
}

/** One note of a chunk; its rest is decoded each time it is read (a lazy note reads it once). */
function cachedNote(chunk: StoredChunk, i: number, index: string, rest: Uint8Array): CachedNote {
  const note: CachedNote = {
    mtime: chunk.stats[2 * i]!,
    size: chunk.stats[2 * i + 1]!,
    key: chunk.keys[i]!,
    hash: chunk.hashes[i]!,
    index,
    get rest(): string {
      return codec().decoder.decode(rest);
    },
  };
  restBytes.set(note, rest);
  return note;
}

function isChunk(value: unknown): value is StoredChunk {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Partial<StoredChunk>;
  const n = Array.isArray(c.paths) ? c.paths.length : -1;
  return (
    typeof c.chunks === 'number' &&
    typeof c.index === 'string' &&
    Object.prototype.toString.call(c.rest) === '[object ArrayBuffer]' &&
    Array.isArray(c.stats) &&
    c.stats.length === 2 * n &&
    Array.isArray(c.keys) &&
    c.keys.length === n &&
    Array.isArray(c.hashes) &&
    c.hashes.length === n &&
    Array.isArray(c.ends) &&
    c.ends.length === 2 * n &&
    (n === 0 ? c.rest!.byteLength === 0 : c.ends[2 * n - 2] === c.index.length && c.ends[2 * n - 1] === c.rest!.byteLength)
  );
}
