// Readiness in the views: the card's section (the sentence, what stands in the way, observation
// days, evidence against each threshold with its source line on hover), a table column, and the
// readiness order boards use. Reads `component.readiness`, so it works on snapshots too.
import type { Component, Obstacle } from '../core/index';
import { compareComponents } from '../core/text';
import type { CriterionCheck, Evidence, MetricCheck, Readiness } from '../core/readiness/types';
import { stageName } from '../core/stages';
import type { ViewContext } from './context';
import { h, plural } from './dom';
import type { TableColumn } from './table';

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

const VERDICT: Record<CriterionCheck['verdict'], { glyph: string; label: string }> = {
  backed: { glyph: '✔', label: 'checked, and the evidence agrees' },
  contradicted: { glyph: '✖', label: 'checked, but the evidence says no' },
  placeholder: { glyph: '?', label: 'checked, but the evidence is a template placeholder' },
  open: { glyph: '○', label: 'not checked' },
};

function lineButton(component: Component, line: number, ctx: ViewContext, title: string): HTMLElement {
  const button = h(ctx.document, 'button', { cls: 'mm-line', text: `line ${line}`, attrs: { type: 'button', title } });
  button.addEventListener('click', (event) => {
    event.preventDefault();
    ctx.onOpen(component.id, event, line);
  });
  return button;
}

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** "52%", "640ms", "950 req/s". */
function withUnit(value: number, unit: string): string {
  return unit === '' || unit === '%' || unit === 'ms' || unit === 's' ? `${number(value)}${unit}` : `${number(value)} ${unit}`;
}

function symbol(comparator: string | null): string {
  return comparator === '>=' ? '≥' : comparator === '<=' ? '≤' : comparator === '=' || comparator === null ? '' : comparator;
}

/** "52%", with "line 101 · Test Coverage / Unit Tests · “52% ❌”" on hover. */
function evidenceCell(component: Component, e: Evidence | null, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  if (!e) return h(doc, 'span', { cls: 'mm-muted', text: 'not stated' });
  // Scan counts name their severity ("0 critical"); measures keep their unit ("52%", "640ms").
  const count = e.source.startsWith('Security Scan Results / ') ? ` ${e.source.slice('Security Scan Results / '.length).toLowerCase()}` : '';
  const shown = e.placeholder ? e.raw : e.value === null ? e.raw : `${withUnit(e.value, e.unit)}${count}`;
  return h(doc, 'span', {
    cls: `mm-evidence-value${e.placeholder ? ' mm-warn-text' : ''}`,
    children: [
      h(doc, 'span', { cls: 'mm-evidence-figure', text: shown, attrs: { title: `Line ${e.line} · ${e.source} · “${e.raw}”`, 'data-mm-line': e.line } }),
      e.placeholder ? h(doc, 'span', { cls: 'mm-missing', text: ' missing', attrs: { title: 'A template placeholder: counted as missing, not as zero' } }) : null,
      doc.createTextNode(' '),
      lineButton(component, e.line, ctx, `Open ${component.name} at line ${e.line} (${e.source})`),
    ],
  });
}

function checkRow(component: Component, c: CriterionCheck, ctx: ViewContext, metrics: number): HTMLElement {
  const doc = ctx.document;
  const verdict = VERDICT[c.verdict];
  const needs = c.threshold ? `${symbol(c.threshold.comparator)}${withUnit(c.threshold.value, c.threshold.unit)}` : '—';
  return h(doc, 'tr', {
    cls: `mm-check mm-verdict-${c.verdict}`,
    attrs: { 'data-mm-line': c.line },
    children: [
      h(doc, 'td', { cls: 'mm-verdict', children: [h(doc, 'span', { text: verdict.glyph, attrs: { title: verdict.label, 'aria-label': verdict.label } })] }),
      h(doc, 'td', { cls: 'mm-check-text', text: c.text, attrs: { title: `Line ${c.line}: ${c.reason}` } }),
      h(doc, 'td', { cls: 'mm-check-needs', text: needs }),
      h(doc, 'td', {
        cls: 'mm-check-evidence',
        // A performance criterion is judged by the SLA rows below; they carry the figures.
        children: [c.kind === 'performance' && c.verdict !== 'placeholder' && metrics > 0 ? h(doc, 'span', { cls: 'mm-muted', text: c.verdict === 'contradicted' ? 'an SLA row below misses' : 'see the SLA rows below' }) : evidenceCell(component, c.evidence, ctx)],
      }),
    ],
  });
}

