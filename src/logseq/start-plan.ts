// Which pages a start from the cache asks Logseq about. With what the last start verified kept
// beside the records (kept-pages.ts), it searches what changed since that start's marks (a few
// scans with a predicate, graph-queries.ts) and takes every other page's row as kept, with no
// per-page query; a page listed that the kept start did not read is asked too. Without them (a
// first start, another namespace, a record not readable) or with the marks' witness gone (a file
// deleted, or a database restored from a copy that gave ids out again), it asks every page, as
// before, and takes the marks for the next start first.
import type { GraphCache } from './graph-cache';
import { pulledEntities } from './graph-answers';
import { filePagesQuery, madeAtQuery, NEWEST_MADE_TX_QUERY, newestMadeAtQuery, stampedSinceQueries, WHERE_CHUNK, witnessQuery, writtenAfterQueries } from './graph-queries';
import type { GraphState } from './graph-state';
import { isRecord } from './host';
import { keptPagesOf, keptTable, readKeptPages, type ChangeMarks, type KeptPages, type KeptTable, type VersionedRow } from './kept-pages';

export interface StartPlan {
  /** Rows of the pages unchanged since the kept start: taken without asking. */
  known: KeptTable;
  /** The kept rows of the pages found changed (a row asked again may turn out the same). */
  changedKept: Map<number, VersionedRow>;
  /** Pages passed over then (no Markdown pages) and unchanged since: neither asked nor pulled. */
  passed: Set<number>;
  /** The marks this start reads from, taken before any row is read: kept for the next start. */
  marks: ChangeMarks;
  /** What this start read, kept for the next one once its records are stored. */
  read: { rows: VersionedRow[]; passed: number[] };
  /**
   * Nothing changed since the kept record's marks (pages asked again answered their kept rows),
   * and every page it holds is listed again: the record would be written anew the same but for
   * its wall clock mark (an older one only widens the next search), so it is not written.
   */
  same: boolean;
}

type Written = Array<[entity: number, tx: number]>;

/** The namespace a start lists pages in, as the kept record names it. */
const prefixOf = (g: GraphState) => g.settings.namespacePrefix.trim();

/** The plan of a start that began at `startedAt` (wall clock, ms). */
export async function planStart(g: GraphState, cache: GraphCache, startedAt: number): Promise<StartPlan> {
  const kept = readKeptPages(await cache.keptPages(), prefixOf(g));
  const found = kept ? await changesSince(g, kept.marks, startedAt) : null;
  if (!kept || !found) return everyPage(g, startedAt);
  const known = keptTable(kept);
  const changed = new Set([...found.pages, ...known.pagesOfFiles(found.files)]);
  // A changed file's page now (a new page, or an id given out again after a restore).
  for (const page of await ownersNow(g, [...found.files])) changed.add(page);
  const changedKept = new Map<number, VersionedRow>();
  for (const id of changed) {
    const row = known.row(id);
    if (row) changedKept.set(id, row);
    known.delete(id);
  }
  const passed = new Set(kept.passed.filter((id) => !changed.has(id)));
  const same = found.marks.tx === kept.marks.tx && passed.size === kept.passed.length;
  return { known, changedKept, passed, marks: found.marks, read: { rows: [], passed: [] }, same };
}

/** A start that asks every page: the marks first (the newest transaction that made files, the newest of them). */
async function everyPage(g: GraphState, startedAt: number): Promise<StartPlan> {
  const tx = firstNumber(await g.env.query(NEWEST_MADE_TX_QUERY));
  const created = tx === null ? null : firstNumber(await g.env.query(newestMadeAtQuery(tx)));
  const made = tx === null || created === null ? [] : madeRows(await g.env.query(madeAtQuery(created, tx)), created);
  const newest = newestOf(made);
  const marks: ChangeMarks = newest ? { ...newest, ms: startedAt } : { tx: 0, witness: null, ms: startedAt };
  return { known: keptTable(keptPagesOf([], [], '', marks)), changedKept: new Map(), passed: new Set(), marks, read: { rows: [], passed: [] }, same: false };
}

