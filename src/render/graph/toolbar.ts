// The graph's controls (focus, hops, externals, zoom) and its legend.
import type { ViewContext } from '../context';
import { clear, h, s } from '../dom';
import { stageInfo } from '../stage';

export interface GraphControls {
  focusSelect: HTMLSelectElement;
  hopsInput: HTMLInputElement;
  externalToggle: HTMLInputElement;
}

export function createControls(doc: Document, hops: number, showExternals: boolean): GraphControls {
  const focusSelect = h(doc, 'select', { cls: 'mm-graph-focus', attrs: { 'aria-label': 'Focus on a component' } });
  const hopsInput = h(doc, 'input', { cls: 'mm-graph-hops', attrs: { type: 'number', min: 1, max: 9, value: hops, 'aria-label': 'Hops around the focused component' } });
  const externalToggle = h(doc, 'input', { cls: 'mm-graph-externals', attrs: { type: 'checkbox', checked: showExternals ? '' : undefined } });
  externalToggle.checked = showExternals;
  return { focusSelect, hopsInput, externalToggle };
}

/** "All components" and then every component by name. */
export function fillFocusOptions(doc: Document, select: HTMLSelectElement, ids: readonly string[], nameOf: (id: string) => string): void {
  clear(select);
  select.appendChild(h(doc, 'option', { text: 'All components', attrs: { value: '' } }));
  for (const id of ids) select.appendChild(h(doc, 'option', { text: nameOf(id), attrs: { value: id } }));
}

/** What the focus menu lists: the components in view, their names, and the one focused now. */
export interface FocusMenuSource {
  ids(): readonly string[];
  name(id: string): string;
  focused(): string | null;
}

/**
 * The focus menu's filler. Above `most` components it holds the focused component only until the
 * reader opens it (focus or pointer): 9,000 options were a third of a second of the tab's layout.
 */
export function focusMenu(doc: Document, select: HTMLSelectElement, source: FocusMenuSource, most: number): () => void {
  let pending = false;
  const fillAll = () => {
    if (!pending) return;
    pending = false;
    const value = select.value;
    fillFocusOptions(doc, select, source.ids(), source.name);
    select.value = value;
  };
  select.addEventListener('focus', fillAll);
  select.addEventListener('pointerdown', fillAll);
  return () => {
    const ids = source.ids();
    pending = ids.length > most;
    fillFocusOptions(doc, select, pending ? ids.filter((id) => id === source.focused()) : ids, source.name);
  };
}

export interface ZoomActions {
  zoomBy(factor: number): void;
  fit(): void;
}

export function renderToolbar(doc: Document, controls: GraphControls, zoom: ZoomActions): HTMLElement {
  const button = (text: string, label: string, action: () => void) => {
    const b = h(doc, 'button', { cls: 'mm-button', text, attrs: { type: 'button', 'aria-label': label, title: label } });
    b.addEventListener('click', action);
    return b;
  };
  return h(doc, 'div', {
    cls: 'mm-graph-toolbar',
    attrs: { role: 'toolbar', 'aria-label': 'Graph controls' },
    children: [
      h(doc, 'label', { cls: 'mm-graph-control', children: [doc.createTextNode('Focus '), controls.focusSelect] }),
      h(doc, 'label', { cls: 'mm-graph-control', children: [doc.createTextNode('Hops '), controls.hopsInput] }),
      h(doc, 'label', { cls: 'mm-graph-control', children: [controls.externalToggle, doc.createTextNode('External')] }),
      button('+', 'Zoom in', () => zoom.zoomBy(1.25)),
      button('−', 'Zoom out', () => zoom.zoomBy(0.8)),
      button('Fit', 'Fit the whole graph', () => zoom.fit()),
    ],
  });
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
