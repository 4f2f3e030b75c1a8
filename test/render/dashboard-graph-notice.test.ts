// @vitest-environment happy-dom
// The standalone page's Graph tab over more components than the graph draws: its notice needs only
// the count, so the page's first script shows it without running the graph script
// (render/dashboard/graph-notice.ts), and it is what the graph view shows then, element for element.
// The graph script runs when the reader focuses on a component. This document has no graph script
// block: running it would fail and say so in the tab.
import { describe, expect, it } from 'vitest';
import { pageGraph } from '../../src/render/dashboard/graph-script';
import { renderGraph } from '../../src/render/index';
import { exampleFixture } from './helpers';

/** An element as markup, to compare two drawings element for element. */
const markup = (el: Element) => new XMLSerializer().serializeToString(el);

describe('the page’s graph notice', () => {
  it('is the graph view’s notice and controls, shown without the graph script', () => {
    const { index, ctx } = exampleFixture();
    const ids = index.ids();
    const options = { ids, maxComponents: ids.length - 1, focusMenuAtOnce: 3 };
    const tab = pageGraph(document).render(ctx, options);
    const view = renderGraph(ctx, options);
    expect(tab.element.querySelector('.mm-graph-too-many')?.textContent).toBe(`${ids.length} components are more than the graph draws at once (${ids.length - 1}). Narrow the list with filters or query options, or choose a component under Focus to see its neighbourhood.`);
    expect(tab.element.querySelector('.mm-graph-failed')).toBeNull();
    expect(markup(tab.element)).toBe(markup(view.element));
    // A component opened elsewhere selects nothing a notice shows: the status stays empty in both.
    tab.select(ids[0]!);
    view.select(ids[0]!);
    expect(markup(tab.element)).toBe(markup(view.element));
    // The focus menu holds every name once the reader opens it, as the view's does.
    const menu = tab.element.querySelector<HTMLSelectElement>('.mm-graph-focus')!;
    menu.dispatchEvent(new Event('focus'));
    view.element.querySelector('.mm-graph-focus')!.dispatchEvent(new Event('focus'));
    expect(menu.options).toHaveLength(ids.length + 1);
    expect(markup(tab.element)).toBe(markup(view.element));
    view.destroy();
    tab.destroy();
  });

  it('runs the graph script when the reader focuses on a component, in its place', () => {
    const { index, ctx } = exampleFixture();
    const ids = index.ids();
    const tab = pageGraph(document).render(ctx, { ids, maxComponents: 2 });
    const panel = document.createElement('div');
    panel.appendChild(tab.element);
    const menu = tab.element.querySelector<HTMLSelectElement>('.mm-graph-focus')!;
    menu.dispatchEvent(new Event('focus'));
    menu.value = ids[0]!;
    menu.dispatchEvent(new Event('change'));
    // The script is not in this document: the tab says so where the notice was.
    expect(panel.querySelector('.mm-graph-too-many')).toBeNull();
    expect(panel.querySelector('.mm-graph-failed')?.textContent).toBe('The graph could not be loaded (the page has no graph script). The other views still show every component.');
  });

  it('is not used where the graph draws: a focus given, or few enough components', () => {
    const { index, ctx } = exampleFixture();
    const ids = index.ids();
    for (const options of [{ ids }, { ids, maxComponents: 2, focus: ids[0]! }]) {
      const tab = pageGraph(document).render(ctx, options);
      expect(tab.element.querySelector('.mm-graph-too-many')).toBeNull();
      expect(tab.element.getAttribute('aria-busy')).toBe('true');
      tab.destroy();
    }
  });
});
