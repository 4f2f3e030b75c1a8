// The readable scan summary: components grouped by stage, with progress and diagnostics.
import { stageName, type Component, type Diagnostic, type MaturityIndex } from '../core/index';
import { isBlocked } from '../core/serialize';
import { paint, visible } from './terminal';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function severityLabel(d: Diagnostic): string {
  const label = d.severity.padEnd(7);
  return d.severity === 'error' ? paint('red', label) : d.severity === 'warning' ? paint('yellow', label) : paint('dim', label);
}

function progressText(c: Component, index: MaturityIndex): string {
  const parts: string[] = [];
  for (const t of c.note.transitions) {
    if (t.total === 0 && !t.claim) continue;
    const from = stageName(index.pipeline, t.from).charAt(0);
    const to = stageName(index.pipeline, t.to).charAt(0);
    const claim = t.claim && ((t.claim.met !== null && t.claim.met !== t.met) || (t.claim.total !== null && t.claim.total !== t.total)) ? paint('red', ` (claims ${t.claim.met ?? 'X'}/${t.claim.total ?? 'Y'})`) : '';
    parts.push(`${visible(from)}→${visible(to)} ${t.met}/${t.total}${claim}`);
  }
  return parts.join('  ');
}

function flags(c: Component, index: MaturityIndex): string {
  const out: string[] = [];
  const stage = c.note.stage;
  if (stage?.headingFor) out.push(`→ ${visible(stageName(index.pipeline, stage.headingFor))}`);
  if (isBlocked(c, index)) out.push(paint('red', 'blocked'));
  if (c.readiness?.ready && c.readiness.next) out.push(paint('green', `ready for ${stageName(index.pipeline, c.readiness.next)}`));
  if (c.stale) out.push(paint('yellow', 'stale'));
  if (stage?.source === 'prose') out.push(paint('yellow', 'stage inferred'));
  return out.join(' · ');
}

export function formatScan(index: MaturityIndex, root: string, options: { verbose?: boolean } = {}): string {
  const ids = index.ids();
  const lines: string[] = [paint('bold', `Maturity Map — ${root}`) + paint('dim', ` (${ids.length} components, today ${index.today()})`)];
  const groups = stageGroups(index, ids);
  const tally = { errors: 0, warnings: 0 };
  for (const group of groups) {
    if (group.ids.length === 0) continue;
    lines.push('');
    lines.push(paint('bold', `${group.title} (${group.ids.length})`));
    // One view at a time, not kept: a scan of 10k notes need not hold 10k views (and their notes read back).
    for (const id of group.ids) componentLines(index.componentOnce(id)!, index, options, tally, lines);
  }
  const vault = index.vaultDiagnostics();
  if (vault.length > 0) {
    lines.push('');
    lines.push(paint('bold', 'Vault'));
    for (const d of vault) lines.push(`  ${severityLabel(d)} ${paint('dim', d.code.padEnd(26))} ${visible(d.message)}`);
  }
  lines.push('');
  const counts = groups.slice(0, -1).map((g) => `${g.ids.length} ${visible(g.title.toLowerCase())}`).reverse();
  const unknown = groups[groups.length - 1]!.ids.length;
  if (unknown > 0) counts.push(`${unknown} unknown`);
  const { errors, warnings } = tally;
  lines.push(`${ids.length} components: ${counts.join(', ')} — ${paint(errors > 0 ? 'red' : 'green', `${errors} error${errors === 1 ? '' : 's'}`)}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}

interface StageGroup {
  /** The stage's name (the summary line's word for it, lower case), or "Unknown stage". */
  title: string;
  ids: string[];
}

/** Component ids by stage, last stage first, then those of no known stage; each in name order. */
function stageGroups(index: MaturityIndex, ids: readonly string[]): StageGroup[] {
  const stages = [...index.pipeline.stages].reverse();
  const groups: StageGroup[] = stages.map((s) => ({ title: s.name, ids: [] }));
  const unknown: StageGroup = { title: 'Unknown stage', ids: [] };
  const byStage = new Map(stages.map((s, k) => [s.id, groups[k]!]));
  for (const id of ids) {
    // The stage is what the index keeps of every note: reading it reads nothing back.
    const stage = index.entry(id)?.note.stage?.id;
    if (!stage) unknown.ids.push(id);
    else byStage.get(stage)?.ids.push(id);
  }
  groups.push(unknown);
  return groups;
}

function componentLines(c: Component, index: MaturityIndex, options: { verbose?: boolean }, tally: { errors: number; warnings: number }, lines: string[]): void {
  const header = [`  ${visible(c.name)}`];
  const progress = progressText(c, index);
  if (progress) header.push(progress);
  const f = flags(c, index);
  if (f) header.push(f);
  lines.push(header.join('  ·  '));
  const qualifier = c.note.stage?.qualifier;
  lines.push(paint('dim', `    ${c.id}${qualifier ? ` — ${qualifier}` : ''}${c.note.owner ? ` — ${c.note.owner.value}` : ''}`));
  const diagnostics = [...c.diagnostics].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0));
  for (const d of diagnostics) {
    if (d.severity === 'error') tally.errors++;
    else if (d.severity === 'warning') tally.warnings++;
    if (d.severity === 'info' && !options.verbose) continue;
    lines.push(`    ${severityLabel(d)} ${paint('dim', d.code.padEnd(26))} ${d.line ? paint('dim', `line ${d.line}: `) : ''}${visible(d.message)}`);
  }
}
