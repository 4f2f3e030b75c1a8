// The graph index launched as the plugin launches it, over the fake 0.10.x graph's datascript and
// fake-indexeddb, its work counted: the queries it sends (and the pages whose version they ask),
// the files it pulls, the name keys it places before the first draw, and what it answers. Each
// launch is a relaunch of the app: Logseq restores the database it persisted first (FakeGraph
// `restore`), then the plugin starts; the frame storage (`device`) is the one given.
import type { IDBFactory } from 'fake-indexeddb';
import type { MaturityIndex } from '../../src/core/index';
import { resetWorkCount } from '../../src/core/work-count';
import { createGraphIndex, type GraphIndex } from '../../src/logseq/graph-index';
import type { LogseqHost } from '../../src/logseq/host';
import { readSettings } from '../../src/logseq/settings';
import { beforeFirstDraw, nameKeysInSlices } from '../../src/logseq/warm-index';
import { installIndexedDB } from '../helpers/indexeddb';
import { TODAY } from '../helpers/vault';
import type { FakeGraph } from './fake/graph';

const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The graph's directory the fake app reports (the cache's database is named after it). */
export const WORK_GRAPH = '/graphs/work';

/** The part of the SDK the graph index asks at start-up, answered by the fake graph, each query counted. */
function hostOver(graph: FakeGraph, asked: string[], dir: string): LogseqHost {
  const host = {
    App: { getCurrentGraph: async () => ({ path: dir }), getCurrentGraphConfigs: async () => 'triple-lowbar' },
    DB: { datascriptQuery: async (query: string) => (asked.push(query), graph.datascriptQuery(query)) },
  };
  return host as unknown as LogseqHost;
}

export interface Launch {
  /** Queries the start sent to the app's database. */
  queries: number;
  /** Pages whose text version the start asked (graph-queries.ts `pageVersionsQuery`). */
  versionsAsked: number;
  /** Files whose text the start pulled (each one parsed). */
  pulled: string[];
  /** Components whose name keys went into the key index before the first draw. */
  keysBeforeDraw: number;
  /** The name order, every resolution, what each component's name looks up, each component's note and page name, once the keys are in. */
  answer: { ids: string[]; resolution: unknown; lookups: Array<string | null>; notes: string[]; pages: Array<string | null> };
}

/** How many pages the version queries among `asked` name (their ids are inlined: `[(ground [1 2 3]) [?p ...]]`). */
export function pagesAskedForVersions(asked: readonly string[]): number {
  let pages = 0;
  for (const query of asked) {
    if (!query.includes('?tx ?created')) continue;
    pages += (/\(ground \[([\d ]*)\]\)/.exec(query)?.[1] ?? '').split(' ').filter((id) => id !== '').length;
  }
  return pages;
}

function answerOf(g: GraphIndex, index: MaturityIndex): Launch['answer'] {
  const ids = [...index.ids()];
  return {
    ids,
    resolution: index.linkResolution(),
    lookups: ids.map((id) => index.lookup(index.entry(id)?.identity.name ?? id)),
    notes: ids.map((id) => JSON.stringify(index.component(id)?.note ?? null)),
    pages: ids.map((id) => g.pageOf(id)?.originalName ?? null),
  };
}

/** Relaunch over `graph` (restored first) and start as the plugin does until its first draw, then the name keys in slices and the links kept, as after the draw. */
export async function launch(graph: FakeGraph, device: IDBFactory, dir = WORK_GRAPH): Promise<Launch> {
  graph.restore();
  installIndexedDB(device, globalThis);
  const asked: string[] = [];
  const pulledBefore = graph.stats.pullLog.length;
  const g = await createGraphIndex(hostOver(graph, asked, dir), readSettings({}), { today: TODAY, yieldNow });
  const work = resetWorkCount();
  await g.start();
  const queries = asked.length;
  const versionsAsked = pagesAskedForVersions(asked);
  await beforeFirstDraw(g.index, { yieldNow, stale: () => false });
  const keysBeforeDraw = work.keysPlaced;
  await nameKeysInSlices(g.index, { yieldNow, stale: () => false });
  await g.keepLinks();
  const answer = answerOf(g, g.index);
  await g.close();
  return { queries, versionsAsked, pulled: graph.stats.pullLog.slice(pulledBefore), keysBeforeDraw, answer };
}
