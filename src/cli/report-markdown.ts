// A status report in Markdown, to paste into an issue or a wiki page: counts by stage, one table
// row per component, then what needs attention. Note text is escaped so it shows as written and
// never as Markdown or HTML.
import {
  compareComponents,
  componentTimeline,
  effectiveTransitions,
  escapeMarkdown,
  isBlocked,
  openBlockers,
  stageName,
  type Component,
  type MaturityIndex,
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

/** The stage history as a Mermaid gantt, and the components it cannot place. */
function historySection(index: MaturityIndex): string[] {
  const today = index.today();
  const timelines = index.components().map((c) => componentTimeline(c, index.pipeline, today));
  const { block, omitted } = stageGantt(timelines, index.pipeline, today);
  if (block === null) return [];
  const out = ['## Stage history', '', 'From the dates each note gives (history entries, promotion dates, created date): a bar per stage, ⊘ dated blocked spans, ⧗ the observation window.', '', block, ''];
  if (omitted > 0) out.push(`${plural(omitted, 'component')} left out to keep the chart within Mermaid's size limit (the most recently changed are shown); the dashboard's Timeline tab has them all.`, '');
  const undated = timelines.filter((t) => t.undated);
  if (undated.length > 0) out.push(`Not on the chart (no dated history entry, promotion date or usable created date): ${undated.map((t) => `**${escapeMarkdown(t.name)}**`).join(', ')}.`, '');
  return out;
}

export function reportMarkdown(index: MaturityIndex, root: string): string {
  const components = index.components();
  const out: string[] = [];
  const errors = components.reduce((n, c) => n + count(c, 'error'), 0);
  const warnings = components.reduce((n, c) => n + count(c, 'warning'), 0);
  out.push(`# Maturity report — ${markdownText(root)}`, '');
  out.push(`As of ${index.today()}: ${plural(components.length, 'component')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`, '');

  out.push('| Stage | Components |', '|---|---:|');
  for (const stage of [...index.pipeline.stages.map((s) => s.id), null]) {
    const n = components.filter((c) => (c.note.stage?.id ?? null) === stage).length;
    if (stage === null && n === 0) continue;
    out.push(`| ${stageLabel(index, stage)} | ${n} |`);
  }
  out.push('');

  out.push('## Components', '');
  out.push('| Component | Stage | Next stage | Owner | Open blockers | Problems |', '|---|---|---|---|---:|---|');
  const ordered = [...components].sort((a, b) => (index.pipeline.rank.get(b.note.stage?.id ?? '') ?? -1) - (index.pipeline.rank.get(a.note.stage?.id ?? '') ?? -1) || compareComponents(a, b));
  for (const c of ordered) {
    const flags = [isBlocked(c, index) ? '⊘ blocked' : '', c.note.stage?.headingFor ? `↗ to ${stageName(index.pipeline, c.note.stage.headingFor)}` : '', c.stale ? '◷ stale' : ''].filter(Boolean);
    const next = nextTransition(c, index);
    const nextText = next ? `${markdownText(stageName(index.pipeline, next.to))}: ${next.met}/${next.total}` : '—';
    const e = count(c, 'error');
    const w = count(c, 'warning');
    const problems = e + w === 0 ? 'none' : [e ? plural(e, 'error') : '', w ? plural(w, 'warning') : ''].filter(Boolean).join(', ');
    out.push(`| ${markdownText(c.name)} | ${stageLabel(index, c.note.stage?.id ?? null)}${flags.length ? ` ${flags.join(' ')}` : ''} | ${nextText} | ${markdownText(c.note.owner?.value ?? '')} | ${openBlockers(c).length} | ${problems} |`);
  }
  out.push('');

  out.push(...historySection(index));

  const attention: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    attention.push(`### ${title}`, '', ...items.map((i) => `- ${i}`), '');
  };
  section('Blocked', components.filter((c) => isBlocked(c, index)).map((c) => {
    const why = c.note.stage?.blocked ? `stage line says “${c.note.stage.qualifier || c.note.stage.raw}”` : openBlockers(c).filter((b) => b.severity === 'critical').map((b) => b.text).join('; ');
    return `**${markdownText(c.name)}**: ${markdownText(why)}`;
  }));
  section('Status lines that disagree with their boxes', components.flatMap((c) => mismatches(c).map(({ t, claim }) =>
    `**${markdownText(c.name)}**, ${markdownText(`${stageName(index.pipeline, t.from)} → ${stageName(index.pipeline, t.to)}`)}: the boxes say ${t.met}/${t.total}, the status line says ${claim} (line ${t.claim?.line})`)));
  const graphCodes = new Set(['stage-inversion', 'dependency-cycle', 'dependency-unresolved', 'dependency-stage-mismatch']);
  section('Dependencies', components.flatMap((c) => c.diagnostics.filter((d) => graphCodes.has(d.code) && d.severity !== 'info').map((d) => `**${markdownText(c.name)}**: ${markdownText(d.message)}`)));
  section('Stale', components.filter((c) => c.stale).map((c) => `**${markdownText(c.name)}**: last updated ${markdownText(c.note.lastUpdated?.value ?? '?')} (${c.ageDays} days ago)`));
  const shown = new Set(['status-count-mismatch', 'stale', ...graphCodes]);
  section('Other errors', components.flatMap((c) => c.diagnostics.filter((d) => d.severity === 'error' && !shown.has(d.code)).map((d) => `**${markdownText(c.name)}**: ${markdownText(d.message)}${d.line ? ` (line ${d.line})` : ''}`)));
  if (attention.length > 0) out.push('## Needs attention', '', ...attention);
  return `${out.join('\n').trimEnd()}\n`;
}
