// A large graph slot's drawing reaches Logseq's screen with each layer styled on its own. Its
// layers came a task apart, faster than Chromium rendered them: the host injected dozens between
// two frames, and the next rendering task styled and painted all of them, 2,300–5,800 SVG elements
// and 47–76 ms of CPU at 2,000 components (benchmarks.md, session 21). Now the slot check before
// each later layer asks for the slot's box (Logseq's `query_element_rect`, a getBoundingClientRect
// in the host), so the host styles and lays out the layer before it in the task that answers; and
// a layer is filled by SVG elements, so a large graph's unnamed boxes and lines come in 2.3× fewer
// writes.
import { afterEach, describe, expect, it } from 'vitest';
import { LAYER_ELEMENTS } from '../../src/logseq/graph-layers';
import { generatedIndex, graphSlotPieces, slotDocument } from './graph-slot-fixture';
import { generatedGraph } from './generated-graph';
import { loadPlugin, macro, quiet, slotElement, until, viewComplete, type Loaded } from './harness';

/** The elements a layer's markup holds in its edges and nodes (what a layer's budget counts). */
function layerElements(markup: string): number {
  const box = slotDocument.createElement('div');
  box.innerHTML = markup; // eslint-disable-line no-restricted-properties -- the host's injection of our own markup
  return box.querySelectorAll('.mm-graph-edges *, .mm-graph-nodes *').length;
}

describe('a graph slot’s drawing at 2,000 components', () => {
  it('comes in full layers, each laid out apart: ~90 host writes where there were ~200', async () => {
    const view = await graphSlotPieces(generatedIndex(2300), 'slot__apart', { limit: 2000 });
    const layers = view.parts.filter((p) => p.key?.startsWith('layer-'));
    const sizes = layers.map((layer) => layerElements(layer.markup(3)));
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(6000);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(LAYER_ELEMENTS);
    // Each layer but the last is full to within one item (an unnamed node is 2 elements, a named one 5).
    // main: 200 layers of 30–45 elements (a weight of 3 a node, 1 an edge, whatever either holds).
    for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThan(LAYER_ELEMENTS - 5);
    expect(layers.length).toBeLessThanOrEqual(Math.ceil(total / (LAYER_ELEMENTS - 5)));
    expect(layers.every((layer) => layer.laidOutApart === true)).toBe(true);
  }, 120_000);
});

describe('a graph slot in Logseq (built plugin, fake host)', () => {
  let open: Loaded | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });

  it('has the host lay out each layer before the next comes: never two layers styled in one go', async () => {
    const { files, somePage } = generatedGraph(500);
    const l = await loadPlugin({ files, settings: { pollSeconds: 0 } });
    open = l;
    const { slot } = await macro(l, somePage, '{{renderer :maturity-query, view=graph}}');
    await quiet(l);
    // Each layout the host is asked for (a getBoundingClientRect in its document: in Chromium a
    // forced style and layout of what changed), with the slot's layers in at that moment.
    const proto = (l.host as unknown as { Element: typeof Element }).Element.prototype;
    const measure = proto.getBoundingClientRect;
    const layouts: number[] = [];
    proto.getBoundingClientRect = function (this: Element) {
      // The plugin's own drawing measures itself in its frame's document: not a host layout.
      if (this.ownerDocument === (l.host.document as unknown as Document)) layouts.push(slotElement(l, slot).querySelectorAll('.mm-graph-layer').length);
      return measure.call(this);
    };
    const more = slotElement(l, slot).querySelector('button.mm-show-more') as HTMLElement;
    more.click();
    await until(l, () => slotElement(l, slot).querySelector('button.mm-show-more') !== more && viewComplete(slotElement(l, slot)), 'the next page', 30_000);
    await quiet(l);
    proto.getBoundingClientRect = measure;
    const layers = slotElement(l, slot).querySelectorAll('.mm-graph-layer').length;
    expect(layers).toBeGreaterThan(3);
    expect(Number(slotElement(l, slot).querySelector('[data-mm-layers]')?.getAttribute('data-mm-layers'))).toBe(layers + 1);
    // A layout before each later layer's write (main: none, so a rendering styled every layer
    // injected since the frame before), and between two layouts at most one layer came in.
    expect(layouts).toHaveLength(layers);
    const counts = [...layouts, layers];
    for (let i = 1; i < counts.length; i++) expect(counts[i]! - counts[i - 1]!).toBeLessThanOrEqual(1);
  }, 120_000);
});
