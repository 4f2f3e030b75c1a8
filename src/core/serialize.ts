// The documented JSON shape of a scan (`maturity-map scan --json`, the plugins' API).
import type { MaturityIndex } from './vault-index';
import type { Blocker, Component, Diagnostic } from './model';

export interface ComponentJSON {
  id: string;
  name: string;
  stage: string | null;
  stageNote: string;
  headingFor: string | null;
  blocked: boolean;
  openBlockers: number;
  stale: boolean;
  owner: string | null;
  group: string | null;
  lastUpdated: string | null;
  tags: string[];
  transitions: Array<{
    from: string | null;
    to: string | null;
    met: number;
    total: number;
    claimedMet: number | null;
    claimedTotal: number | null;
    line: number;
  }>;
  dependencies: Array<{ name: string; id: string | null; declaredStage: string | null; optional: boolean; line: number }>;
  dependents: string[];
  blockers: Array<Pick<Blocker, 'text' | 'issue' | 'severity' | 'targetStage' | 'status' | 'line'>>;
  diagnostics: Array<Pick<Diagnostic, 'code' | 'severity' | 'message'> & { line: number | null }>;
}

export interface ScanJSON {
  version: 1;
  root: string;
  today: string;
  stages: Array<{ id: string; name: string }>;
  summary: { components: number; byStage: Record<string, number>; errors: number; warnings: number };
  components: ComponentJSON[];
  diagnostics: Array<Pick<Diagnostic, 'code' | 'severity' | 'message'> & { components: string[] }>;
}

/** Open blockers: stated as blocking, not resolved. */
export function openBlockers(component: Component): Blocker[] {
  return component.note.blockers.filter((b) => b.status !== 'resolved');
}

/**
 * Blocked: the stage line says so, or an unresolved Critical blocker stands in the way of the next
 * stage. Other open blockers are counted (`openBlockers`) but a to-do list under "Blockers:" does
 * not make a component blocked.
 */
export function isBlocked(component: Component, index: Pick<MaturityIndex, 'pipeline'>): boolean {
  if (component.note.stage?.blocked) return true;
  const rank = index.pipeline.rank.get(component.note.stage?.id ?? '') ?? -1;
  return openBlockers(component).some(
    (b) => b.severity === 'critical' && (b.targetStage === null || (index.pipeline.rank.get(b.targetStage) ?? 99) > rank),
  );
}

export function componentToJSON(component: Component, index: Pick<MaturityIndex, 'pipeline'>): ComponentJSON {
  const note = component.note;
  return {
    id: component.id,
    name: component.name,
    stage: note.stage?.id ?? null,
    stageNote: note.stage?.qualifier ?? '',
    headingFor: note.stage?.headingFor ?? null,
    blocked: isBlocked(component, index),
    openBlockers: openBlockers(component).length,
    stale: component.stale,
    owner: note.owner?.value ?? null,
    group: note.group?.value ?? null,
    lastUpdated: note.lastUpdated?.value ?? null,
    tags: note.tags,
    transitions: note.transitions.map((t) => ({
      from: t.from,
      to: t.to,
      met: t.met,
      total: t.total,
      claimedMet: t.claim?.met ?? null,
      claimedTotal: t.claim?.total ?? null,
      line: t.line,
    })),
    dependencies: component.dependencies.map((d) => ({
      name: d.name,
      id: d.id,
      declaredStage: d.declaredStage,
      optional: d.optional,
      line: d.line,
    })),
    dependents: component.dependents,
    blockers: note.blockers.map((b) => ({
      text: b.text,
      issue: b.issue,
      severity: b.severity,
      targetStage: b.targetStage,
      status: b.status,
      line: b.line,
    })),
    diagnostics: component.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: d.line ?? null })),
  };
}

export function scanToJSON(index: MaturityIndex, root: string): ScanJSON {
  const ids = index.ids();
  const byStage: Record<string, number> = {};
  for (const stage of index.pipeline.stages) byStage[stage.id] = 0;
  byStage['unknown'] = 0;
  let errors = 0;
  let warnings = 0;
  // One view at a time, for this use only (componentOnce): the JSON is what stays.
  const components = ids.map((id) => {
    const c = index.componentOnce(id)!;
    const key = c.note.stage?.id ?? 'unknown';
    byStage[key] = (byStage[key] ?? 0) + 1;
    for (const d of c.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
    return componentToJSON(c, index);
  });
  return {
    version: 1,
    root,
    today: index.today(),
    stages: index.pipeline.stages.map((s) => ({ id: s.id, name: s.name })),
    summary: { components: components.length, byStage, errors, warnings },
    components,
    diagnostics: index.vaultDiagnostics().map((d) => ({ code: d.code, severity: d.severity, message: d.message, components: d.related ?? [] })),
  };
}
