// `--cache`: what the last run made of each note, kept in one file so the next run parses only
// the notes that changed (as the plugins start from their IndexedDB cache). A note is taken from
// the cache when its size and modification time are the ones it was made from, without reading
// it; or, after a read, when its bytes hash the same (a fresh clone in CI gives every file a new
// time, not new content). A record made by another build of the CLI or other settings is never
// used. The file is only an accelerator: a missing, damaged or unwritable cache costs a full
// parse and a warning, never the command's result.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromRecord, toRecord, type NoteRecord, type PreparedNote } from '../plugin-cache/note-record';
import type { FileState } from './files';
import { VERSION } from './version';
import { writeAtomically } from './write';

interface Entry extends FileState {
  hash: string;
  record: NoteRecord;
}

export const CACHE_FILE = '.maturity-map-cache';
/** First line of the file; the format changes with it. */
const HEADER = 'maturity-map-cache 1';

export interface ScanCache {
  /** The note as cached when the file's size and time are unchanged: it need not be read. */
  unchanged(path: string, state: FileState): PreparedNote | null;
  /** The note as cached when the bytes just read are the ones it was made from. */
  sameBytes(path: string, bytes: Uint8Array, state: FileState): PreparedNote | null;
  /** A note parsed this run, to keep for the next (its bytes were given to sameBytes first). */
  put(path: string, state: FileState, prepared: PreparedNote): void;
  /** Write the file when anything in it changed; a warning when it cannot be written. */
  save(warn: (message: string) => void): Promise<void>;
  /** Notes this run took from the cache, and notes it parsed. */
  readonly stats: { reused: number; parsed: number };
}

/**
 * Open the cache file at `location` for a run with these settings. `warn` hears of a file that
 * exists but cannot be used (damaged, unreadable): the run then parses every note.
 */
export function openScanCache(location: string, settings: unknown, warn: (message: string) => void): ScanCache {
  const key = cacheKey(settings);
  const stored = readEntries(location, key, warn);
  const kept = new Map<string, Entry>();
  const hashes = new Map<string, string>();
  const stats = { reused: 0, parsed: 0 };
  let changed = stored.size === 0;

  const reuse = (path: string, entry: Entry, state: FileState): PreparedNote | null => {
    const prepared = preparedOf(entry.record);
    if (prepared === null) return null;
    if (entry.mtimeMs !== state.mtimeMs) changed = true;
    kept.set(path, { ...entry, size: state.size, mtimeMs: state.mtimeMs });
    stats.reused++;
    return prepared;
  };

  return {
    stats,
    unchanged(path, state) {
      const entry = stored.get(path);
      return entry && entry.size === state.size && entry.mtimeMs === state.mtimeMs ? reuse(path, entry, state) : null;
    },
    sameBytes(path, bytes, state) {
      const hash = hashBytes(bytes);
      const entry = stored.get(path);
      const prepared = entry && entry.hash === hash ? reuse(path, entry, state) : null;
      if (prepared === null) hashes.set(path, hash);
      return prepared;
    },
    put(path, state, prepared) {
      const hash = hashes.get(path);
      if (hash === undefined) return; // read without sameBytes: nothing to tell the next read by
      kept.set(path, { size: state.size, mtimeMs: state.mtimeMs, hash, record: toRecord(prepared) });
      changed = true;
      stats.parsed++;
    },
    async save(warnSave) {
      // A note gone since the last run leaves the file with fewer entries.
      if (!changed && kept.size === stored.size) return;
      try {
        await writeAtomically(location, serialise(key, kept));
      } catch (err) {
        warnSave(`could not write the cache ${location} (${err instanceof Error ? err.message : String(err)}); the next run parses every note again`);
      }
    },
  };
}

function preparedOf(record: NoteRecord): PreparedNote | null {
  try {
    return fromRecord(record);
  } catch {
    return null; // a damaged record: the note is read and parsed again
  }
}

/** The build of the CLI and the settings: records made by anything else are not used. */
function cacheKey(settings: unknown): string {
  return `${VERSION} ${buildDigest()} ${hashText(JSON.stringify(settings ?? null))}`;
}

/**
 * The running build's digest: a rebuilt CLI (a new parser) starts from an empty cache. Every
 * module file beside this one counts: the parser sits in a chunk the parse worker shares.
 */
function buildDigest(): string {
  try {
    const dir = dirname(fileURLToPath(import.meta.url));
    const hash = createHash('sha1');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.mjs')).sort()) hash.update(name).update(readFileSync(join(dir, name)));
    return hash.digest('base64');
  } catch {
    return 'unknown-build';
  }
}

function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/**
 * One line a note: `[path, size, mtime, hash, digest]` as JSON, a tab, the record's two JSON
 * strings separated by a tab. JSON never holds a raw tab or line break, so the lines split safely,
 * and the record's strings are kept as they are, parsed only when a view first reads the note:
 * the digest of the two is what tells a damaged line then, since nothing parses them now.
 */
function serialise(key: string, entries: ReadonlyMap<string, Entry>): string {
  const lines = [HEADER, JSON.stringify(key)];
  for (const [path, e] of entries) {
    const record = `${e.record.index}\t${e.record.rest}`;
    lines.push(`${JSON.stringify([path, e.size, e.mtimeMs, e.hash, hashText(record)])}\t${record}`);
  }
  return `${lines.join('\n')}\n`;
}

function readEntries(location: string, key: string, warn: (message: string) => void): Map<string, Entry> {
  let text: string;
  try {
    text = readFileSync(location, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warn(`could not read the cache ${location} (${(err as Error).message}); parsing every note`);
    return new Map();
  }
  const lines = text.split('\n');
  if (lines[0] !== HEADER) {
    warn(`${location} is not a Maturity Map cache (or one of another version); parsing every note and writing it again`);
    return new Map();
  }
  if (lines[1] !== JSON.stringify(key)) return new Map(); // another build or other settings: start afresh
  const entries = new Map<string, Entry>();
  for (let i = 2; i < lines.length; i++) {
    const entry = lines[i] === '' ? null : parseLine(lines[i]!);
    if (entry) entries.set(entry[0], entry[1]);
  }
  return entries;
}

function parseLine(line: string): [string, Entry] | null {
  const first = line.indexOf('\t');
  const second = first === -1 ? -1 : line.indexOf('\t', first + 1);
  if (second === -1) return null;
  try {
    const meta: unknown = JSON.parse(line.slice(0, first));
    if (!Array.isArray(meta) || meta.length !== 5) return null;
    const [path, size, mtimeMs, hash, digest] = meta as unknown[];
    if (typeof path !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof hash !== 'string') return null;
    if (digest !== hashText(line.slice(first + 1))) return null;
    return [path, { size, mtimeMs, hash, record: { index: line.slice(first + 1, second), rest: line.slice(second + 1) } }];
  } catch {
    return null; // a damaged line: that note is parsed again
  }
}
