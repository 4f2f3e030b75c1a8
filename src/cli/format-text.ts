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
  const lines: string[] = [];
  const components = index.components();
  lines.push(paint('bold', `Maturity Map — ${root}`) + paint('dim', ` (${components.length} components, today ${index.today()})`));
  const groups: Array<{ title: string; items: Component[] }> = [];
  for (const stage of [...index.pipeline.stages].reverse()) {
    groups.push({ title: stage.name, items: components.filter((c) => c.note.stage?.id === stage.id) });
  }
  groups.push({ title: 'Unknown stage', items: components.filter((c) => !c.note.stage?.id) });
  let errors = 0;
  let warnings = 0;
  for (const group of groups) {
    if (group.items.length === 0) continue;
    lines.push('');
    lines.push(paint('bold', `${group.title} (${group.items.length})`));
    for (const c of group.items) {
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
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
        if (d.severity === 'info' && !options.verbose) continue;
        lines.push(`    ${severityLabel(d)} ${paint('dim', d.code.padEnd(26))} ${d.line ? paint('dim', `line ${d.line}: `) : ''}${visible(d.message)}`);
      }
    }
  }
  const vault = index.vaultDiagnostics();
  if (vault.length > 0) {
    lines.push('');
    lines.push(paint('bold', 'Vault'));
    for (const d of vault) lines.push(`  ${severityLabel(d)} ${paint('dim', d.code.padEnd(26))} ${visible(d.message)}`);
  }
  lines.push('');
  const counts = index.pipeline.stages.map((s) => `${components.filter((c) => c.note.stage?.id === s.id).length} ${visible(s.name.toLowerCase())}`);
  const unknown = components.filter((c) => !c.note.stage?.id).length;
  if (unknown > 0) counts.push(`${unknown} unknown`);
  lines.push(`${components.length} components: ${counts.join(', ')} — ${paint(errors > 0 ? 'red' : 'green', `${errors} error${errors === 1 ? '' : 's'}`)}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}
