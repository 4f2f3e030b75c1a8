// A status report in Markdown, to paste into an issue or a wiki page: counts by stage, one table
// row per component, then what needs attention. Note text is escaped so it shows as written and
// never as Markdown or HTML.
import {
  componentTimeline,
  effectiveTransitions,
  escapeMarkdown,
  isBlocked,
  openBlockers,
  stageName,
  type Component,
  type ComponentTimeline,
  type MaturityIndex,
  type StageId,
  type Transition,
} from '../core/index';
import { stageGantt } from './gantt';
import { visible } from './terminal';

/** Note text for a Markdown line: the core's escaper, then control characters shown as escapes. */
export function markdownText(text: string): string {
  return visible(escapeMarkdown(text));
}

const GLYPHS = ['○', '◔', '◑', '◕', '●'];

function stageLabel(index: MaturityIndex, stage: string | null): string {
  const rank = stage === null ? -1 : index.pipeline.rank.get(stage) ?? -1;
  const count = index.pipeline.stages.length;
  const glyph = rank < 0 ? '?' : GLYPHS[count <= 1 ? 4 : Math.round((rank / (count - 1)) * 4)]!;
  return `${glyph} ${markdownText(rank < 0 && stage !== null ? stage : stageName(index.pipeline, stage))}`;
}

function nextTransition(c: Component, index: MaturityIndex): Transition | null {
  const stage = c.note.stage;
  if (!stage?.id) return null;
  const rank = index.pipeline.rank.get(stage.id);
  const target = stage.headingFor ?? (rank === undefined ? undefined : index.pipeline.stages[rank + 1]?.id);
  if (!target) return null;
  return effectiveTransitions(c.note.transitions).find((t) => t.to === target && (t.total > 0 || t.claim)) ?? null;
}

function mismatches(c: Component): Array<{ t: Transition; claim: string }> {
  const out: Array<{ t: Transition; claim: string }> = [];
  for (const t of effectiveTransitions(c.note.transitions)) {
    const claim = t.claim;
    if (!claim) continue;
    if ((claim.met !== null && claim.met !== t.met) || (claim.total !== null && claim.total !== t.total)) out.push({ t, claim: `${claim.met ?? '?'}/${claim.total ?? '?'}` });
  }
  return out;
}

