// The standalone page's embedded data read back from its blocks (src/cli/dashboard-page.ts,
// `pageDataBlocks`): the JSON header, then each chunk's text block by its id. The chunks are the
// elements' own strings (no JSON to parse: the 6 MB block was parsed whole as the page started).
import { DASHBOARD_CHUNK_LISTS, type DashboardChunkList, type DashboardPageHeader, type EncodedDashboardData } from '../../core/dashboard-data';
import { DATA_ID, dataChunkId } from './page-block-ids';

function checkedHeader(value: unknown): DashboardPageHeader {
  if (value === null || typeof value !== 'object') throw new Error('the embedded data is not an object');
  const counts = (value as Partial<DashboardPageHeader>).chunkCounts;
  if (counts === null || typeof counts !== 'object' || !DASHBOARD_CHUNK_LISTS.every((list) => Number.isInteger(counts[list]) && counts[list] >= 0)) {
    throw new Error('the embedded data\u2019s chunk counts are malformed');
  }
  return value as DashboardPageHeader;
}

/** The chunks of one list, each its block's text; a block missing fails the page. */
function chunksOf(doc: Document, list: DashboardChunkList, count: number): string[] {
  const chunks: string[] = [];
  for (let k = 0; k < count; k++) {
    const text = doc.getElementById(dataChunkId(list, k))?.textContent;
    if (typeof text !== 'string') throw new Error('the embedded data\u2019s chunks are missing');
    chunks.push(text);
  }
  return chunks;
}

/** The page's data as data.ts reads it; throws (the page says why) when a block is missing or malformed. */
export function readPageData(doc: Document): EncodedDashboardData {
  const header = checkedHeader(JSON.parse(doc.getElementById(DATA_ID)?.textContent ?? 'null'));
  const { chunkCounts, ...rest } = header;
  const lists = {} as Record<DashboardChunkList, string[]>;
  for (const list of DASHBOARD_CHUNK_LISTS) lists[list] = chunksOf(doc, list, chunkCounts[list]);
  return { ...rest, ...lists };
}
