// The first read of a graph: list the pages that have a file (ids only), the cache read meanwhile;
// take every page the cache holds a note of the version of its text for (graph-cache.ts), and
// pull the text of the others a chunk at a time. Which versions are asked is start-plan.ts's call:
// with what the last start read kept beside the records, only those of the pages changed since;
// else every Markdown page's, VERSION_CHUNK pages a query and no text. Without a cache, every
// Markdown page is pulled. Afterwards, pages that changed are read the same way: versions first,
// then the text of those whose version moved.
import { noteKeys } from '../core/index';
import type { PreparedNote } from '../plugin-cache/note-record';
import type { GraphCache } from './graph-cache';
import { nameKeysInSlices } from './warm-index';
import { isFileRow, isRecord, type FileRow } from './host';
import { relativePath, timeOf } from './graph-answers';
import type { Progress } from './graph-index';
import { isMarkdownPage, PULL_CHUNK, pageIdsQuery, pageVersionsQuery, VERSION_CHUNK, WHERE_CHUNK } from './graph-queries';
import { sameRow, type VersionedRow } from './kept-pages';
import { keptOfPlan, planStart, type StartPlan } from './start-plan';
import { recordArrivals, type RecordArrivals } from './record-arrivals';
import { forget, inSlices, pull, type GraphState } from './graph-state';

export async function start(g: GraphState, onProgress?: (p: Progress) => void): Promise<void> {
  const startedAt = Date.now();
  g.changes.startedAt(startedAt);
  // The cache is read while Logseq lists the pages and answers what changed (IndexedDB reads off the thread).
  const arrivals = recordArrivals();
  const loading = g.cache?.load((paths) => arrivals.push(paths));
  void loading?.catch(() => undefined).finally(() => arrivals.end()); // awaited below; a failure is the start's
  const planning = g.cache ? planStart(g, g.cache, startedAt) : null;
  planning?.catch(() => undefined); // awaited below
  const ids = await g.env.query(pageIdsQuery(g.settings.namespacePrefix));
  const listed = Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
  const plan = planning ? await planning : null;
  const all = await (g.cache && loading && plan ? takeAllCached(g, g.cache, { loading, arrivals }, listed, plan) : markdownPages(g, listed));
  await endAdoption(g, all.length > 0);
  // The listing is the count when it lists every page with a file: no second scan of the graph.
  await g.changes.countPages(g.settings.namespacePrefix.trim() === '' ? listed.length : undefined);
  const total = all.length + g.taken;
  g.progress = { done: g.taken, total };
  onProgress?.(g.progress);
  await pull(g, all, () => {
    g.progress = { done: Math.min(total, g.progress.done + PULL_CHUNK), total };
    onProgress?.(g.progress);
  });
  await keepForNextStart(g, plan);
  g.since ??= Date.now();
  g.ready = true;
}

/** Every Markdown page of `listed`, to pull (no cache). */
async function markdownPages(g: GraphState, listed: readonly number[]): Promise<number[]> {
  const all: number[] = [];
  for (let i = 0; i < listed.length; i += WHERE_CHUNK) {
    all.push(...(await g.changes.markdownOnly(listed.slice(i, i + WHERE_CHUNK))));
    await g.options.yieldNow('start: pages taken');
  }
  return all;
}

/**
 * The pages of `listed` to pull, the others taken from the cache: the rows of pages unchanged
 * since the kept start as kept (`plan`), each as soon as its record is read (`read.arrivals`);
 * the others' asked VERSION_CHUNK pages a query (every page's on a start that holds none). The
 * first versions are asked while the cache is still being read (`read.loading`), and each next
 * chunk's while the frame takes the last one's, so Logseq's thread has the next query queued
 * instead of waiting a round trip for it.
 */
async function takeAllCached(g: GraphState, cache: GraphCache, read: { loading: Promise<void>; arrivals: RecordArrivals }, listed: readonly number[], plan: StartPlan): Promise<number[]> {
  const ask = listed.filter((id) => !plan.known.has(id) && !plan.passed.has(id));
  const known = listed.filter((id) => plan.known.has(id));
  plan.read.passed.push(...listed.filter((id) => plan.passed.has(id)));
  // A kept page no longer listed (deleted), or a listed one it did not hold: the record changes.
  if (known.length + ask.length !== plan.known.size + plan.changedKept.size || plan.read.passed.length !== plan.passed.size) plan.same = false;
  if (ask.some((id) => !plan.changedKept.has(id))) plan.same = false;
  const versionsOf = (at: number) => {
    const asked = versionedRows(g, ask.slice(at, at + VERSION_CHUNK));
    asked.catch(() => undefined); // awaited in turn; a failure is the start's
    return asked;
  };
  let next = ask.length > 0 ? versionsOf(0) : null;
  await cache.linksLoaded();
  g.versions = new Map();
  beginAdoption(g, cache);
  const all = await takeAsRead(g, read.arrivals, known, plan);
  await read.loading;
  for (let i = 0; next !== null; i += VERSION_CHUNK) {
    const rows = await next;
    next = i + VERSION_CHUNK < ask.length ? versionsOf(i + VERSION_CHUNK) : null;
    all.push(...(await takeCached(g, ask.slice(i, i + VERSION_CHUNK), rows, plan)));
    await g.options.yieldNow('start: pages taken');
  }
  return all;
}

