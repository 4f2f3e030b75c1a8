// A graph query's drawing reaches Logseq in layers (graph-layers.ts): no injected piece holds more
// than a layer's SVG elements (each piece is a task of the host's: DOMPurify and innerHTML), every
// node and edge is drawn once, nodes come after every edge (drawn above them), and each node is
// still wired to open its page. Before, the whole drawing was one piece (50 nodes and their edges).
import { afterEach, describe, expect, it } from 'vitest';
import { runQuery } from '../../src/core/index';
import { generatedGraph } from './generated-graph';
import { loadPlugin, quiet, slotElement, until, viewComplete, type Loaded } from './harness';
import { LAYER_ELEMENTS } from '../../src/logseq/graph-layers';

const { files, core, somePage } = generatedGraph(500);

let open: Loaded | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

/** What one injected piece holds itself (the later layers are injected inside the first's piece). */
const own = (el: Element, selector: string) => [...el.querySelectorAll(selector)].filter((x) => x.closest('[data-injected-ui]') === el).length;
/** The SVG elements of a piece's edges and nodes (their titles and texts included). */
const weightOf = (el: Element) => own(el, '.mm-graph-edges *, .mm-graph-nodes *');

/** The plugin loaded with a graph query of the staging components in a slot, every layer drawn. */
async function stagingGraph(): Promise<{ l: Loaded; slot: string; el: Element }> {
  const l = await loadPlugin({ files, settings: { pollSeconds: 0 } });
  open = l;
  const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(somePage)!, '{{renderer :maturity-query, stage=staging, view=graph}}'));
  await until(l, () => slotElement(l, slot)?.querySelector('.mm-graph-nodes > *') !== null && slotElement(l, slot).querySelector('[aria-busy="true"]') === null && viewComplete(slotElement(l, slot)), 'the graph', 60_000);
  await quiet(l);
  return { l, slot, el: slotElement(l, slot) };
}

describe('a graph query in a slot', () => {
  it('comes in layers of at most LAYER_ELEMENTS SVG elements, every node once, above every edge, each wired', async () => {
    const { l, el } = await stagingGraph();
    const canvas = el.querySelector('.mm-graph-canvas')!;
    const layers = [...canvas.querySelectorAll('[data-injected-ui]')];
    expect(layers.length).toBeGreaterThan(1);
    for (const layer of layers) expect(weightOf(layer)).toBeLessThanOrEqual(LAYER_ELEMENTS);
    const nodes = [...canvas.querySelectorAll('.mm-graph-nodes > .mm-node')].map((n) => n.getAttribute('data-mm-id'));
    const shown = runQuery(core, { stage: ['staging'] }).slice(0, nodes.length).map((c) => c.id);
    expect(new Set(nodes).size).toBe(nodes.length);
    expect([...nodes].sort()).toEqual([...shown].sort());
    // Every edge before the first node, in document order: nodes lie above edges.
    const all = [...canvas.querySelectorAll('.mm-graph-edges > *, .mm-graph-nodes > *')];
    const firstNode = all.findIndex((x) => x.parentElement!.classList.contains('mm-graph-nodes'));
    expect(all.slice(firstNode).every((x) => x.parentElement!.classList.contains('mm-graph-nodes'))).toBe(true);
    for (const node of canvas.querySelectorAll('.mm-graph-nodes > .mm-node')) expect(node.getAttribute('data-on-click')).toBe('mmOpen');
    // A click on a node of the last layer opens its page once.
    const last = layers.at(-1)!.querySelector('.mm-node') as HTMLElement;
    last.dispatchEvent(new (l.host as unknown as { MouseEvent: typeof MouseEvent }).MouseEvent('click', { bubbles: true }));
    await until(l, () => l.fake.navigations.length > 0, 'the page opened');
    await l.settle(100);
    expect(l.fake.navigations).toHaveLength(1);
  });

  it('a focus change never shows the old drawing’s layers with the new one’s', async () => {
    const { l, slot, el } = await stagingGraph();
    const oldFirst = el.querySelector('[data-mm-layers]')!;
    const oldLayers = [...el.querySelectorAll('.mm-graph-layer')];
    expect(oldLayers.length).toBeGreaterThan(1);
    // Each time the host's DOM changes: once the new drawing's first layer is in, no layer of the old one is left.
    const mixed: string[] = [];
    const Observer = (l.host as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver;
    const watch = new Observer(() => {
      const first = slotElement(l, slot).querySelector('[data-mm-layers]');
      const stale = oldLayers.filter((layer) => layer.isConnected).length;
      if (first !== null && first !== oldFirst && stale > 0) mixed.push(`${stale} old layers under the new first layer`);
      const boxes = new Set([...slotElement(l, slot).querySelectorAll('.mm-graph-canvas svg.mm-graph-svg')].map((svg) => svg.getAttribute('viewBox')));
      if (boxes.size > 1) mixed.push(`layers of ${boxes.size} viewBoxes`);
    });
    watch.observe(el, { childList: true, subtree: true });
    // A component with neighbours among those shown: its focus draws fewer of them, laid out anew.
    const select = el.querySelector('select.mm-graph-focus') as HTMLSelectElement;
    const shown = new Set([...el.querySelectorAll('.mm-graph-nodes > .mm-node')].map((n) => n.getAttribute('data-mm-id')!));
    const target = [...shown].find((id) => core.component(id)!.dependents.some((d) => shown.has(d) && d !== id)) ?? select.options[1]!.value;
    select.value = target;
    select.dispatchEvent(new (l.host as unknown as { Event: typeof Event }).Event('change', { bubbles: true }));
    await until(l, () => slotElement(l, slot).querySelector('select.mm-graph-focus option[selected]')?.getAttribute('value') === target && slotElement(l, slot).querySelector('[data-mm-layers]') !== oldFirst && viewComplete(slotElement(l, slot)), 'the focused graph', 30_000);
    await quiet(l);
    watch.disconnect();
    expect(oldLayers.every((layer) => !layer.isConnected)).toBe(true);
    expect(mixed).toEqual([]);
  });
});
