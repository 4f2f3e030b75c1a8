// A large graph slot's drawing names only what can be read. At 2,000 components (Show more) the
// whole graph fits the canvas, a box under a pixel tall, yet each node's two lines of text and each
// edge's arrow and title were sanitised, styled and laid out by Logseq's thread: 8 SVG elements a
// component, a 583 ms layout in one task (benchmarks.md, session 20). Now a box a component (its
// group says what it is), a line an edge; names where the slot's zoom makes them readable; up to
// 300 components as before.
import { describe, expect, it } from 'vitest';
import type { MaturityIndex } from '../../src/core/index';
import type { SlotState } from '../../src/logseq/slot-types';
import { generatedIndex, graphSlotPieces, slotDocument } from './graph-slot-fixture';

const doc = slotDocument;

/** The slot's drawing as the host holds it: the first piece and every layer, in one tree. */
async function drawing(index: MaturityIndex, state: SlotState): Promise<Element> {
  const view = await graphSlotPieces(index, 'slot__labels', state);
  const root = doc.createElement('div');
  for (const part of view.parts.filter((p) => p.key === 'drawing' || p.key?.startsWith('layer-'))) {
    const holder = doc.createElement('div');
    holder.innerHTML = part.markup(2); // eslint-disable-line no-restricted-properties -- the host's injection of our own markup
    root.append(holder);
  }
  return root;
}

const count = (root: Element, selector: string) => root.querySelectorAll(selector).length;

describe('a graph slot’s drawing at 2,000 components', () => {
  const index = generatedIndex(2300);

  it('draws a box a component and a line an edge: no text, titles or arrows, under 4 SVG elements a component', async () => {
    const root = await drawing(index, { limit: 2000 });
    const nodes = count(root, '.mm-graph-nodes > .mm-node');
    expect(nodes).toBe(2000);
    // Each node still says what it is (its accessible name) and answers a press (its id).
    expect(count(root, '.mm-node[aria-label][data-mm-id][role="button"] > rect.mm-node-box')).toBe(nodes);
    expect(count(root, 'svg text, .mm-node > title')).toBe(0);
    expect(count(root, '.mm-graph-edges > path')).toBeGreaterThan(2000);
    expect(count(root, '.mm-graph-edges > path[marker-end], .mm-graph-edges > path > title')).toBe(0);
    // main: 8.3 (a node's group, box, title and two texts; an edge's path and title).
    const perComponent = count(root, 'svg *') / nodes;
    expect(perComponent).toBeLessThan(4);
  }, 120_000);

  it('names the components in view once the reader zooms in far enough to read them, and only those', async () => {
    const root = await drawing(index, { limit: 2000, zoom: 16 });
    const named = [...root.querySelectorAll('.mm-node')].filter((g) => g.querySelector('text.mm-node-name') !== null);
    expect(named.length).toBeGreaterThan(0);
    expect(named.length).toBeLessThan(300);
    for (const g of named) expect(g.querySelectorAll('text, title')).toHaveLength(3);
    // An edge between two named components has its arrow and title again.
    expect(count(root, '.mm-graph-edges > path[marker-end] > title')).toBeGreaterThan(0);
  }, 120_000);
});

describe('a graph slot’s drawing up to 300 components, as before', () => {
  it('names every component and gives every edge its arrow and title', async () => {
    const root = await drawing(generatedIndex(400), { limit: 300 });
    const nodes = count(root, '.mm-graph-nodes > .mm-node');
    expect(nodes).toBe(300);
    expect(count(root, '.mm-node > text.mm-node-name')).toBe(nodes);
    expect(count(root, '.mm-node > text.mm-node-status')).toBe(nodes);
    const edges = count(root, '.mm-graph-edges > path');
    expect(edges).toBeGreaterThan(0);
    expect(count(root, '.mm-graph-edges > path[marker-end]')).toBe(edges);
    expect(count(root, '.mm-graph-edges > path > title')).toBe(edges);
  }, 120_000);
});
