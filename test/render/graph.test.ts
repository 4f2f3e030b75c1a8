// @vitest-environment happy-dom
// The dependency graph view: drawing, closure highlight, focus mode, keyboard, pan/zoom, size.
import { describe, expect, it } from 'vitest';
import { buildGraphModel, closure, invert } from '../../src/core/index';
import { layoutInputs } from '../../src/render/graph/draw';
import { contextFromIndex, layoutGraph, renderGraph } from '../../src/render/index';
import { exampleCounts } from '../cli/run';
import { click, exampleFixture, key, textOf, tieredIndex } from './helpers';

const N = exampleCounts();

const BILLING = 'Components/Billing Engine.md';
const CONFIG = 'Components/Config Service.md';

function node(root: Element, id: string): SVGGElement {
  const found = [...root.querySelectorAll<SVGGElement>('.mm-node')].find((n) => n.getAttribute('data-mm-id') === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

function ids(root: Element, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((n) => n.getAttribute('data-mm-id')!).sort();
}

describe('dependency graph', () => {
  const { index, ctx, opened } = exampleFixture();
  const view = renderGraph(ctx);
  const root = view.element;
  const svg = root.querySelector('svg.mm-graph-svg')!;

  it('draws every component and every dependency edge', () => {
    const model = buildGraphModel(index);
    expect(root.querySelectorAll('.mm-node')).toHaveLength(N.components);
    expect(svg.querySelectorAll('.mm-edge')).toHaveLength(model.edges.length);
    expect(model.edges.length).toBe(index.ids().reduce((n, id) => n + (index.edges().get(id)?.length ?? 0), 0));
    for (const edge of model.edges) {
      const path = [...svg.querySelectorAll('.mm-edge')].find((p) => p.getAttribute('data-from') === edge.from && p.getAttribute('data-to') === edge.to);
      expect(path?.getAttribute('d')).toMatch(/^M[\d.-]+,[\d.-]+/);
    }
    expect(svg.getAttribute('aria-label')).toContain(`Dependency graph: ${N.components} components, ${N.edges} dependencies, ${model.externals.length} external dependencies (grey).`);
  });

  it('labels nodes with the stage in text and glyph, not colour alone', () => {
    const billing = node(root, BILLING);
    expect([...billing.querySelectorAll('text')].map(textOf)).toEqual(['◑ Billing Engine', 'Staging · ✖ 3 errors']);
    expect(billing.getAttribute('data-mm-stage')).toBe('staging');
    expect(billing.classList.contains('mm-node-rank-1')).toBe(true);
    expect(billing.getAttribute('aria-label')).toBe('Billing Engine, Staging, 3 errors, depends on 3, used by 0');
    expect(billing.getAttribute('tabindex')).toBe('0');
    expect(billing.getAttribute('role')).toBe('button');
    expect((billing as unknown as HTMLElement).style.getPropertyValue('--mm-stage-color')).toBe('#2563eb');
    expect(textOf(node(root, 'Components/Ledger.md').querySelectorAll('text')[1]!)).toBe('Development · ⊘ blocked');
  });

  it('draws cycles and stage inversions distinctly, with a title that says why', () => {
    const cycle = [...svg.querySelectorAll('.mm-edge-cycle')].map((p) => `${p.getAttribute('data-from')} → ${p.getAttribute('data-to')}`).sort();
    expect(cycle).toEqual(['Components/Experiment Tracker.md → Components/Feature Flags.md', 'Components/Feature Flags.md → Components/Experiment Tracker.md']);
    const inversions = [...svg.querySelectorAll('.mm-edge-inversion')].map((p) => textOf(p.querySelector('title')!));
    expect(inversions).toContain('Billing Engine depends on Ledger — stage inversion: Staging depends on Development');
    expect(inversions).toContain('Billing Engine depends on Search Indexer (optional) — stage inversion: Staging depends on Development');
    expect(textOf(svg.querySelector('.mm-edge-cycle title')!)).toContain('part of a dependency cycle');
    const markers = [...svg.querySelectorAll('.mm-edge-cycle')].map((p) => p.getAttribute('marker-end'));
    expect(new Set(markers).size).toBe(1);
    expect(svg.querySelector(`marker${markers[0]!.slice(4, -1)}`)!.classList.contains('mm-marker-cycle')).toBe(true);
  });

  it('highlights the transitive dependencies and dependents on hover', () => {
    node(root, CONFIG).dispatchEvent(new MouseEvent('mouseenter'));
    const edges = index.edges();
    const down = [...closure(CONFIG, edges).keys()].sort();
    const up = [...closure(CONFIG, invert(index.ids(), edges)).keys()].sort();
    expect(root.classList.contains('mm-graph-highlighting')).toBe(true);
    expect(ids(root, '.mm-node.mm-hl-self')).toEqual([CONFIG]);
    expect(ids(root, '.mm-node.mm-hl-dependency')).toEqual(down);
    expect(ids(root, '.mm-node.mm-hl-dependent')).toEqual(up);
    expect(down).toEqual(['Components/Session Store.md']);
    expect(up).toEqual(expect.arrayContaining(['Components/Auth Gateway.md', BILLING, 'Components/Media Pipeline.md']));
    const lit = [...svg.querySelectorAll('.mm-edge.mm-hl')].map((p) => `${p.getAttribute('data-from')}>${p.getAttribute('data-to')}`);
    expect(lit).toContain(`${CONFIG}>Components/Session Store.md`);
    expect(lit).toContain(`Components/Auth Gateway.md>${CONFIG}`);
    expect(lit).not.toContain('Components/Status Widget.md>Components/Session Store.md');
    expect(textOf(root.querySelector('.mm-graph-status')!)).toBe(`Config Service: depends on 1 component (directly or not), used by ${up.length} components`);
    node(root, CONFIG).dispatchEvent(new MouseEvent('mouseleave'));
    expect(root.classList.contains('mm-graph-highlighting')).toBe(false);
    expect(root.querySelectorAll('.mm-hl')).toHaveLength(0);
  });

  it('selects and opens on click; the selection stays highlighted after hovering elsewhere', () => {
    opened.length = 0;
    click(node(root, BILLING));
    expect(opened.map((o) => o.id)).toEqual([BILLING]);
    expect(view.selected()).toBe(BILLING);
    expect(ids(root, '.mm-node.mm-selected')).toEqual([BILLING]);
    node(root, CONFIG).dispatchEvent(new MouseEvent('mouseenter'));
    node(root, CONFIG).dispatchEvent(new MouseEvent('mouseleave'));
    expect(ids(root, '.mm-node.mm-hl-self')).toEqual([BILLING]);
    expect(ids(root, '.mm-node.mm-hl-dependency')).toContain('Components/Ledger.md');
    key(svg, 'Escape');
    expect(view.selected()).toBeNull();
    expect(root.querySelectorAll('.mm-hl')).toHaveLength(0);
  });

  it('opens with Enter and focuses with F from the keyboard', () => {
    opened.length = 0;
    key(node(root, CONFIG), 'Enter');
    expect(opened.map((o) => o.id)).toEqual([CONFIG]);
    key(node(root, BILLING), 'f');
    const shown = ids(root, '.mm-node');
    // Two hops along dependencies, or two along dependents: Media Pipeline (a dependent of a dependency) is not in.
    expect(shown).toEqual([BILLING, 'Components/Auth Gateway.md', 'Components/Config Service.md', 'Components/Ledger.md', 'Components/Search Indexer.md', 'Components/Session Store.md'].sort());
    expect(textOf(root.querySelector('.mm-graph-status')!)).toMatch(/^Billing Engine: depends on/);
    key(root.querySelector('svg.mm-graph-svg')!, 'Escape');
    key(root.querySelector('svg.mm-graph-svg')!, 'Escape');
    expect(root.querySelectorAll('.mm-node')).toHaveLength(N.components);
  });

  it('focuses on one component and N hops from the toolbar and the API', () => {
    view.focus(BILLING, 1);
    expect(ids(root, '.mm-node')).toEqual(['Components/Auth Gateway.md', BILLING, 'Components/Ledger.md', 'Components/Search Indexer.md']);
    expect(root.querySelector<HTMLInputElement>('.mm-graph-hops')!.value).toBe('1');
    expect(root.querySelector<HTMLSelectElement>('.mm-graph-focus')!.value).toBe(BILLING);
    const select = root.querySelector<HTMLSelectElement>('.mm-graph-focus')!;
    select.value = '';
    select.dispatchEvent(new Event('change'));
    expect(root.querySelectorAll('.mm-node')).toHaveLength(N.components);
    view.focus(null);
  });

  it('zooms and pans by moving the viewBox, and fits again', () => {
    const current = () => root.querySelector('svg.mm-graph-svg')!.getAttribute('viewBox')!.split(' ').map(Number);
    const before = current();
    click(root.querySelector('[aria-label="Zoom in"]')!);
    const zoomed = current();
    expect(zoomed[2]!).toBeCloseTo(before[2]! / 1.25, 1);
    key(root.querySelector('svg.mm-graph-svg')!, 'ArrowRight');
    expect(current()[0]!).toBeGreaterThan(zoomed[0]!);
    key(root.querySelector('svg.mm-graph-svg')!, '0');
    expect(current()).toEqual(before);
    expect(root.querySelector('svg.mm-graph-svg')!.getAttribute('style')).toBeNull();
  });

  it('draws only the given components and the edges between them', () => {
    const subset = renderGraph(ctx, { ids: [BILLING, 'Components/Ledger.md', 'Components/Session Store.md'], toolbar: false });
    expect(subset.element.querySelector('.mm-graph-toolbar')).toBeNull();
    expect(subset.element.querySelectorAll('.mm-node')).toHaveLength(3);
    expect([...subset.element.querySelectorAll('svg .mm-edge')].map((p) => p.getAttribute('data-to')).sort()).toEqual(['Components/Ledger.md', 'Components/Session Store.md']);
    subset.destroy();
  });
});

describe('layout', () => {
  it('places a dependent to the left of what it depends on, without overlaps', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id, width: 100, height: 40 }));
    const layout = layoutGraph(nodes, [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'a', to: 'd' }, { from: 'd', to: 'a' }]);
    const at = (id: string) => layout.nodes.get(id)!;
    expect(at('a').x).toBeLessThan(at('b').x);
    expect(at('b').x).toBeLessThan(at('c').x);
    for (const x of layout.nodes.values()) {
      for (const y of layout.nodes.values()) {
        if (x.id < y.id) expect(Math.abs(x.x - y.x) >= 100 || Math.abs(x.y - y.y) >= 40).toBe(true);
      }
    }
    expect(layout.edges.get('d\u0000a')!.length).toBeGreaterThanOrEqual(2);
    expect(layout.width).toBeGreaterThan(300);
  });

  it('routes every edge from the border of its dependent to the border of its dependency', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, width: 100 + 20 * i, height: 44 }));
    const edges = [{ from: 'a', to: 'b' }, { from: 'a', to: 'c' }, { from: 'b', to: 'c' }, { from: 'c', to: 'd' }, { from: 'a', to: 'd' }, { from: 'd', to: 'b' }, { from: 'e', to: 'e' }];
    const layout = layoutGraph(nodes, edges);
    const onBorder = (p: { x: number; y: number }, id: string) => {
      const n = layout.nodes.get(id)!;
      const dx = Math.abs(p.x - n.x) - n.width / 2;
      const dy = Math.abs(p.y - n.y) - n.height / 2;
      return Math.abs(dx) < 0.5 ? dy <= 0.5 : Math.abs(dy) < 0.5 && dx <= 0.5;
    };
    for (const e of edges) {
      const route = layout.edges.get(`${e.from}\u0000${e.to}`)!;
      expect(route.length, `${e.from} → ${e.to}`).toBeGreaterThanOrEqual(2);
      expect(onBorder(route[0]!, e.from), `${e.from} → ${e.to} starts on ${e.from}`).toBe(true);
      expect(onBorder(route[route.length - 1]!, e.to), `${e.from} → ${e.to} ends on ${e.to}`).toBe(true);
    }
    // A component that depends on itself gets a loop that leaves the node and comes back.
    const loop = layout.edges.get('e\u0000e')!;
    const e = layout.nodes.get('e')!;
    expect(loop.some((p) => p.x > e.x + e.width / 2 && p.y < e.y - e.height / 2)).toBe(true);
    for (const p of layout.nodes.values()) {
      expect(p.x - p.width / 2).toBeGreaterThanOrEqual(0);
      expect(p.x + p.width / 2).toBeLessThanOrEqual(layout.width);
      expect(p.y + p.height / 2).toBeLessThanOrEqual(layout.height);
    }
    for (const route of layout.edges.values()) for (const p of route) expect(p.x >= 0 && p.y >= 0 && p.x <= layout.width && p.y <= layout.height).toBe(true);
  });
});

