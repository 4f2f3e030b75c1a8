// `maturity-map readiness` output: a table (terminal or Markdown) and one sentence per component.
import { stageName, type Component, type MaturityIndex, type Readiness } from '../core/index';
import { describeBlockers } from '../core/readiness/index';
import { markdownText } from './report-markdown';
import { paint, visible } from './terminal';

export interface ReadinessRow {
  component: Component;
  readiness: Readiness;
}

const HEADERS = ['Component', 'Stage', 'Next', 'Criteria', 'Evidence', 'Observation', 'Blockers', 'In stage', 'Ready', 'Backed'];

function cells(row: ReadinessRow, index: MaturityIndex): string[] {
  const r = row.readiness;
  const contradicted = r.checks.filter((c) => c.verdict === 'contradicted').length;
  const placeholders = r.checks.filter((c) => c.verdict === 'placeholder').length;
  const evidence = [contradicted > 0 ? `${contradicted} contradicted` : '', placeholders > 0 ? `${placeholders} placeholder` : ''].filter(Boolean).join(', ') || 'agrees';
  const watch = r.observation;
  const observation = !watch || watch.complete === null ? '—' : watch.complete ? `done (${watch.windowDays}d)` : `${watch.remainingDays}d left`;
  return [
    row.component.name,
    stageName(index.pipeline, r.stage),
    r.next ? stageName(index.pipeline, r.next) : '—',
    r.next && r.criteria.total > 0 ? `${r.criteria.met}/${r.criteria.total}` : '—',
    evidence,
    observation,
    r.blockers.open > 0 ? describeBlockers(r.blockers).replace(/ open blockers?/, '') : '—',
    r.tenure ? `${r.tenure.days}d` : '—',
    r.ready ? 'yes' : 'no',
    r.backed ? 'yes' : 'no',
  ];
}

export function formatReadinessText(rows: ReadinessRow[], index: MaturityIndex, root: string): string {
  const table = [HEADERS, ...rows.map((row) => cells(row, index).map(visible))];
  const widths = HEADERS.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const lines: string[] = [];
  lines.push(paint('bold', `Maturity Map readiness — ${root}`) + paint('dim', ` (${rows.length} components, today ${index.today()})`));
  lines.push('');
  table.forEach((r, i) => {
    const text = `  ${r.map((cell, j) => cell.padEnd(widths[j]!)).join('  ').trimEnd()}`;
    if (i === 0) lines.push(paint('bold', text));
    else lines.push(colourRow(text, rows[i - 1]!.readiness));
  });
  lines.push('');
  for (const row of rows) {
    lines.push(`${paint('bold', row.component.name)}: ${visible(row.readiness.summary)}`);
    if (!row.readiness.backed && row.readiness.next !== null) {
      lines.push(paint('red', `  stage not backed: ${row.readiness.unbacked.map((o) => lineRef(o.text, o.line)).join('; ')}`));
    }
  }
  lines.push('');
  lines.push(footer(rows));
  return lines.join('\n');
}

function colourRow(text: string, r: Readiness): string {
  if (!r.backed) return paint('red', text);
  if (r.ready) return paint('green', text);
  return text;
}

function lineRef(text: string, line: number | null): string {
  return line ? `line ${line}: ${text}` : text;
}

function footer(rows: ReadinessRow[]): string {
  const ready = rows.filter((r) => r.readiness.ready).length;
  const unbacked = rows.filter((r) => !r.readiness.backed).length;
  return `${rows.length} components: ${ready} ready to promote, ${unbacked} with a stage not backed by their evidence`;
}

/** A GitHub-flavoured Markdown report: table, then one line per component. Note text is escaped. */
export function formatReadinessMarkdown(rows: ReadinessRow[], index: MaturityIndex, root: string): string {
  const lines: string[] = [];
  lines.push(`# Readiness — ${markdownText(root)}`);
  lines.push('');
  lines.push(`Today: ${index.today()}. ${footer(rows)}.`);
  lines.push('');
  lines.push(`| ${HEADERS.join(' | ')} |`);
  lines.push(`|${HEADERS.map(() => '---').join('|')}|`);
  for (const row of rows) lines.push(`| ${cells(row, index).map(markdownText).join(' | ')} |`);
  lines.push('');
  for (const row of rows) {
    lines.push(`- **${markdownText(row.component.name)}** (\`${visible(row.component.id).replace(/`/g, "'")}\`): ${markdownText(row.readiness.summary)}`);
    for (const o of row.readiness.next === null ? [] : row.readiness.unbacked) lines.push(`  - stage not backed: ${markdownText(lineRef(o.text, o.line))}`);
  }
  return lines.join('\n');
}
