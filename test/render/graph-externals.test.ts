// @vitest-environment happy-dom
// External dependencies in the graph view: a grey node per name with "used by N", dashed edges
// from the components that name it, hover or Enter lights up those components, and the toolbar's
// "External" checkbox hides and shows them again.
import { describe, expect, it } from 'vitest';
import { buildGraphModel } from '../../src/core/index';
import { renderGraph } from '../../src/render/index';
import { exampleFixture, key, textOf } from './helpers';

describe('external dependencies in the graph view', () => {
  const { index, ctx } = exampleFixture();
  const model = buildGraphModel(index);

  it('draws one grey node per external name, with its count, and a dashed edge per user', () => {
    expect(model.externals.length).toBeGreaterThan(0);
    const root = renderGraph(ctx).element;
    const nodes = [...root.querySelectorAll<SVGGElement>('.mm-xnode')];
    expect(nodes.map((n) => n.getAttribute('data-mm-external'))).toEqual(model.externals.map((x) => x.id));
    const first = nodes[0]!;
    const x = model.externals[0]!;
    expect([...first.querySelectorAll('text')].map(textOf)).toEqual([`⬚ ${x.name}`, `external · used by ${x.usedBy.length}`]);
    expect(first.getAttribute('aria-label')).toBe(`${x.name}, external, used by ${x.usedBy.length}; a dependency outside the vault`);
    expect(first.getAttribute('tabindex')).toBe('0');
    // Never mistaken for a component: no data-mm-id, not an .mm-node.
    expect(first.hasAttribute('data-mm-id')).toBe(false);
    expect(root.querySelectorAll('.mm-node')).toHaveLength(model.nodes.length);
    const edges = [...root.querySelectorAll('path.mm-xedge')];
    expect(edges.map((e) => `${e.getAttribute('data-from')}→${e.getAttribute('data-to')}`).sort()).toEqual(model.externalEdges.map((e) => `${e.from}→${e.to}`).sort());
    expect(root.querySelector('.mm-legend-external')?.textContent).toContain('external');
  });

  it('lights up the components that use an external node on Enter, and clears on a second Enter', () => {
    const root = renderGraph(ctx).element;
    const x = model.externals[0]!;
    const el = root.querySelector<SVGGElement>(`.mm-xnode[data-mm-external="${x.id}"]`)!;
    key(el, 'Enter');
    const lit = [...root.querySelectorAll('.mm-node.mm-hl-dependent')].map((n) => n.getAttribute('data-mm-id')).sort();
    expect(lit).toEqual(expect.arrayContaining(x.usedBy));
    expect(el.classList.contains('mm-selected')).toBe(true);
    expect(root.querySelector('.mm-graph-status')?.textContent).toContain(`${x.name}: depends on 0 components`);
    key(el, 'Enter');
    expect(el.classList.contains('mm-selected')).toBe(false);
  });

  it('hides and shows them with the toolbar checkbox, and starts hidden with externals: false', () => {
    const view = renderGraph(ctx);
    const toggle = view.element.querySelector<HTMLInputElement>('input.mm-graph-externals')!;
    expect(toggle.checked).toBe(true);
    expect(toggle.closest('label')?.textContent).toBe('External');
    toggle.checked = false;
    toggle.dispatchEvent(new Event('change'));
    expect(view.element.querySelectorAll('.mm-xnode, .mm-xedge')).toHaveLength(0);
    expect(view.element.querySelectorAll('.mm-node')).toHaveLength(model.nodes.length);
    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    expect(view.element.querySelectorAll('.mm-xnode')).toHaveLength(model.externals.length);
    const hidden = renderGraph(ctx, { externals: false });
    expect(hidden.element.querySelectorAll('.mm-xnode')).toHaveLength(0);
    expect(hidden.element.querySelector<HTMLInputElement>('input.mm-graph-externals')!.checked).toBe(false);
  });
});