describe('a graph of 600 components', () => {
  it('lays out and draws every node, and highlights a closure across tiers', async () => {
    // Six tiers, each component depending on one to three components of lower tiers: the shape
    // of a real platform, at ten times the size of the example vault's.
    const index = tieredIndex(600);
    const ctx = contextFromIndex(index, { document, onOpen: () => {} });
    const model = buildGraphModel(index);
    expect(model.nodes).toHaveLength(600);
    expect(model.edges.length).toBeGreaterThan(600);
    // The large-graph path of the layout (longest-path layering, greedy coordinates): every edge
    // runs from its dependent's border to its dependency's, and dependents sit left of their
    // dependencies except on cycles.
    const layout = layoutGraph(layoutInputs(model), model.edges);
    for (const edge of model.edges) {
      const route = layout.edges.get(`${edge.from}\u0000${edge.to}`)!;
      const from = layout.nodes.get(edge.from)!;
      const to = layout.nodes.get(edge.to)!;
      expect(Math.abs(route[0]!.x - (from.x + from.width / 2))).toBeLessThan(0.5);
      expect(Math.abs(route[route.length - 1]!.x - (to.x - to.width / 2))).toBeLessThan(0.5);
      if (!edge.cycle) expect(from.x).toBeLessThan(to.x);
    }
    const view = renderGraph(ctx);
    // Drawn a slice a task (redraw.ts DRAW_SLICE), busy until the last is in.
    await view.ready();
    const nodes = [...view.element.querySelectorAll('.mm-node')];
    expect(nodes).toHaveLength(600);
    // Every node has a place of its own, in the drawing's own coordinates: no transform on a node
    // (Chromium leaves out of its paint what is off screen only for SVG elements without one).
    expect(new Set(nodes.map((n) => ['x', 'y'].map((a) => n.querySelector('.mm-node-box')?.getAttribute(a)).join(','))).size).toBe(600);
    expect(view.element.querySelectorAll('.mm-graph-nodes [transform]')).toHaveLength(0);
    // Where the layout put them (the view laid out the same model).
    for (const node of nodes) {
      const place = layout.nodes.get(node.getAttribute('data-mm-id')!)!;
      const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((a) => Number(node.querySelector('.mm-node-box')!.getAttribute(a)));
      expect(Math.abs(x! + width! / 2 - place.x)).toBeLessThan(0.1);
      expect(Math.abs(y! + height! / 2 - place.y)).toBeLessThan(0.1);
      expect(Number(node.querySelector('.mm-node-name')!.getAttribute('x'))).toBeCloseTo(x! + 10, 5);
    }
    expect(view.element.querySelectorAll('svg.mm-graph-svg .mm-edge')).toHaveLength(model.edges.length);
    const top = 'S/Service 599.md';
    view.highlight(top);
    const expected = closure(top, index.edges()).size;
    expect(expected).toBeGreaterThan(1);
    expect(view.element.querySelectorAll('.mm-node.mm-hl-dependency')).toHaveLength(expected);
    view.destroy();
  });
});
