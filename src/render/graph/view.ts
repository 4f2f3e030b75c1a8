// The interactive dependency graph: toolbar (focus, hops, zoom), legend, and the SVG. Hover or
// keyboard focus highlights a node's transitive dependencies and dependents; click selects and
// opens; focus mode shows one component and its neighbours N hops away.
import { closure, invert } from '../../core/graph';
import { buildGraphModel, EXTERNAL_PREFIX, neighbourhood, withoutExternals, type GraphModel } from '../../core/graph-model';
import type { ViewContext } from '../context';
import { clear, h, plural, s } from '../dom';
import { drawGraph, layoutEdges, layoutInputs, type DrawnGraph } from './draw';
import { edgeKey, layoutGraph } from './layout';
import { attachPanZoom, type PanZoom } from './panzoom';
import { stageInfo } from '../stage';

export interface GraphOptions {
  /** The components to draw (default: all). Focus mode stays within them. */
  ids?: readonly string[];
  /** Start focused on this component. */
  focus?: string;
  /** Hops around the focused component (default 2). */
  hops?: number;
  /** See PanZoomOptions.wheel; default `always`. Use `modifier` inside scrolling notes. */
  wheel?: 'always' | 'modifier';
  /** Show the toolbar and legend (default true). */
  toolbar?: boolean;
  /** Draw the external dependencies, one grey node per name (default true; the toolbar toggles it). */
  externals?: boolean;
}

export interface GraphView {
  element: HTMLElement;
  /** Show only `id` and its neighbours within `hops`; null shows everything again. */
  focus(id: string | null, hops?: number): void;
  /** Highlight a component's closure (null clears). Does not open anything. */
  highlight(id: string | null): void;
  /** Select a component: a sticky highlight that hover returns to. */
  select(id: string | null): void;
  selected(): string | null;
  /** Read the context again (after the index changed) and redraw. */
  refresh(): void;
  fit(): void;
  destroy(): void;
}

const FAR_PIXELS_PER_UNIT = 0.45;
/** The smallest scale the graph starts at: 13px names stay about 9px tall. */
const READABLE_PIXELS_PER_UNIT = 0.7;