/** The kept pages (`ids`) to pull, each taken (or not) once its record is read; those with no record once the read is over. */
async function takeAsRead(g: GraphState, arrivals: RecordArrivals, ids: readonly number[], plan: StartPlan): Promise<number[]> {
  const byPath = new Map(ids.map((id) => [relativePath(plan.known.pathOf(id)!, g.env.dir), id] as const));
  const rowsOf = (pages: Iterable<number>) => [...pages].map((id) => plan.known.row(id)!);
  const all: number[] = [];
  for (let paths = await arrivals.next(); paths.length > 0; paths = await arrivals.next()) {
    const arrived = paths.map((path) => byPath.get(path)).filter((id): id is number => id !== undefined);
    for (const path of paths) byPath.delete(path);
    all.push(...(await takeCached(g, [], rowsOf(arrived), plan)));
  }
  all.push(...(await takeCached(g, [], rowsOf(byPath.values()), plan)));
  return all;
}

/**
 * The pages to pull of those answered (`rows`) and asked (`ids`): Markdown pages the cache holds
 * no note for at the version of their text now; the others are taken. Versions are read before
 * any text is pulled, so a text changed in between is kept under its older version and pulled
 * again next time. What was read goes into `plan.read`, for the next start.
 */
async function takeCached(g: GraphState, ids: readonly number[], rows: VersionedRow[], plan: StartPlan): Promise<number[]> {
  const toPull: number[] = [];
  const answered = new Set<number>();
  await inSlices(g, rows, ([row, version]) => {
    answered.add(row.id);
    if (!isMarkdownPage(row)) return void plan.read.passed.push(row.id);
    plan.read.rows.push([row, version]);
    const kept = plan.changedKept.get(row.id);
    if (kept && !sameRow(kept, [row, version])) plan.same = false;
    if (row.file.id !== undefined) g.versions!.set(row.file.id, version);
    if (!takeOne(g, row, version)) toPull.push(row.id);
  }, 'start: versions read');
  // A page whose file has no text datom is not in the answer: sorted out and pulled as without a cache.
  const unanswered = ids.filter((id) => !answered.has(id));
  if (unanswered.length > 0) toPull.push(...(await g.changes.markdownOnly(unanswered)));
  return toPull;
}

/** These pages' rows (no text), each with its text's version (`tx:created`). */
async function versionedRows(g: GraphState, ids: readonly number[]): Promise<VersionedRow[]> {
  const answer = await g.env.query(pageVersionsQuery(ids));
  const rows: VersionedRow[] = [];
  for (const tuple of Array.isArray(answer) ? answer : []) {
    if (!Array.isArray(tuple) || !isRecord(tuple[0]) || !isFileRow(tuple[0]) || typeof tuple[1] !== 'number') continue;
    rows.push([tuple[0], `${tuple[1]}:${typeof tuple[2] === 'number' ? tuple[2] : 0}`]);
  }
  return rows;
}

/** Take a page from the cache when its record was made from the text it has now; false: pull it. */
function takeOne(g: GraphState, row: FileRow, version: string): boolean {
  const path = relativePath(row.file.path, g.env.dir);
  const mtime = timeOf(row.file['last-modified-at']);
  // The time too: the change finder takes this page as read at it.
  if (g.cache!.mtime(path) !== (mtime ?? 0)) return false;
  const prepared = g.cache!.take(path, version);
  if (!prepared) return false;
  g.taken++;
  adopt(g, row, path, prepared);
  return true;
}

/** A page's note from its record: into the page table (name, path, file time, the record's digest) and the index. */
function adopt(g: GraphState, row: FileRow, path: string, prepared: PreparedNote | null): void {
  const mtime = timeOf(row.file['last-modified-at']);
  g.table.record({ id: row.id, name: row.name, originalName: row['original-name'] ?? row.name }, path, mtime, row.file.id);
  g.table.setDigest(path, g.cache!.digest(path)!);
  if (mtime !== null && (g.since === null || mtime > g.since)) g.since = mtime;
  if (!prepared) return;
  // While the kept links are adopted, a note they were not made from waits until the adoption is over.
  if (g.adopting !== null && !g.cache!.linksFit(path)) g.adopting.push([path, prepared]);
  else g.index.upsertNote(path, prepared.note, prepared.keys);
}

