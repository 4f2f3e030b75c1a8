// What a Logseq warm start asks of the app and does before its first draw, counted (never timed):
// the graph index started as the plugin starts it (graph-start.ts, the warm-up of warm-index.ts)
// over the fake 0.10.x graph's datascript and fake-indexeddb, relaunched over the same restored
// graph and frame storage. Every query runs on Logseq's UI thread and costs it a round trip and a
// fixed part whatever its size (benchmarks.md, session 27), so a start with nothing changed asks
// the listing and a few searches for what changed since the last start (start-plan.ts), asks no
// page's version, pulls no text and parses nothing (session 28); the taken components' name keys
// go into the key index only after the first draw, and every answer is a first start's.
import { afterEach, describe, expect, it } from 'vitest';
import type { IDBFactory } from 'fake-indexeddb';
import type { MaturityIndex } from '../../src/core/index';
import { resetWorkCount } from '../../src/core/work-count';
import { createGraphIndex } from '../../src/logseq/graph-index';
import type { LogseqHost } from '../../src/logseq/host';
import { readSettings } from '../../src/logseq/settings';
import { beforeFirstDraw, nameKeysInSlices } from '../../src/logseq/warm-index';
import { installIndexedDB, newIndexedDB } from '../helpers/indexeddb';
import { TODAY } from '../helpers/vault';
import { createFakeGraph, type FakeGraph } from './fake/graph';
import { generatedGraph } from './generated-graph';

const PAGES = 1200;
const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => installIndexedDB(null, globalThis));

/** The part of the SDK the graph index asks at start-up, answered by the fake graph, each query counted. */
function hostOver(graph: FakeGraph, asked: string[]): LogseqHost {
  const host = {
    App: { getCurrentGraph: async () => ({ path: '/graphs/work' }), getCurrentGraphConfigs: async () => 'triple-lowbar' },
    DB: { datascriptQuery: async (query: string) => (asked.push(query), graph.datascriptQuery(query)) },
  };
  return host as unknown as LogseqHost;
}

interface Launch {
  /** Queries the start sent to the app's database. */
  queries: number;
  /** Pages whose text version the start asked (graph-queries.ts `pageVersionsQuery`). */
  versionsAsked: number;
  /** Files whose text the start pulled (each one parsed). */
  pulled: string[];
  /** Components whose name keys went into the key index before the first draw. */
  keysBeforeDraw: number;
  /** The name order, every resolution, and what each component's name looks up, once the keys are in. */
  answer: { ids: string[]; resolution: unknown; lookups: Array<string | null> };
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

function answerOf(index: MaturityIndex): Launch['answer'] {
  const ids = [...index.ids()];
  return { ids, resolution: index.linkResolution(), lookups: ids.map((id) => index.lookup(index.entry(id)?.identity.name ?? id)) };
}

/** Start as the plugin does until its first draw, then the name keys in slices and the links kept, as after the draw. */
async function launch(graph: FakeGraph, device: IDBFactory): Promise<Launch> {
  installIndexedDB(device, globalThis);
  const asked: string[] = [];
  const pulledBefore = graph.stats.pullLog.length;
  const g = await createGraphIndex(hostOver(graph, asked), readSettings({}), { today: TODAY, yieldNow });
  const work = resetWorkCount();
  await g.start();
  const queries = asked.length;
  const versionsAsked = pagesAskedForVersions(asked);
  await beforeFirstDraw(g.index, { yieldNow, stale: () => false });
  const keysBeforeDraw = work.keysPlaced;
  await nameKeysInSlices(g.index, { yieldNow, stale: () => false });
  await g.keepLinks();
  const answer = answerOf(g.index);
  await g.close();
  return { queries, versionsAsked, pulled: graph.stats.pullLog.slice(pulledBefore), keysBeforeDraw, answer };
}

const generated = generatedGraph(PAGES);
const COMPONENTS = generated.core.ids().length;

describe('a Logseq warm start asks the app little and leaves the name keys until after its first draw', () => {
  it('with nothing changed: the listing and the searches for changes, no page’s version asked, no text pulled, no name key placed before the draw, a first start’s answers', async () => {
    const graph = createFakeGraph();
    graph.load(generated.files);
    const device = newIndexedDB();
    const cold = await launch(graph, device);
    expect(cold.pulled.length).toBeGreaterThan(PAGES / 2);
    expect(cold.keysBeforeDraw).toBeGreaterThanOrEqual(COMPONENTS);
    const warm = await launch(graph, device);
    expect(warm.pulled).toEqual([]);
    expect(cold.versionsAsked).toBeGreaterThan(PAGES / 2);
    // The listing, the witness and nine searches, whatever the graph's size (main: a version query per 250 pages, every page asked).
    expect(warm.versionsAsked).toBe(0);
    expect(warm.queries).toBeLessThanOrEqual(11);
    expect(warm.keysBeforeDraw).toBe(0);
    expect(warm.answer).toEqual(cold.answer);
    expect(warm.answer.lookups.filter((id) => id !== null).length).toBeGreaterThanOrEqual(COMPONENTS / 2);
  });

  it('with a page edited and one added while Logseq was closed: those two pulled, the keys in before they go in, a first start’s answers', async () => {
    const graph = createFakeGraph();
    graph.load(generated.files);
    const device = newIndexedDB();
    await launch(graph, device);
    const edited = generated.somePage;
    graph.writeFile(edited, `${generated.files.get(edited)!}\n- one more line\n`);
    graph.setFile('pages/Added while closed.md', '# Added While Closed Maturity Status\n\n**Current Stage**: Development\n');
    const warm = await launch(graph, device);
    const cold = await launch(graph, newIndexedDB());
    expect(warm.pulled.sort()).toEqual([edited, 'pages/Added while closed.md'].sort());
    expect(warm.versionsAsked).toBe(2);
    expect(warm.answer).toEqual(cold.answer);
    const next = await launch(graph, device);
    expect(next.pulled).toEqual([]);
    // The edited page is asked again (its text written after the marks, which follow the newest file), not pulled.
    expect(next.versionsAsked).toBeLessThanOrEqual(1);
    expect(next.keysBeforeDraw).toBe(0);
    expect(next.answer).toEqual(cold.answer);
  });
});
