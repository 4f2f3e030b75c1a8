// What a Logseq warm start asks of the app and does before its first draw, counted (never timed):
// the graph index started as the plugin starts it (graph-start.ts, the warm-up of warm-index.ts)
// over the fake 0.10.x graph's datascript and fake-indexeddb, relaunched over the same restored
// graph and frame storage. Every query runs on Logseq's UI thread and costs it a round trip and a
// fixed part whatever its size (benchmarks.md, session 27), so a start with nothing changed asks
// the listing and a few searches for what changed since the last start (start-plan.ts), asks no
// page's version, pulls no text and parses nothing (session 28); the taken components' name keys
// go into the key index only after the first draw, and every answer is a first start's.
import { afterEach, describe, expect, it } from 'vitest';
import { installIndexedDB, newIndexedDB } from '../helpers/indexeddb';
import { createFakeGraph } from './fake/graph';
import { generatedGraph } from './generated-graph';
import { launch } from './graph-launch';

const PAGES = 1200;

afterEach(() => installIndexedDB(null, globalThis));

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
    // The listing, the witness and eight searches (ten queries), whatever the graph's size (main: a version query per 250 pages, every page asked).
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
