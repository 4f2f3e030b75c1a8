// A large graph slot's drawing reaches Logseq's screen a layer at a time. Its layers used to come a
// zero timer apart: while Chromium rendered one frame the host injected dozens more, and the next
// rendering task styled and painted 3,100–3,900 SVG elements at once, 55–60 ms of CPU at 2,000
// components (benchmarks.md, session 21). Now each layer is written in an idle period of the
// thread (Chromium starts one once a frame is rendered; the plugin's hidden iframe gets no
// animation frames), and a layer is filled by SVG elements, so the unnamed boxes and lines of a
// large graph come in 2.3× fewer writes.
import { afterEach, describe, expect, it } from 'vitest';
import { LAYER_ELEMENTS } from '../../src/logseq/graph-layers';
import { generatedIndex, graphSlotPieces, slotDocument } from './graph-slot-fixture';
import { generatedGraph } from './generated-graph';
import { loadPlugin, macro, quiet, slotElement, until, viewComplete, type Loaded } from './harness';
import { createTaskClock } from './task-clock';

/** The elements a layer's markup holds in its edges and nodes (what a layer's budget counts). */
function layerElements(markup: string): number {
  const box = slotDocument.createElement('div');
  box.innerHTML = markup; // eslint-disable-line no-restricted-properties -- the host's injection of our own markup
  return box.querySelectorAll('.mm-graph-edges *, .mm-graph-nodes *').length;
}

describe('a graph slot’s drawing at 2,000 components', () => {
  it('comes in full layers, each paced: ~90 host writes where there were ~200', async () => {
    const view = await graphSlotPieces(generatedIndex(2300), 'slot__pace', { limit: 2000 });
    const layers = view.parts.filter((p) => p.key?.startsWith('layer-'));
    const sizes = layers.map((layer) => layerElements(layer.markup(3)));
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(6000);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(LAYER_ELEMENTS);
    // Each layer but the last is full to within one item (an unnamed node is 2 elements, a named one 5).
    // main: 200 layers of 30–45 elements (a weight of 3 a node, 1 an edge, whatever either holds).
    for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThan(LAYER_ELEMENTS - 5);
    expect(layers.length).toBeLessThanOrEqual(Math.ceil(total / (LAYER_ELEMENTS - 5)));
    expect(layers.every((layer) => layer.paced === true)).toBe(true);
  }, 120_000);
});

describe('a graph slot in Logseq (built plugin, fake host)', () => {
  let open: Loaded | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });

  it('sends each later layer from an idle period of the thread, the host’s injection of the one before done', async () => {
    const { files, somePage } = generatedGraph(500);
    const clock = createTaskClock();
    const l = await loadPlugin({ files, settings: { pollSeconds: 0 }, clock, beforeRun: () => clock.recording(true) });
    open = l;
    const { slot } = await macro(l, somePage, '{{renderer :maturity-query, view=graph}}');
    await quiet(l);
    const mark = clock.mark();
    const more = slotElement(l, slot).querySelector('button.mm-show-more') as HTMLElement;
    more.click();
    await until(l, () => slotElement(l, slot).querySelector('button.mm-show-more') !== more && viewComplete(slotElement(l, slot)), 'the next page', 30_000);
    await quiet(l);
    const layers = Number(slotElement(l, slot).querySelector('[data-mm-layers]')?.getAttribute('data-mm-layers'));
    expect(layers).toBeGreaterThan(3);
    const tasks = clock.since(mark).filter((t) => t.side !== 'harness');
    const sends = tasks.map((t, k) => ({ t, k })).filter(({ t }) => t.side === 'frame' && /slot: piece layer-\d+ written/.test(t.what));
    // Every later layer written, each by a task of its own, and that task an idle callback
    // (main: `timer 0 ms (slot: piece layer-k written)`, a zero timer after the layer before).
    expect(sends).toHaveLength(layers - 1);
    for (const { t } of sends) expect(t.what).toMatch(/^idle callback/);
    // Between two layers' sends, the host ran the earlier one's message (its injection).
    for (let i = 1; i < sends.length; i++) expect(tasks.slice(sends[i - 1]!.k + 1, sends[i]!.k).some((t) => t.side === 'host' && t.what.includes('provider:ui'))).toBe(true);
  }, 120_000);
});
