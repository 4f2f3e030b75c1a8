// PLACEHOLDER until the shared views (src/render, issue 3) land: the smallest containers that
// show the same data, so the host wiring can be built and tested. Replaced by src/render.
import type { Component, MaturityIndex } from '../core/index';
import { stageName, transitionName } from '../core/index';

export type ResultView = 'table' | 'list' | 'board' | 'graph';

export interface ViewContext {
  index: MaturityIndex;
  /** Open a component's note. */
  open(id: string, newLeaf: boolean): void;
}

function link(el: HTMLElement, ctx: ViewContext, id: string, text: string): HTMLElement {
  const a = el.createEl('a', { cls: 'maturity-map-link', text, attr: { href: '#', 'data-mm-id': id } });
  a.addEventListener('click', (evt) => {
    evt.preventDefault();
    ctx.open(id, evt.ctrlKey || evt.metaKey);
  });
  return a;
}

export function renderBadge(el: HTMLElement, component: Component, ctx: ViewContext): void {
  const stage = component.note.stage?.id ?? null;
  el.createSpan({ cls: 'maturity-map-badge', text: stageName(ctx.index.pipeline, stage), attr: { 'data-stage': stage ?? 'unknown' } });
}

export function renderHeader(el: HTMLElement, component: Component, ctx: ViewContext): void {
  renderBadge(el, component, ctx);
  for (const t of component.note.transitions) {
    el.createSpan({ cls: 'maturity-map-progress', text: `${transitionName(ctx.index.pipeline, t)} ${t.met}/${t.total}` });
  }
  const deps = el.createDiv({ cls: 'maturity-map-deps' });
  for (const dep of component.dependencies) {
    if (dep.id) link(deps, ctx, dep.id, dep.name);
    else deps.createSpan({ text: dep.name });
  }
}

export function renderCard(el: HTMLElement, component: Component, ctx: ViewContext): void {
  const card = el.createDiv({ cls: 'maturity-map-card' });
  link(card, ctx, component.id, component.name);
  renderHeader(card, component, ctx);
}

export function renderResults(el: HTMLElement, components: Component[], view: ResultView, ctx: ViewContext): void {
  const list = el.createEl('ul', { cls: `maturity-map-results maturity-map-${view}` });
  for (const c of components) {
    const item = list.createEl('li');
    link(item, ctx, c.id, c.name);
    renderBadge(item, c, ctx);
  }
}

export function renderGraph(el: HTMLElement, ids: string[], ctx: ViewContext): void {
  renderResults(el, ids.map((id) => ctx.index.component(id)).filter((c): c is Component => c !== undefined), 'list', ctx);
}

export function renderErrors(el: HTMLElement, title: string, messages: string[]): void {
  const box = el.createDiv({ cls: 'maturity-map-error' });
  box.createEl('strong', { text: title });
  const list = box.createEl('ul');
  for (const m of messages) list.createEl('li', { text: m });
}
