// The first read of a graph: list the pages that have a file (ids only), sort out the Markdown
// pages a hundred ids a query (no text), take every page the cache holds for the version of its
// text now (graph-cache.ts), and pull the text of the others a chunk at a time. Without a cache,
// every Markdown page is pulled.
import { isFileRow, type FileRow } from './host';
import { pulledEntities, relativePath, timeOf } from './graph-answers';
import { readFileVersions } from './graph-cache';
import type { Progress } from './graph-index';
import { isMarkdownPage, PULL_CHUNK, pageIdsQuery, pageMetaQuery, SLICE_MS, WHERE_CHUNK } from './graph-queries';
import { pull, type GraphState } from './graph-state';

export async function start(g: GraphState, onProgress?: (p: Progress) => void): Promise<void> {
  const ids = await g.env.query(pageIdsQuery(g.settings.namespacePrefix));
  const listed = Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
  if (g.cache) {
    await g.cache.load();
    // Before any text is pulled: a text changed after this is kept under its older version.
    g.versions = await readFileVersions(g.env.query);
  }
  const all: number[] = [];
  for (let i = 0; i < listed.length; i += WHERE_CHUNK) {
    const chunk = listed.slice(i, i + WHERE_CHUNK);
    all.push(...(await (g.cache ? takeCached(g, chunk) : g.changes.markdownOnly(chunk))));
    await g.options.yieldNow();
  }
  // The listing is the count when it lists every page with a file: no second scan of the graph.
  await g.changes.countPages(g.settings.namespacePrefix.trim() === '' ? listed.length : undefined);
  const total = all.length + g.taken;
  g.progress = { done: g.taken, total };
  onProgress?.(g.progress);
  await pull(g, all, () => {
    g.progress = { done: Math.min(total, g.progress.done + PULL_CHUNK), total };
    onProgress?.(g.progress);
  });
  await keepForNextStart(g);
  g.since ??= Date.now();
  g.ready = true;
}

/** The pages of `ids` to pull: Markdown pages the cache holds no note for at the version of their text now; the others are taken. */
async function takeCached(g: GraphState, ids: number[]): Promise<number[]> {
  const toPull: number[] = [];
  const now = g.options.now ?? (() => performance.now());
  let sliceStart = now();
  for (const entity of pulledEntities(await g.env.query(pageMetaQuery(ids)))) {
    if (!isFileRow(entity) || !isMarkdownPage(entity)) continue;
    if (!takeOne(g, entity)) toPull.push(entity.id);
    if (now() - sliceStart > SLICE_MS) {
      await g.options.yieldNow();
      sliceStart = now();
    }
  }
  return toPull;
}

/** Take a page from the cache when its record was made from the text it has now; false: pull it. */
function takeOne(g: GraphState, row: FileRow): boolean {
  const path = relativePath(row.file.path, g.env.dir);
  const version = row.file.id === undefined ? undefined : g.versions?.get(row.file.id);
  const prepared = g.cache!.take(path, version);
  const mtime = timeOf(row.file['last-modified-at']);
  // The time too: the change finder takes this page as read at it.
  if (!prepared || g.cache!.mtime(path) !== (mtime ?? 0)) return false;
  g.taken++;
  g.table.record({ id: row.id, name: row.name, originalName: row['original-name'] ?? row.name }, path, mtime, row.file.id);
  g.table.setDigest(path, g.cache!.digest(path)!);
  if (mtime !== null && (g.since === null || mtime > g.since)) g.since = mtime;
  g.index.upsertNote(path, prepared.note, prepared.keys);
  return true;
}

/** After a full read: what was pulled is kept, records of pages no longer in the graph go. */
export async function keepForNextStart(g: GraphState): Promise<void> {
  if (!g.cache) return;
  g.versions = null;
  await g.cache.store(new Set(g.table.pages().map((page) => g.table.pathOfId(page.id)!)));
}
