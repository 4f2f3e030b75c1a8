// @vitest-environment happy-dom
// The graph view's `labels` option (draw.ts Labelled): the nodes it names are drawn in full, the
// others as their box alone, and an edge between two named nodes keeps its arrow and title. Without
// the option (Obsidian's views) every node is named, as always.
import { describe, expect, it } from 'vitest';
import { renderGraph } from '../../src/render/index';
import { exampleFixture } from './helpers';

const BILLING = 'Components/Billing Engine.md';

describe('a graph drawn with a labels rule', () => {
  const { ctx } = exampleFixture();

  it('names every node without one', () => {
    const root = renderGraph(ctx).element;
    const nodes = root.querySelectorAll('.mm-node').length;
    expect(nodes).toBeGreaterThan(3);
    expect(root.querySelectorAll('.mm-node > text.mm-node-name')).toHaveLength(nodes);
    expect(root.querySelectorAll('.mm-node > title')).toHaveLength(nodes);
    expect(root.querySelectorAll('.mm-graph-edges > .mm-edge:not([marker-end])')).toHaveLength(0);
  });

  it('draws the others as their box, their edges as lines, and asks once the layout is known', () => {
    const asked: number[] = [];
    const root = renderGraph(ctx, {
      labels: (layout) => {
        asked.push(layout.nodes.size);
        return (id) => id === BILLING;
      },
    }).element;
    expect(asked).toHaveLength(1);
    const named = [...root.querySelectorAll('.mm-node')].filter((g) => g.querySelector('text') !== null);
    expect(named.map((g) => g.getAttribute('data-mm-id'))).toEqual([BILLING]);
    expect(named[0]!.querySelectorAll('text.mm-node-name, text.mm-node-status, title')).toHaveLength(3);
    for (const g of root.querySelectorAll('.mm-node')) {
      expect(g.querySelector('rect.mm-node-box')).not.toBeNull();
      expect(g.getAttribute('aria-label')).toBeTruthy();
      if (g.getAttribute('data-mm-id') !== BILLING) expect(g.querySelectorAll('text, title')).toHaveLength(0);
    }
    // No edge joins Billing Engine to itself: every edge has an unnamed end, so none has an arrow or a title.
    const edges = root.querySelectorAll('.mm-graph-edges > .mm-edge');
    expect(edges.length).toBeGreaterThan(0);
    expect(root.querySelectorAll('.mm-graph-edges > .mm-edge[marker-end], .mm-graph-edges > .mm-edge > title')).toHaveLength(0);
  });
});
