// The dashboard's header: its title, the day, the components per stage with the problems across
// them, and the vault's own problems (cycles) a page at a time.
import type { Component } from '../../core/index';
import { renderDiagnostic } from '../card';
import type { ViewContext } from '../context';
import { h, plural } from '../dom';
import { drawPaged } from '../pages';
import { stageInfo } from '../stage';
import type { DashboardOptions } from './dashboard';
import { PAGE } from './pacing';

/** Components per stage id (null: none) and problems across them, in one pass over 9k components, not one per stage. */
function tally(components: readonly Component[]): { perStage: Map<string | null, number>; errors: number; warnings: number } {
  const perStage = new Map<string | null, number>();
  let errors = 0;
  let warnings = 0;
  for (const c of components) {
    const stage = c.note.stage?.id ?? null;
    perStage.set(stage, (perStage.get(stage) ?? 0) + 1);
    for (const d of c.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  return { perStage, errors, warnings };
}

function summary(components: readonly Component[], ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const list = h(doc, 'ul', { cls: 'mm-summary', attrs: { 'aria-label': 'Components per stage' } });
  const { perStage, errors, warnings } = tally(components);
  for (const stage of [...ctx.stages.map((s) => s.id), null]) {
    const count = perStage.get(stage) ?? 0;
    if (stage === null && count === 0) continue;
    const info = stageInfo(ctx, stage);
    list.appendChild(h(doc, 'li', {
      cls: `mm-summary-item mm-stage${stage === null ? ' mm-stage-unknown' : ''}`,
      vars: info.color ? { '--mm-stage-color': info.color } : undefined,
      children: [h(doc, 'span', { cls: 'mm-stage-glyph', text: info.glyph, attrs: { 'aria-hidden': 'true' } }), h(doc, 'strong', { text: String(count) }), doc.createTextNode(` ${info.name}`)],
    }));
  }
  list.appendChild(h(doc, 'li', { cls: 'mm-summary-item mm-error-text', text: `✖ ${plural(errors, 'error')}` }));
  list.appendChild(h(doc, 'li', { cls: 'mm-summary-item mm-warn-text', text: `▲ ${plural(warnings, 'warning')}` }));
  return list;
}

export function renderHeader(ctx: ViewContext, options: Pick<DashboardOptions, 'title' | 'headerExtras'>): HTMLElement[] {
  const doc = ctx.document;
  const header = h(doc, 'header', {
    cls: 'mm-dash-header',
    children: [
      h(doc, 'div', { cls: 'mm-dash-title', children: [h(doc, 'h1', { text: options.title ?? 'Maturity Map' }), h(doc, 'p', { cls: 'mm-muted', text: `As of ${ctx.today()}` })] }),
      summary(ctx.components(), ctx),
      ...(options.headerExtras ?? []),
    ],
  });
  const vaultProblems = ctx.vaultDiagnostics();
  if (vaultProblems.length === 0) return [header];
  // A 10k vault may have hundreds of cycles: a page of them, the rest on request, so the filters stay near the top.
  const list = h(doc, 'ul', { cls: 'mm-vault-problems mm-diagnostic-list', attrs: { 'aria-label': 'Problems across the vault' } });
  const paged = drawPaged(doc, vaultProblems, list, (d) => renderDiagnostic(null, d, ctx), PAGE.vaultProblems, 'problems');
  return paged.more ? [header, list, h(doc, 'div', { cls: 'mm-vault-problems-more', children: [paged.more] })] : [header, list];
}
