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

/** The stored record: columns, one entry per Markdown page (a structured clone of a few arrays, not 10k objects). */
export interface KeptPages {
  /** The namespace the start listed pages in (a start of another lists other pages). */
  prefix: string;
  marks: ChangeMarks;
  /** Pages answered that are no Markdown pages: passed over again unless they changed. */
  passed: number[];
  ids: number[];
  names: string[];
  originals: string[];
  fileIds: Array<number | null>;
  paths: string[];
  mtimes: Array<number | null>;
  versions: string[];
}

/** The record for `rows` (Markdown pages), `passed` and `marks`. */
export function keptPagesOf(rows: Iterable<VersionedRow>, passed: Iterable<number>, prefix: string, marks: ChangeMarks): KeptPages {
  const kept: KeptPages = { prefix, marks, passed: [...passed], ids: [], names: [], originals: [], fileIds: [], paths: [], mtimes: [], versions: [] };
  for (const [row, version] of rows) {
    kept.ids.push(row.id);
    kept.names.push(row.name);
    kept.originals.push(row['original-name'] ?? row.name);
    kept.fileIds.push(row.file.id ?? null);
    kept.paths.push(row.file.path);
    kept.mtimes.push(timeOf(row.file['last-modified-at']));
    kept.versions.push(version);
  }
  return kept;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const orNull = (test: (x: unknown) => boolean) => (x: unknown) => x === null || test(x);

function columnOf(value: unknown, length: number, test: (x: unknown) => boolean): boolean {
  return Array.isArray(value) && value.length === length && value.every(test);
}

/** The stored record if it is one, made for this namespace; else null (the start then asks every page). */
export function readKeptPages(stored: unknown, prefix: string): KeptPages | null {
  if (stored === null || typeof stored !== 'object') return null;
  const kept = stored as Partial<KeptPages>;
  const marks = kept.marks as Partial<ChangeMarks> | undefined;
  if (kept.prefix !== prefix || !isNumber(marks?.tx) || !isNumber(marks.ms) || !Array.isArray(kept.ids)) return null;
  const witness = marks.witness as Partial<NonNullable<ChangeMarks['witness']>> | null | undefined;
  if (witness !== null && !(isNumber(witness?.file) && isNumber(witness.created))) return null;
  const n = kept.ids.length;
  const columns: Array<[unknown, (x: unknown) => boolean]> = [
    [kept.ids, isNumber],
    [kept.names, isString],
    [kept.originals, isString],
    [kept.fileIds, orNull(isNumber)],
    [kept.paths, isString],
    [kept.mtimes, orNull(isNumber)],
    [kept.versions, isString],
  ];
  if (!columns.every(([column, test]) => columnOf(column, n, test))) return null;
  if (!Array.isArray(kept.passed) || !kept.passed.every(isNumber)) return null;
  return kept as KeptPages;
}

/** The kept rows by page id, as a version query would answer them. */
export function keptRows(kept: KeptPages): Map<number, VersionedRow> {
  const rows = new Map<number, VersionedRow>();
  kept.ids.forEach((id, i) => {
    const fileId = kept.fileIds[i];
    const file: FileRow['file'] = { path: kept.paths[i]!, 'last-modified-at': kept.mtimes[i] };
    if (fileId !== null && fileId !== undefined) file.id = fileId;
    rows.set(id, [{ id, name: kept.names[i]!, 'original-name': kept.originals[i]!, 'journal?': false, file }, kept.versions[i]!]);
  });
  return rows;
}

/** The page each kept file belonged to. */
export function keptOwners(kept: KeptPages): Map<number, number> {
  const owners = new Map<number, number>();
  kept.fileIds.forEach((fileId, i) => {
    if (fileId !== null) owners.set(fileId, kept.ids[i]!);
  });
  return owners;
}
