// A component as views see it: the note plus what only the whole vault knows (resolved
// dependencies, dependents, stage checks across edges, cycles, duplicates, staleness).
import type { MaturityConfig } from './settings/index';
import type { IndexEntry } from './vault-index';
import type { Component, Diagnostic, DiagnosticCode, ResolvedDependency, Severity, StageId } from './model';
import type { Pipeline } from './stages';
import type { Readiness } from './readiness/types';
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
   * note and the day alone decide (its read-back, its age, its readiness's evidence and checks and
   * their diagnostics) is taken from it.
   */
  previous?: BuiltView;
}

/** A view, and how many of its diagnostics, at the end, its note and the day alone decide. */
export interface BuiltView {
  component: Component;
  /** Its staleness and readiness diagnostics (after severity): a view built on this one keeps them. */
  noteTail: number;
}

/** What the note and the day alone decide: its age, its readiness, their diagnostics after severity. */
interface NoteVerdicts {
  ageDays: number | null;
  stale: boolean;
  readiness: Readiness;
  diagnostics: Diagnostic[];
}

export function buildComponent(input: ViewInput): BuiltView {
  const { entry, pipeline, config, today, previous } = input;
  // The view holds the whole note: a compact one is read back once and stays whole (compact-note.ts),
  // unless the view is for one use.
  const note = previous?.component.note ?? plainNote(entry.note, input.once !== true);
  const id = entry.path;
  // In this order: the note's own, its dependencies', its name's, its cycle's; then its age's and readiness's.
  const vault: Diagnostic[] = [...dependencyDiagnostics(input, id, note.stage?.id ?? null), ...duplicateNameDiagnostics(input), ...componentCycleDiagnostics(input, id)];
  if (input.keepStrings) keepDiagnosticMessages(vault, 0);
  const assessed: ReadinessInput = { note, pipeline, today, dependencies: input.dependencies, stageOf: input.stageOf, nameOf: input.nameOf, severity: config.severity };
  const verdicts = previous?.component.readiness ? judgeAgain(previous, assessed, input.keepStrings) : judgeNote(input, assessed);
  const component: Component = {
    id,
    name: entry.identity.name,
    note,
    dependencies: input.dependencies,
    dependents: input.dependents,
    diagnostics: [...applySeverity([...note.diagnostics, ...vault], config.severity), ...verdicts.diagnostics],
    stale: verdicts.stale,
    ageDays: verdicts.ageDays,
    readiness: verdicts.readiness,
  };
  return { component, noteTail: verdicts.diagnostics.length };
}

function judgeNote(input: ViewInput, assessed: ReadinessInput): NoteVerdicts {
  const { note, pipeline } = assessed;
  const { ageDays, stale, diagnostics } = staleness(note, input.today, input.config);
  const readiness = assessReadiness(assessed);
  diagnostics.push(...readinessDiagnostics(readiness, note, pipeline));
  if (input.keepStrings) {
    keepReadinessStrings(readiness);
    keepDiagnosticMessages(diagnostics, 0);
  }
  return { ageDays, stale, readiness, diagnostics: applySeverity(diagnostics, input.config.severity) };
}

/** The previous view's verdicts, its readiness set against the stages and names read now. */
function judgeAgain(previous: BuiltView, assessed: ReadinessInput, keepStrings: boolean): NoteVerdicts {
  const { component, noteTail } = previous;
  const before = component.readiness!;
  const readiness = reassessReadiness(before, assessed);
  if (keepStrings) keepReadinessStrings(readiness, before);
  const { diagnostics } = component;
  return { ageDays: component.ageDays, stale: component.stale, readiness, diagnostics: diagnostics.slice(diagnostics.length - noteTail) };
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
