// @vitest-environment happy-dom
// A graph of more components than it lays out at once says how to narrow them instead of holding
// the thread (9,000 took Chromium 78 s), and still lets the reader focus on one component; its
// focus menu names every component without building their views.
import { describe, expect, it } from 'vitest';
import { renderGraph } from '../../src/render/index';
import { resetWorkCount, workCount } from '../../src/core/work-count';
import { exampleFixture, textOf } from './helpers';

describe('a graph of too many components', () => {
  it('draws a notice, not a layout, and a focused neighbourhood that fits', () => {
    const { index, ctx } = exampleFixture();
    resetWorkCount();
    const most = index.ids().length - 1;
    const graph = renderGraph(ctx, { maxComponents: most });
    const notice = graph.element.querySelector('.mm-graph-too-many');
    expect(textOf(notice!)).toBe(`${index.ids().length} components are more than the graph draws at once (${most}). Narrow the list with filters or query options, or choose a component under Focus to see its neighbourhood.`);
    expect(graph.element.querySelector('.mm-graph-canvas svg')).toBeNull();
    // The menu is filled when the reader opens it: then it names every component, and no view was
    // built to name them.
    const select = graph.element.querySelector<HTMLSelectElement>('select.mm-graph-focus')!;
    const options = () => [...select.querySelectorAll('option')].map((o) => o.textContent);
    expect(options()).toEqual(['All components']);
    select.dispatchEvent(new FocusEvent('focus'));
    expect(options()).toEqual(['All components', ...index.ids().map((id) => index.entry(id)!.identity.name)]);
    expect(select.value).toBe('');
    expect(workCount.viewsBuilt).toBe(0);
    // Session Store's neighbourhood one hop out is fewer: it is drawn, the notice gone.
    graph.focus('Components/Session Store.md', 1);
    expect(graph.element.querySelector('.mm-graph-too-many')).toBeNull();
    const drawn = [...graph.element.querySelectorAll('.mm-node[data-mm-id]')].map((n) => n.getAttribute('data-mm-id'));
    expect(drawn).toContain('Components/Session Store.md');
    expect(drawn.length).toBeGreaterThan(1);
    expect(drawn.length).toBeLessThanOrEqual(most);
    // Back to everything: the notice again.
    graph.focus(null);
    expect(graph.element.querySelector('.mm-graph-too-many')).not.toBeNull();
    graph.destroy();
  });
});
