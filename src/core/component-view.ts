// A component as views see it: the note plus what only the whole vault knows (resolved
// dependencies, dependents, stage checks across edges, cycles, duplicates, staleness).
import type { MaturityConfig } from './settings/index';
import type { IndexEntry } from './vault-index';
import type { Component, Diagnostic, DiagnosticCode, ResolvedDependency, Severity, StageId } from './model';
import type { Pipeline } from './stages';
import { componentCycleDiagnostics, dependencyDiagnostics, describeCycle, duplicateNameDiagnostics, staleness } from './component-diagnostics';
import { assessReadiness, reassessReadiness, type ReadinessInput } from './readiness/assess';
import { readinessDiagnostics } from './readiness/diagnostics';
import { plainNote } from './compact-note';
import { keepDiagnosticMessages, keepReadinessStrings } from './readiness/keep';

export interface ViewInput {
  entry: IndexEntry;
  pipeline: Pipeline;
  config: MaturityConfig;
  today: string;
  dependencies: ResolvedDependency[];
  dependents: string[];
  stageOf: (id: string) => StageId | null;
  nameOf: (id: string) => string;
  /** Other components with the same name: the first few in path order, and how many. */
  duplicates: { sample: string[]; count: number };
  cycle: string[] | null;
  /** Keep the view's built strings as flat copies shared between views (an index kept for a session: IndexOptions.compactNotes). */
  keepStrings: boolean;
  /** Read a compact or lazy note back for this view only, leaving it as it was (a view built for one use). */
  once?: boolean;
  /**
   * The view this one replaces, built from the same note on the same day: only what other
   * components decide (dependencies, dependents, names, duplicates, cycle) may differ, so what the
   * note alone decides (its read-back, its readiness's evidence and checks) is taken from it.
   */
  previous?: Component;
}

export function buildComponent(input: ViewInput): Component {
  const { entry, pipeline, config, today, previous } = input;
  // The view holds the whole note: a compact one is read back once and stays whole (compact-note.ts),
  // unless the view is for one use.
  const note = previous?.note ?? plainNote(entry.note, input.once !== true);
  const id = entry.path;
  const { ageDays, stale, diagnostics: staleDiagnostics } = staleness(note, today, config);
  // In this order: the note's own, its dependencies', its name's, its cycle's, its age's, readiness's.
  const diagnostics: Diagnostic[] = [
    ...note.diagnostics,
    ...dependencyDiagnostics(input, id, note.stage?.id ?? null),
    ...duplicateNameDiagnostics(input),
    ...componentCycleDiagnostics(input, id),
    ...staleDiagnostics,
  ];

  const assessed: ReadinessInput = { note, pipeline, today, dependencies: input.dependencies, stageOf: input.stageOf, nameOf: input.nameOf, severity: config.severity };
  const readiness = previous?.readiness ? reassessReadiness(previous.readiness, assessed) : assessReadiness(assessed);
  diagnostics.push(...readinessDiagnostics(readiness, note, pipeline));
  if (input.keepStrings) {
    keepReadinessStrings(readiness, previous?.readiness !== undefined);
    keepDiagnosticMessages(diagnostics, note.diagnostics.length);
  }

  return {
    id,
    name: entry.identity.name,
    note,
    dependencies: input.dependencies,
    dependents: input.dependents,
    diagnostics: applySeverity(diagnostics, config.severity),
    stale,
    ageDays,
    readiness,
  };
}

export function applySeverity(diagnostics: Diagnostic[], overrides: Partial<Record<DiagnosticCode, Severity | 'off'>>): Diagnostic[] {
  if (Object.keys(overrides).length === 0) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const override = overrides[d.code];
    if (override === 'off') continue;
    out.push(override ? { ...d, severity: override } : d);
  }
  return out;
}

export function cycleDiagnostics(cycles: string[][], nameOf: (id: string) => string, config: MaturityConfig): Diagnostic[] {
  return applySeverity(
    cycles.map((cycle) => ({
      code: 'dependency-cycle' as const,
      severity: 'error' as const,
      message: `Dependency cycle: ${describeCycle(cycle, nameOf)}.`,
      related: cycle,
    })),
    config.severity,
  );
}