function metricRow(component: Component, m: MetricCheck, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const verdict = m.ok === false ? 'contradicted' : m.current.placeholder ? 'placeholder' : 'backed';
  const label = m.ok === false ? 'misses its SLA target' : m.current.placeholder ? 'current figure is a template placeholder' : 'meets its SLA target';
  const target = m.target.value === null ? m.target.raw : `${symbol(m.target.comparator)}${withUnit(m.target.value, m.target.unit)}`;
  return h(doc, 'tr', {
    cls: `mm-check mm-verdict-${verdict}`,
    children: [
      h(doc, 'td', { cls: 'mm-verdict', children: [h(doc, 'span', { text: VERDICT[verdict].glyph, attrs: { title: label, 'aria-label': label } })] }),
      h(doc, 'td', { cls: 'mm-check-text', text: `${m.metric} (SLA)` }),
      h(doc, 'td', { cls: 'mm-check-needs', text: target, attrs: { title: `Line ${m.target.line} · SLA Targets · “${m.target.raw}”` } }),
      h(doc, 'td', { cls: 'mm-check-evidence', children: [evidenceCell(component, m.current, ctx)] }),
    ],
  });
}

/** The evidence table, and its rows: a check with evidence (or a contradiction, or a slot) and each performance figure. */
function evidenceTable(component: Component, r: Readiness, ctx: ViewContext): { table: HTMLElement; rows: number } | null {
  const doc = ctx.document;
  const checks = r.checks.filter((c) => c.evidence !== null || c.verdict === 'contradicted' || c.verdict === 'placeholder');
  if (checks.length === 0 && r.performance.length === 0) return null;
  const body = h(doc, 'tbody', { children: [...checks.map((c) => checkRow(component, c, ctx, r.performance.length)), ...r.performance.map((m) => metricRow(component, m, ctx))] });
  // The verdict column shows glyphs only: its header is for screen readers.
  const verdict = h(doc, 'th', { attrs: { scope: 'col' }, children: [h(doc, 'span', { cls: 'mm-sr-only', text: 'Verdict' })] });
  const head = h(doc, 'tr', { children: [verdict, ...['Criterion', 'Needs', 'Evidence'].map((label) => h(doc, 'th', { text: label, attrs: { scope: 'col' } }))] });
  const table = h(doc, 'table', { cls: 'mm-evidence', children: [h(doc, 'caption', { text: 'Evidence against each threshold' }), h(doc, 'thead', { children: [head] }), body] });
  return { table, rows: checks.length + r.performance.length };
}

function obstacleList(component: Component, items: Obstacle[], cls: string, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  return h(doc, 'ul', {
    cls: `mm-obstacles ${cls}`,
    children: items.map((o) => h(doc, 'li', {
      cls: `mm-obstacle mm-obstacle-${o.kind}`,
      attrs: { 'data-mm-kind': o.kind },
      children: [h(doc, 'span', { text: o.text }), o.line ? doc.createTextNode(' ') : null, o.line ? lineButton(component, o.line, ctx, `Open ${component.name} at line ${o.line}`) : null],
    })),
  });
}

function facts(component: Component, r: Readiness, ctx: ViewContext): HTMLElement | null {
  const doc = ctx.document;
  const items: HTMLElement[] = [];
  const watch = r.observation;
  if (watch && watch.elapsedDays !== null) {
    const text = watch.complete
      ? `Observation: ${watch.windowDays} of ${watch.windowDays} days done`
      : `Observation: day ${watch.elapsedDays} of ${watch.windowDays}, ${plural(watch.remainingDays ?? 0, 'day')} left`;
    const basis = watch.basis === 'stated-day' && watch.statedDay
      ? `The note says day ${watch.statedDay.day} of ${watch.statedDay.of} (line ${watch.statedDay.line}), carried forward from Last Updated`
      : `Counted from ${watch.since} (line ${watch.sinceLine})`;
    items.push(h(doc, 'li', { cls: `mm-observation${watch.complete ? '' : ' mm-warn-text'}`, text, attrs: { title: `${basis}; the window is set on line ${watch.windowLine}.` } }));
  }
  if (r.tenure) {
    items.push(h(doc, 'li', {
      cls: 'mm-tenure',
      text: `In ${stageName(ctx.pipeline, r.stage)} for ${plural(r.tenure.days, 'day')}`,
      attrs: { title: `Since ${r.tenure.since} (line ${r.tenure.line})` },
    }));
  }
  const covered = ([['Unit coverage', r.coverage.unit], ['Integration coverage', r.coverage.integration]] as const).filter(([, e]) => e !== null);
  for (const [label, e] of covered) {
    items.push(h(doc, 'li', { cls: 'mm-coverage-fact', children: [doc.createTextNode(`${label}: `), evidenceCell(component, e, ctx)] }));
  }
  return items.length > 0 ? h(doc, 'ul', { cls: 'mm-readiness-facts', children: items }) : null;
}