export function renderGraph(ctx: ViewContext, options: GraphOptions = {}): GraphView {
  const doc = ctx.document;
  const root = h(doc, 'div', { cls: 'mm mm-graph' });
  const status = h(doc, 'span', { cls: 'mm-graph-status', attrs: { 'aria-live': 'polite' } });
  const canvas = h(doc, 'div', { cls: 'mm-graph-canvas' });
  const focusSelect = h(doc, 'select', { cls: 'mm-graph-focus', attrs: { 'aria-label': 'Focus on a component' } });
  const hopsInput = h(doc, 'input', { cls: 'mm-graph-hops', attrs: { type: 'number', min: 1, max: 9, value: options.hops ?? 2, 'aria-label': 'Hops around the focused component' } });
  const button = (text: string, label: string, action: () => void) => {
    const b = h(doc, 'button', { cls: 'mm-button', text, attrs: { type: 'button', 'aria-label': label, title: label } });
    b.addEventListener('click', action);
    return b;
  };

  let focusId: string | null = options.focus ?? null;
  let hops = options.hops ?? 2;
  let selectedId: string | null = null;
  let model: GraphModel = { nodes: [], edges: [], cycles: [], externals: [], externalEdges: [] };
  let showExternals = options.externals ?? true;
  const externalToggle = h(doc, 'input', { cls: 'mm-graph-externals', attrs: { type: 'checkbox', checked: showExternals ? '' : undefined } });
  externalToggle.checked = showExternals;
  let drawn: DrawnGraph | null = null;
  let panzoom: PanZoom | null = null;
  let forward = new Map<string, string[]>();
  let backward = new Map<string, string[]>();
  let lit: Element[] = [];
  let resize: ResizeObserver | null = null;
  let touched = false;

  const baseIds = () => options.ids ?? ctx.ids();

  const nameOf = (id: string) => ctx.component(id)?.name ?? model.externals.find((x) => x.id === id)?.name ?? id;

  const updateStatus = (text?: string) => {
    status.textContent = text ?? `${plural(model.nodes.length, 'component')} · ${plural(model.edges.length, 'dependency', 'dependencies')}${model.externals.length > 0 ? ` · ${plural(model.externals.length, 'external dependency', 'external dependencies')}` : ''}${model.cycles.length > 0 ? ` · ${plural(model.cycles.length, 'cycle')}` : ''}${focusId ? ` · focused on ${nameOf(focusId)}` : ''}`;
  };

  function highlight(id: string | null): void {
    for (const el of lit) el.classList.remove('mm-hl', 'mm-hl-self', 'mm-hl-dependency', 'mm-hl-dependent');
    lit = [];
    if (!drawn || id === null || !drawn.nodes.has(id)) {
      root.classList.remove('mm-graph-highlighting');
      updateStatus();
      return;
    }
    const mark = (el: Element | undefined, ...cls: string[]) => {
      if (!el) return;
      el.classList.add('mm-hl', ...cls);
      lit.push(el);
    };
    const down = closure(id, forward);
    const up = closure(id, backward);
    mark(drawn.nodes.get(id), 'mm-hl-self');
    for (const other of down.keys()) if (other !== id) mark(drawn.nodes.get(other), 'mm-hl-dependency');
    for (const other of up.keys()) if (other !== id) mark(drawn.nodes.get(other), 'mm-hl-dependent');
    for (const from of [id, ...down.keys()]) for (const to of forward.get(from) ?? []) mark(drawn.edges.get(edgeKey(from, to)), 'mm-hl-dependency');
    for (const to of [id, ...up.keys()]) for (const from of backward.get(to) ?? []) mark(drawn.edges.get(edgeKey(from, to)), 'mm-hl-dependent');
    root.classList.add('mm-graph-highlighting');
    const downCount = [...down.keys()].filter((x) => x !== id).length;
    const upCount = [...up.keys()].filter((x) => x !== id).length;
    updateStatus(`${nameOf(id)}: depends on ${plural(downCount, 'component')} (directly or not), used by ${plural(upCount, 'component')}`);
  }

  function select(id: string | null): void {
    selectedId = id;
    if (drawn) for (const [nodeId, el] of drawn.nodes) el.classList.toggle('mm-selected', nodeId === id);
    highlight(id);
  }

  function onZoom(): void {
    const ppu = panzoom?.pixelsPerUnit();
    root.classList.toggle('mm-graph-far', ppu !== null && ppu !== undefined && ppu < FAR_PIXELS_PER_UNIT);
  }

  function wireNode(id: string, el: SVGGElement): void {
    el.addEventListener('mouseenter', () => highlight(id));
    el.addEventListener('mouseleave', () => highlight(selectedId));
    el.addEventListener('focus', () => {
      highlight(id);
      const place = el.getAttribute('transform')?.match(/translate\(([-\d.]+),([-\d.]+)\)/);
      if (place && panzoom && !panzoom.isVisible({ x: Number(place[1]), y: Number(place[2]) }, 40)) panzoom.centerOn({ x: Number(place[1]), y: Number(place[2]) });
    });
    el.addEventListener('blur', () => highlight(selectedId));
    el.addEventListener('click', (event) => {
      select(id);
      ctx.onOpen(id, event);
    });
    el.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(id);
        ctx.onOpen(id, event);
      } else if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        focus(id, hops);
      }
    });
    const onHover = ctx.onHover;
    if (onHover) el.addEventListener('mouseover', (event) => onHover(id, event, el as unknown as HTMLElement));
  }

  /** An external dependency has no note: hover or Enter shows which components use it. */
  function wireExternal(id: string, el: SVGGElement): void {
    el.addEventListener('mouseenter', () => highlight(id));
    el.addEventListener('mouseleave', () => highlight(selectedId));
    el.addEventListener('focus', () => highlight(id));
    el.addEventListener('blur', () => highlight(selectedId));
    el.addEventListener('click', () => select(selectedId === id ? null : id));
    el.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      select(selectedId === id ? null : id);
    });
  }

  function draw(): void {
    const base = baseIds();
    const wanted = focusId ? [...neighbourhood(ctx, focusId, hops)].filter((id) => base.includes(id)) : base;
    const full = buildGraphModel(ctx, wanted);
    model = showExternals ? full : withoutExternals(full);
    root.classList.toggle('mm-graph-hide-external', !showExternals);
    // Pack the parts for the canvas's shape once it has one (16:9 while the view is detached).
    const aspect = canvas.clientWidth > 0 && canvas.clientHeight > 0 ? canvas.clientWidth / canvas.clientHeight : undefined;
    const layout = layoutGraph(layoutInputs(model), layoutEdges(model), { aspect });
    forward = new Map();
    for (const e of layoutEdges(model)) {
      let list = forward.get(e.from);
      if (!list) forward.set(e.from, (list = []));
      list.push(e.to);
    }
    backward = invert([...model.nodes.map((n) => n.id), ...model.externals.map((n) => n.id)], forward);
    panzoom?.destroy();
    clear(canvas);
    // The status overlays the canvas, so its changing text never moves the graph under the pointer.
    canvas.appendChild(status);
    lit = [];
    const label = `Dependency graph: ${plural(model.nodes.length, 'component')}, ${plural(model.edges.length, 'dependency', 'dependencies')}${model.externals.length > 0 ? `, ${plural(model.externals.length, 'external dependency', 'external dependencies')} (grey)` : ''}. Arrows point from a component to what it depends on. Tab to a component; Enter opens it, F focuses on it; plus and minus zoom, arrow keys pan, 0 fits.`;
    drawn = drawGraph(model, layout, ctx, label);
    if (model.nodes.length === 0) canvas.appendChild(h(doc, 'p', { cls: 'mm-empty', text: 'No components to draw.' }));
    canvas.appendChild(drawn.svg);
    for (const [id, el] of drawn.nodes) {
      if (id.startsWith(EXTERNAL_PREFIX)) wireExternal(id, el);
      else wireNode(id, el);
    }
    drawn.svg.addEventListener('keydown', onKey);
    panzoom = attachPanZoom(drawn.svg, layout.width, layout.height, { wheel: options.wheel ?? 'always', onChange: onZoom });
    panzoom.reset(READABLE_PIXELS_PER_UNIT);
    drawn.svg.addEventListener('pointerdown', () => (touched = true));
    touched = false;
    focusSelect.value = focusId ?? '';
    if (selectedId && !drawn.nodes.has(selectedId)) selectedId = null;
    select(selectedId);
    onZoom();
  }

  function onKey(event: KeyboardEvent): void {
    if (!panzoom) return;
    const step = 60 / (panzoom.pixelsPerUnit() ?? 1);
    const actions: Record<string, () => void> = {
      '+': () => panzoom!.zoomBy(1.25),
      '=': () => panzoom!.zoomBy(1.25),
      '-': () => panzoom!.zoomBy(0.8),
      '0': () => panzoom!.fit(),
      ArrowLeft: () => panzoom!.panBy(-step, 0),
      ArrowRight: () => panzoom!.panBy(step, 0),
      ArrowUp: () => panzoom!.panBy(0, -step),
      ArrowDown: () => panzoom!.panBy(0, step),
      Escape: () => (selectedId || !focusId ? select(null) : focus(null)),
    };
    const action = actions[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    touched = true;
    action();
  }

  function focus(id: string | null, nextHops?: number): void {
    focusId = id && ctx.component(id) ? id : null;
    if (nextHops !== undefined && nextHops >= 1) {
      hops = Math.floor(nextHops);
      hopsInput.value = String(hops);
    }
    draw();
    if (focusId) select(focusId);
  }

  function fillFocusOptions(): void {
    clear(focusSelect);
    focusSelect.appendChild(h(doc, 'option', { text: 'All components', attrs: { value: '' } }));
    for (const id of baseIds()) focusSelect.appendChild(h(doc, 'option', { text: nameOf(id), attrs: { value: id } }));
  }

  focusSelect.addEventListener('change', () => focus(focusSelect.value || null));
  externalToggle.addEventListener('change', () => {
    showExternals = externalToggle.checked;
    touched = false;
    draw();
  });
  hopsInput.addEventListener('change', () => {
    const value = Number(hopsInput.value);
    if (Number.isFinite(value) && value >= 1) focus(focusId, Math.min(9, value));
  });

  if (options.toolbar !== false) {
    root.appendChild(h(doc, 'div', {
      cls: 'mm-graph-toolbar',
      attrs: { role: 'toolbar', 'aria-label': 'Graph controls' },
      children: [
        h(doc, 'label', { cls: 'mm-graph-control', children: [doc.createTextNode('Focus '), focusSelect] }),
        h(doc, 'label', { cls: 'mm-graph-control', children: [doc.createTextNode('Hops '), hopsInput] }),
        h(doc, 'label', { cls: 'mm-graph-control', children: [externalToggle, doc.createTextNode('External')] }),
        button('+', 'Zoom in', () => panzoom?.zoomBy(1.25)),
        button('−', 'Zoom out', () => panzoom?.zoomBy(0.8)),
        button('Fit', 'Fit the whole graph', () => panzoom?.fit()),
      ],
    }));
    root.appendChild(renderLegend(ctx));
  }
  root.appendChild(canvas);
  fillFocusOptions();
  draw();
  if (focusId) select(focusId);

  // Fit once the element gets a size (it is built detached), unless the user already moved it.
  const RO = (doc.defaultView as (Window & { ResizeObserver?: typeof ResizeObserver }) | null)?.ResizeObserver;
  if (RO) {
    resize = new RO(() => {
      if (!touched) panzoom?.reset(READABLE_PIXELS_PER_UNIT);
      onZoom();
    });
    resize.observe(canvas);
  }

  return {
    element: root,
    focus,
    highlight,
    select,
    selected: () => selectedId,
    refresh: () => {
      fillFocusOptions();
      draw();
    },
    fit: () => panzoom?.fit(),
    destroy: () => {
      resize?.disconnect();
      panzoom?.destroy();
      root.remove();
    },
  };
}

