// The standalone page's Graph tab when it holds more components than the graph draws: the notice
// that counts them needs only the count, so the page's first script shows it, with the graph's
// controls and legend, without running the graph script (at 10k components that script was the
// tab's ~12 ms of compile and top level; benchmarks.md, session 24). It is what the graph view
// itself shows then (graph/view.ts, redraw.ts `drawTooMany`): the same elements and text. The
// graph script runs when the reader chooses a component under Focus, the one control that can
// make a drawing; the graph view then takes the panel's place with what was chosen.
import type { ViewContext } from '../context';
import { h } from '../dom';
import { DEFAULT_HOPS, FOCUS_MENU_AT_ONCE, MAX_GRAPH_COMPONENTS, tooManyText } from '../graph/limits';
import { createControls, focusMenu, renderLegend, renderToolbar } from '../graph/toolbar';
import type { GraphOptions } from '../graph/view';
import type { DashboardGraph } from './dashboard';

/** Whether a graph view with `options` would show only the notice that counts its components. */
export function onlyNotice(ctx: ViewContext, options: GraphOptions): boolean {
  return options.focus === undefined && (options.ids ?? ctx.ids()).length > (options.maxComponents ?? MAX_GRAPH_COMPONENTS);
}

/**
 * The notice with the graph's controls; `open` makes the graph view for the options the reader
 * chose (focus, hops, externals), which replaces it. Hops and externals change nothing a notice
 * shows, so only a focus opens the view.
 */
export function graphNotice(ctx: ViewContext, options: GraphOptions, open: (chosen: GraphOptions) => DashboardGraph): DashboardGraph {
  const doc = ctx.document;
  const ids = options.ids ?? ctx.ids();
  const most = options.maxComponents ?? MAX_GRAPH_COMPONENTS;
  const controls = createControls(doc, options.hops ?? DEFAULT_HOPS, options.externals ?? true);
  const root = h(doc, 'div', { cls: 'mm mm-graph' });
  if (options.toolbar !== false) {
    root.appendChild(renderToolbar(doc, controls, { zoomBy: () => undefined, fit: () => undefined }));
    root.appendChild(renderLegend(ctx));
  }
  const status = h(doc, 'span', { cls: 'mm-graph-status', attrs: { 'aria-live': 'polite' } });
  const notice = h(doc, 'p', { cls: 'mm-empty mm-graph-too-many', text: tooManyText(ids.length, most) });
  root.appendChild(h(doc, 'div', { cls: 'mm-graph-canvas', children: [status, notice] }));
  focusMenu(doc, controls.focusSelect, { ids: () => ids, name: (id) => ctx.nameOf(id) ?? id, focused: () => null }, Math.min(options.focusMenuAtOnce ?? FOCUS_MENU_AT_ONCE, most))();
  let view: DashboardGraph | null = null;
  let selected: string | null = null;
  controls.focusSelect.addEventListener('change', () => {
    const focus = controls.focusSelect.value;
    if (!focus || view) return;
    const hadFocus = doc.activeElement === controls.focusSelect;
    view = open({ ...options, focus, hops: Number(controls.hopsInput.value) || DEFAULT_HOPS, externals: controls.externalToggle.checked });
    if (selected !== null) view.select(selected);
    root.replaceWith(view.element);
    // The reader goes on where they were: on the focus menu, now the view's.
    if (hadFocus) view.element.querySelector<HTMLElement>('.mm-graph-focus')?.focus();
  });
  return {
    element: root,
    select: (id) => {
      selected = id;
      view?.select(id);
    },
    destroy: () => {
      view?.destroy();
      root.remove();
    },
  };
}