/**
 * The pages taken from the cache take their resolved links from the links kept with it, if any
 * (graph-links.ts): the index resolves none of theirs, and takes the kept name order instead of
 * sorting when no component came, went or changed its name.
 */
function beginAdoption(g: GraphState, cache: GraphCache): void {
  const kept = cache.takeKeptLinks();
  if (!kept) return;
  // The taken components' name keys wait until the first draw (warm-index.ts `nameKeysInSlices`): nothing before it looks a name up.
  g.index.adoptLinkResolution(kept.resolution, { namesLater: true });
  g.adopting = [];
}

/**
 * The adoption is over: what did not fit the kept links resolves as usual (the core), and the
 * notes taken that they were not made from go in now, in slices, resolved as any other. Before
 * those, and before pages to pull (`pulling`), the name keys left waiting go in, in slices.
 */
async function endAdoption(g: GraphState, pulling: boolean): Promise<void> {
  const later = g.adopting;
  if (later === null) return;
  g.adopting = null;
  g.index.adoptLinkResolution(null);
  if (later.length > 0 || pulling) await nameKeysInSlices(g.index, { yieldNow: g.options.yieldNow, now: g.options.now, stale: () => false }, 'start: name keys');
  await inSlices(g, later, ([path, prepared]) => g.index.upsertNote(path, prepared.note, prepared.keys), 'start: pages the kept links do not fit');
}

/**
 * A known page whose text is still the version its record was made from, so its text is not
 * pulled (nor parsed): renamed in the app (the page and file entities keep their ids, the text its
 * transaction), or its file written again unchanged (the write after a rename). The record moves
 * to the new path with the keys the note has there, or takes the new file time. False: pull it.
 */
function keepUnchanged(g: GraphState, row: FileRow, version: string): boolean {
  const oldPath = g.table.pathOfId(row.id);
  const prefix = g.settings.namespacePrefix;
  if (oldPath === undefined || !isMarkdownPage(row) || (prefix !== '' && !row.name.startsWith(`${prefix}/`))) return false;
  const kept = g.cache!.take(oldPath, version);
  if (!kept) return false;
  const path = relativePath(row.file.path, g.env.dir);
  const mtime = timeOf(row.file['last-modified-at']);
  if (path === oldPath) {
    g.cache!.move(path, path, kept, mtime);
    adopt(g, row, path, null); // the index holds this note already
    return true;
  }
  const keys = noteKeys(kept.note, path, g.index.config, g.index.pipeline);
  // A note kept slim (no component where it was) lacks what a component's view reads: pulled.
  if (kept.keys.reason === null || keys.reason === null) return false;
  const prepared = { note: kept.note, keys };
  g.cache!.move(oldPath, path, prepared, mtime);
  g.index.batch(() => {
    forget(g, oldPath);
    adopt(g, row, path, prepared);
  });
  return true;
}

/**
 * Pull pages that changed since the start, keeping their notes for the next one: their versions
 * are read first (as at start-up), and what was made or dropped is written once they are in.
 */
export async function pullChanged(g: GraphState, ids: readonly number[]): Promise<void> {
  if (!g.cache || !g.ready) return pull(g, ids);
  const versions = new Map<number, string>();
  const unchanged = new Set<number>();
  for (let i = 0; i < ids.length; i += WHERE_CHUNK) {
    // In slices, as a start's: renaming a namespace in Logseq renames every page in it.
    await inSlices(g, await versionedRows(g, ids.slice(i, i + WHERE_CHUNK)), ([row, version]) => {
      if (row.file.id !== undefined) versions.set(row.file.id, version);
      if (keepUnchanged(g, row, version)) unchanged.add(row.id);
    });
  }
  g.versions = versions;
  try {
    // The others, and pages not in the answer (gone, or no text): pulled, or forgotten by the pull.
    await pull(g, ids.filter((id) => !unchanged.has(id)));
  } finally {
    g.versions = null;
  }
  await g.cache.store();
}

/**
 * After a full read: what was pulled is kept, records of pages no longer in the graph go; then
 * what this start read of the graph (`plan`), with the marks taken before it read, for the next
 * start to ask only what changed since (start-plan.ts). Written after the records, not awaited.
 */
async function keepForNextStart(g: GraphState, plan: StartPlan | null): Promise<void> {
  if (!g.cache) return;
  g.versions = null;
  await g.cache.store(new Set(g.table.pages().map((page) => g.table.pathOfId(page.id)!)));
  if (plan && !plan.same) void g.cache.keepPages(() => keptOfPlan(g, plan));
}