/** The card's readiness section, or null when the component carries no readiness. */
export function renderReadiness(component: Component, ctx: ViewContext, level = 4, evidence: 'shown' | 'folded' = 'shown'): HTMLElement | null {
  const r = component.readiness;
  if (!r) return null;
  const doc = ctx.document;
  const tag = `h${Math.min(6, Math.max(2, level))}` as HeadingTag;
  const title = r.next ? `Readiness for ${stageName(ctx.pipeline, r.next)}` : 'Readiness';
  const state = r.ready ? 'mm-is-ready' : r.backed ? 'mm-not-ready' : 'mm-not-backed';
  const section = h(doc, 'section', {
    cls: `mm-card-section mm-readiness ${state}`,
    attrs: { 'data-mm-ready': String(r.ready), 'data-mm-backed': String(r.backed) },
    children: [
      h(doc, tag, { cls: 'mm-section-title', text: title }),
      h(doc, 'p', { cls: 'mm-readiness-summary', children: [h(doc, 'span', { cls: 'mm-readiness-mark', text: r.ready ? '✔' : r.backed ? '◔' : '✖', attrs: { 'aria-hidden': 'true' } }), doc.createTextNode(` ${r.summary}`)] }),
    ],
  });
  if (!r.ready && r.next && r.obstacles.length > 0) section.appendChild(obstacleList(component, r.obstacles, 'mm-in-the-way', ctx));
  if (!r.backed) {
    section.appendChild(h(doc, 'p', { cls: 'mm-not-backed-title mm-error-text', text: `${stageName(ctx.pipeline, r.stage)} is not backed by the note’s evidence:` }));
    section.appendChild(obstacleList(component, r.unbacked, 'mm-unbacked', ctx));
  }
  const extra = facts(component, r, ctx);
  if (extra) section.appendChild(extra);
  const evidenceRows = evidenceTable(component, r, ctx);
  if (evidenceRows) section.appendChild(evidence === 'shown' ? evidenceRows.table : foldedEvidence(evidenceRows.table, evidenceRows.rows, ctx.document));
  return section;
}

/** The evidence table under a summary that opens it; while closed the browser neither styles nor lays it out. */
function foldedEvidence(table: HTMLElement, rows: number, doc: Document): HTMLElement {
  const summary = h(doc, 'summary', { cls: 'mm-evidence-summary', text: rows === 1 ? 'Evidence against its one threshold' : `Evidence against each of ${rows} thresholds` });
  return h(doc, 'details', { cls: 'mm-evidence-details', children: [summary, table] });
}

/** A "ready" mark for boards and lists, with the sentence on hover. */
export function renderReadyMark(component: Component, ctx: ViewContext): HTMLElement | null {
  const r = component.readiness;
  if (!r || !r.ready || !r.next) return null;
  return h(ctx.document, 'span', { cls: 'mm-ready-mark', text: `ready → ${stageName(ctx.pipeline, r.next)}`, attrs: { title: r.summary } });
}

/** Readiest first (score, then name): the order `renderBoard(…, { sort: 'readiness' })` uses. */
export function sortByReadiness(components: readonly Component[]): Component[] {
  return [...components].sort((a, b) => (b.readiness?.score ?? -1) - (a.readiness?.score ?? -1) || compareComponents(a, b));
}

/** Table column: the readiness score as a word and number, the sentence on hover. */
export const READINESS_COLUMN: TableColumn = {
  id: 'readiness',
  label: 'Readiness',
  numeric: true,
  sortValue: (c) => c.readiness?.score ?? null,
  cell: (c, ctx) => {
    const r = c.readiness;
    if (!r) return '';
    const text = r.ready ? 'ready' : !r.backed ? `${Math.round(r.score * 100)}% · not backed` : `${Math.round(r.score * 100)}%`;
    return h(ctx.document, 'span', { cls: r.ready ? 'mm-ready-mark' : r.backed ? '' : 'mm-error-text', text, attrs: { title: r.summary } });
  },
};