/**
 * The files and pages changed since `marks`, and the marks of this start; null without the
 * witness of the marks' transaction as it was made (the database may have given that id and those
 * before it out again): every page is asked.
 */
async function changesSince(g: GraphState, marks: ChangeMarks, startedAt: number): Promise<{ files: Set<number>; pages: Set<number>; marks: ChangeMarks } | null> {
  if (marks.witness === null) return null;
  const written = writtenAfterQueries(marks.tx);
  // Sent at once: Logseq answers them in turn, with no round trip between.
  const [witnessed, files, pages, stamped, made] = await Promise.all([
    g.env.query(witnessQuery(marks.witness.file, marks.witness.created)).then(firstNumber),
    answersOf(g, written.files),
    answersOf(g, written.pages),
    answersOf(g, stampedSinceQueries(marks.ms)),
    g.env.query(written.made).then(madeRows),
  ]);
  if (witnessed !== marks.tx) return null;
  const newest = newestOf(made);
  return {
    files: new Set([...files, ...stamped, ...made].map(([entity]) => entity)),
    pages: new Set(pages.map(([entity]) => entity)),
    marks: newest ? { ...newest, ms: startedAt } : { ...marks, ms: startedAt },
  };
}

/** The number in an answer's first row (`[[n]]`), if any. */
function firstNumber(answer: unknown): number | null {
  const row: unknown = Array.isArray(answer) ? answer[0] : undefined;
  const value: unknown = Array.isArray(row) ? row[0] : undefined;
  return typeof value === 'number' ? value : null;
}

type Made = Array<[file: number, created: number, tx: number]>;

/** `[file created tx]` rows of an answer; `created`: the answer's rows are `[file tx]` of files made then. */
function madeRows(answer: unknown, created?: number): Made {
  const rows: Made = [];
  for (const row of Array.isArray(answer) ? answer : []) {
    if (!Array.isArray(row)) continue;
    const [file, c, tx]: unknown[] = created === undefined ? row : [row[0], created, row[1]];
    if (typeof file === 'number' && typeof c === 'number' && typeof tx === 'number') rows.push([file, c, tx]);
  }
  return rows;
}

/** The marks of the newest of these files made (its transaction, and it as the witness). */
function newestOf(made: Made): Pick<ChangeMarks, 'tx' | 'witness'> | null {
  let newest: Made[number] | null = null;
  for (const row of made) if (newest === null || row[2] > newest[2]) newest = row;
  return newest && { tx: newest[2], witness: { file: newest[0], created: newest[1] } };
}

/** The `[entity tx]` rows of these queries' answers. */
async function answersOf(g: GraphState, queries: string[]): Promise<Written> {
  const answers = await Promise.all(queries.map((query) => g.env.query(query)));
  return answers.flatMap(writtenRows);
}

function writtenRows(answer: unknown): Written {
  const rows: Written = [];
  for (const row of Array.isArray(answer) ? answer : []) if (Array.isArray(row) && typeof row[0] === 'number' && typeof row[1] === 'number') rows.push([row[0], row[1]]);
  return rows;
}

/** The pages of these files now (pulls by id, WHERE_CHUNK a query). */
async function ownersNow(g: GraphState, fileIds: readonly number[]): Promise<number[]> {
  const pages: number[] = [];
  for (let i = 0; i < fileIds.length; i += WHERE_CHUNK) {
    for (const entity of pulledEntities(await g.env.query(filePagesQuery(fileIds.slice(i, i + WHERE_CHUNK))))) {
      const owners: unknown = entity['_file'];
      for (const owner of Array.isArray(owners) ? owners : [owners]) if (isRecord(owner) && typeof owner['id'] === 'number') pages.push(owner['id']);
    }
  }
  return pages;
}

/** The record of what this start read, for the next one. */
export function keptOfPlan(g: GraphState, plan: StartPlan): KeptPages {
  return keptPagesOf(plan.read.rows, plan.read.passed, prefixOf(g), plan.marks);
}
