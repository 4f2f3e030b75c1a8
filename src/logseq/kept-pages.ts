// What a start verified of the graph, kept beside the cache's records: each Markdown page's row
// (id, names, file id, path, file time) with the version of its text, the pages passed over
// (journals, whiteboards), and the marks the next start finds changes from. A start that holds
// them asks Logseq per page only about the pages changed since (start-plan.ts), instead of
// every page's version (40 queries at 10k pages; benchmarks.md, session 28).
//
// The marks are taken before the start read any row, so whatever changed after them, during the
// start included, is found next time: never the reverse (a change missed, a stale page shown).
import type { FileRow } from './host';
import { timeOf } from './graph-answers';

/** Where the next start's search for changes begins. */
export interface ChangeMarks {
  /**
   * The transaction that made the newest file entity (`:file/created-at`, stamped once), taken
   * before any row was read: every change since is a newer transaction while the witness below is
   * still there. Logseq restores its database from the datoms it persisted, and datascript then
   * gives out ids from the greatest one among them: had the last transactions been retractions,
   * their ids would be given out again; with the witness there, none up to its own.
   */
  tx: number;
  /** That file entity and its creation time (ms): the witness the next start looks up. */
  witness: { file: number; created: number } | null;
  /**
   * The wall clock (ms) when that start began: a file written or made since shows a file time or
   * creation time at or after it, whatever its transaction.
   */
  ms: number;
}

/** A page's row as a version query answers it, with its text's version (`tx:created`). */
export type VersionedRow = [row: FileRow, version: string];

/**
 * The stored record: one entry per Markdown page, packed so that storing and reading it clone a
 * few large values (IndexedDB's structured clone), not 10k objects or 40k strings: the numbers as
 * Float64Arrays (NaN: none), the strings joined by NUL, which no page name or path holds.
 */
export interface KeptPages {
  /** The namespace the start listed pages in (a start of another lists other pages). */
  prefix: string;
  marks: ChangeMarks;
  /** Pages answered that are no Markdown pages: passed over again unless they changed. */
  passed: number[];
  /** Page id, file id and file time (ms) of each page, in turn. */
  numbers: Float64Array;
  /** Name, original name, file path and version of each page, in turn, joined by SEP. */
  strings: string;
}

const SEP = '\u0000';
const NUMBERS = 3;
const STRINGS = 4;

/** The record for `rows` (Markdown pages), `passed` and `marks`. */
export function keptPagesOf(rows: readonly VersionedRow[], passed: Iterable<number>, prefix: string, marks: ChangeMarks): KeptPages {
  const numbers = new Float64Array(rows.length * NUMBERS);
  const strings: string[] = [];
  rows.forEach(([row, version], i) => {
    numbers[i * NUMBERS] = row.id;
    numbers[i * NUMBERS + 1] = row.file.id ?? Number.NaN;
    numbers[i * NUMBERS + 2] = timeOf(row.file['last-modified-at']) ?? Number.NaN;
    strings.push(row.name, row['original-name'] ?? row.name, row.file.path, version);
  });
  return { prefix, marks, passed: [...passed], numbers, strings: strings.join(SEP) };
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The stored record if it is one, made for this namespace; else null (the start then asks every page). */
export function readKeptPages(stored: unknown, prefix: string): KeptPages | null {
  if (stored === null || typeof stored !== 'object') return null;
  const kept = stored as Partial<KeptPages>;
  const marks = kept.marks as Partial<ChangeMarks> | undefined;
  if (kept.prefix !== prefix || !isNumber(marks?.tx) || !isNumber(marks.ms)) return null;
  const witness = marks.witness as Partial<NonNullable<ChangeMarks['witness']>> | null | undefined;
  if (witness !== null && !(isNumber(witness?.file) && isNumber(witness.created))) return null;
  if (!Array.isArray(kept.passed) || !kept.passed.every(isNumber)) return null;
  // By tag, not instanceof: a value read back in another realm (the frame's) is not this realm's Float64Array.
  if (Object.prototype.toString.call(kept.numbers) !== '[object Float64Array]' || typeof kept.strings !== 'string') return null;
  if (kept.numbers!.length % NUMBERS !== 0) return null;
  const pages = kept.numbers!.length / NUMBERS;
  if (pages === 0 ? kept.strings !== '' : kept.strings.split(SEP).length !== pages * STRINGS) return null;
  return kept as KeptPages;
}

/**
 * The kept rows, read back one at a time as a start takes them: decoded whole, a 10k-page record
 * was a 23–47 ms task of 10k rows made at once.
 */
export interface KeptTable {
  readonly size: number;
  has(id: number): boolean;
  /** The page's row, as a version query would answer it. */
  row(id: number): VersionedRow | undefined;
  /** The file path of the page (as the row holds it). */
  pathOf(id: number): string | undefined;
  /** The kept pages of these files. */
  pagesOfFiles(fileIds: ReadonlySet<number>): number[];
  /** The page changed: not taken as kept. */
  delete(id: number): void;
}

export function keptTable(kept: KeptPages): KeptTable {
  const at = new Map<number, number>();
  for (let i = 0; i * NUMBERS < kept.numbers.length; i++) at.set(kept.numbers[i * NUMBERS]!, i);
  let split: string[] | null = null;
  const strings = () => (split ??= kept.strings === '' ? [] : kept.strings.split(SEP));
  const number = (i: number, k: number) => kept.numbers[i * NUMBERS + k]!;
  return {
    get size() {
      return at.size;
    },
    has: (id) => at.has(id),
    pathOf(id) {
      const i = at.get(id);
      return i === undefined ? undefined : strings()[i * STRINGS + 2];
    },
    row(id) {
      const i = at.get(id);
      if (i === undefined) return undefined;
      const [fileId, mtime, s] = [number(i, 1), number(i, 2), strings()];
      const file: FileRow['file'] = { path: s[i * STRINGS + 2]!, 'last-modified-at': Number.isNaN(mtime) ? null : mtime };
      if (!Number.isNaN(fileId)) file.id = fileId;
      return [{ id, name: s[i * STRINGS]!, 'original-name': s[i * STRINGS + 1]!, 'journal?': false, file }, s[i * STRINGS + 3]!];
    },
    pagesOfFiles(fileIds) {
      const pages: number[] = [];
      if (fileIds.size === 0) return pages;
      for (const [id, i] of at) if (fileIds.has(number(i, 1))) pages.push(id);
      return pages;
    },
    delete: (id) => void at.delete(id),
  };
}

/** Does `row` say what the kept `row` said (names, file, path, file time, version)? */
export function sameRow([a, va]: VersionedRow, [b, vb]: VersionedRow): boolean {
  const original = (r: FileRow) => r['original-name'] ?? r.name;
  const mtime = (r: FileRow) => timeOf(r.file['last-modified-at']);
  return va === vb && a.id === b.id && a.name === b.name && original(a) === original(b) && a.file.id === b.file.id && a.file.path === b.file.path && mtime(a) === mtime(b) && a['journal?'] !== true;
}