/** What the shapes, glyphs and line styles mean. */
export function renderLegend(ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const line = (cls: string, text: string) => {
    const svg = s(doc, 'svg', { cls: 'mm-legend-line', attrs: { width: 34, height: 10, 'aria-hidden': 'true' }, children: [s(doc, 'line', { cls: `mm-edge ${cls}`, attrs: { x1: 2, y1: 5, x2: 32, y2: 5 } })] });
    return h(doc, 'span', { cls: 'mm-legend-item', children: [svg, doc.createTextNode(text)] });
  };
  const glyphs = ctx.stages.map((stage) => {
    const glyph = stageInfo(ctx, stage.id).glyph;
    return h(doc, 'span', { cls: 'mm-legend-item mm-stage', vars: { '--mm-stage-color': stage.color }, children: [h(doc, 'span', { cls: 'mm-stage-glyph', text: glyph }), doc.createTextNode(` ${stage.name}`)] });
  });
  return h(doc, 'div', {
    cls: 'mm-graph-legend',
    attrs: { 'aria-label': 'Legend' },
    children: [
      ...glyphs,
      line('', 'depends on'),
      line('mm-edge-cycle', 'cycle'),
      line('mm-edge-inversion', 'stage inversion'),
      h(doc, 'span', { cls: 'mm-legend-item', text: '⊘ blocked · ◷ stale · ✖ errors' }),
      h(doc, 'span', { cls: 'mm-legend-item mm-legend-external', text: '⬚ external (not in the vault)' }),
    ],
  });
}