function count(c: Component, severity: 'error' | 'warning'): number {
  return c.diagnostics.filter((d) => d.severity === severity).length;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const GRAPH_CODES = new Set(['stage-inversion', 'dependency-cycle', 'dependency-unresolved', 'dependency-stage-mismatch']);
const SHOWN_ELSEWHERE = new Set(['status-count-mismatch', 'stale', ...GRAPH_CODES]);

/**
 * What the report prints of one component, taken from its view while the view is at hand: the
 * report reads each view once (`componentOnce`) and keeps only this, so a 10k vault's report
 * never holds every view at once.
 */
interface ReportEntry {
  stage: StageId | null;
  /** The stage's rank, -1 when unknown: the table lists later stages first. */
  rank: number;
  errors: number;
  warnings: number;
  /** Its row of the Components table. */
  row: string;
  timeline: ComponentTimeline;
  /** Its lines under "Needs attention", section by section (empty when it has none there). */
  blocked: string[];
  mismatches: string[];
  dependencies: string[];
  stale: string[];
  otherErrors: string[];
}

function componentRow(c: Component, index: MaturityIndex, errors: number, warnings: number): string {
  const flags = [isBlocked(c, index) ? '⊘ blocked' : '', c.note.stage?.headingFor ? `↗ to ${stageName(index.pipeline, c.note.stage.headingFor)}` : '', c.stale ? '◷ stale' : ''].filter(Boolean);
  const next = nextTransition(c, index);
  const nextText = next ? `${markdownText(stageName(index.pipeline, next.to))}: ${next.met}/${next.total}` : '—';
  const problems = errors + warnings === 0 ? 'none' : [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  return `| ${markdownText(c.name)} | ${stageLabel(index, c.note.stage?.id ?? null)}${flags.length ? ` ${flags.join(' ')}` : ''} | ${nextText} | ${markdownText(c.note.owner?.value ?? '')} | ${openBlockers(c).length} | ${problems} |`;
}

/** The component's lines under "Needs attention", each section's in the order the report prints them. */
function attentionLines(c: Component, index: MaturityIndex): Pick<ReportEntry, 'blocked' | 'mismatches' | 'dependencies' | 'stale' | 'otherErrors'> {
  const name = `**${markdownText(c.name)}**`;
  const why = () => (c.note.stage?.blocked ? `stage line says “${c.note.stage.qualifier || c.note.stage.raw}”` : openBlockers(c).filter((b) => b.severity === 'critical').map((b) => b.text).join('; '));
  return {
    blocked: isBlocked(c, index) ? [`${name}: ${markdownText(why())}`] : [],
    mismatches: mismatches(c).map(({ t, claim }) =>
      `${name}, ${markdownText(`${stageName(index.pipeline, t.from)} → ${stageName(index.pipeline, t.to)}`)}: the boxes say ${t.met}/${t.total}, the status line says ${claim} (line ${t.claim?.line})`),
    dependencies: c.diagnostics.filter((d) => GRAPH_CODES.has(d.code) && d.severity !== 'info').map((d) => `${name}: ${markdownText(d.message)}`),
    stale: c.stale ? [`${name}: last updated ${markdownText(c.note.lastUpdated?.value ?? '?')} (${c.ageDays} days ago)`] : [],
    otherErrors: c.diagnostics.filter((d) => d.severity === 'error' && !SHOWN_ELSEWHERE.has(d.code)).map((d) => `${name}: ${markdownText(d.message)}${d.line ? ` (line ${d.line})` : ''}`),
  };
}

function reportEntry(c: Component, index: MaturityIndex, today: string): ReportEntry {
  const stage = c.note.stage?.id ?? null;
  const errors = count(c, 'error');
  const warnings = count(c, 'warning');
  return {
    stage,
    rank: index.pipeline.rank.get(stage ?? '') ?? -1,
    errors,
    warnings,
    row: componentRow(c, index, errors, warnings),
    timeline: componentTimeline(c, index.pipeline, today),
    ...attentionLines(c, index),
  };
}

/** The stage history as a Mermaid gantt, and the components it cannot place. */
function historySection(timelines: readonly ComponentTimeline[], index: MaturityIndex, today: string): string[] {
  const { block, omitted } = stageGantt(timelines, index.pipeline, today);
  if (block === null) return [];
  const out = ['## Stage history', '', 'From the dates each note gives (history entries, promotion dates, created date): a bar per stage, ⊘ dated blocked spans, ⧗ the observation window.', '', block, ''];
  if (omitted > 0) out.push(`${plural(omitted, 'component')} left out to keep the chart within Mermaid's size limit (the most recently changed are shown); the dashboard's Timeline tab has them all.`, '');
  const undated = timelines.filter((t) => t.undated);
  if (undated.length > 0) out.push(`Not on the chart (no dated history entry, promotion date or usable created date): ${undated.map((t) => `**${escapeMarkdown(t.name)}**`).join(', ')}.`, '');
  return out;
}

function attentionSection(entries: readonly ReportEntry[]): string[] {
  const out: string[] = [];
  const section = (title: string, pick: (e: ReportEntry) => string[]) => {
    const items = entries.flatMap(pick);
    if (items.length > 0) out.push(`### ${title}`, '', ...items.map((i) => `- ${i}`), '');
  };
  section('Blocked', (e) => e.blocked);
  section('Status lines that disagree with their boxes', (e) => e.mismatches);
  section('Dependencies', (e) => e.dependencies);
  section('Stale', (e) => e.stale);
  section('Other errors', (e) => e.otherErrors);
  return out.length > 0 ? ['## Needs attention', '', ...out] : [];
}

function stageCounts(entries: readonly ReportEntry[], index: MaturityIndex): string[] {
  const out = ['| Stage | Components |', '|---|---:|'];
  for (const stage of [...index.pipeline.stages.map((s) => s.id), null]) {
    const n = entries.filter((e) => e.stage === stage).length;
    if (stage === null && n === 0) continue;
    out.push(`| ${stageLabel(index, stage)} | ${n} |`);
  }
  return [...out, ''];
}

export function reportMarkdown(index: MaturityIndex, root: string): string {
  const today = index.today();
  // ids() is in name order, so a stable sort by stage keeps names in order within a stage.
  const entries = index.ids().map((id) => reportEntry(index.componentOnce(id)!, index, today));
  const errors = entries.reduce((n, e) => n + e.errors, 0);
  const warnings = entries.reduce((n, e) => n + e.warnings, 0);
  const out: string[] = [`# Maturity report — ${markdownText(root)}`, ''];
  out.push(`As of ${today}: ${plural(entries.length, 'component')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`, '');
  out.push(...stageCounts(entries, index));
  out.push('## Components', '');
  out.push('| Component | Stage | Next stage | Owner | Open blockers | Problems |', '|---|---|---|---|---:|---|');
  for (const e of [...entries].sort((a, b) => b.rank - a.rank)) out.push(e.row);
  out.push('');
  out.push(...historySection(entries.map((e) => e.timeline), index, today));
  out.push(...attentionSection(entries));
  return `${out.join('\n').trimEnd()}\n`;
}
