// What a component's place in the vault says about it, as diagnostics: each dependency checked
// (unresolved, itself, ambiguous, declared at another stage, a stage inversion), a name shared
// with other components, a dependency cycle through it, and a note not updated for too long.
import { daysBetween } from './dates';
import type { MaturityConfig } from './settings/index';
import type { Diagnostic, MaturityNote, StageId } from './model';
import { compareStages, stageName } from './stages';
import type { ViewInput } from './component-view';

/** The diagnostics of each of the component's dependencies, in the note's order. */
export function dependencyDiagnostics(input: ViewInput, id: string, stage: StageId | null): Diagnostic[] {
  const { pipeline } = input;
  const diagnostics: Diagnostic[] = [];
  for (const dep of input.dependencies) {
    if (dep.id === null) {
      diagnostics.push({
        code: 'dependency-unresolved',
        severity: dep.optional ? 'info' : 'warning',
        message: `Dependency "${dep.name}" is not a known component${dep.optional ? ' (optional)' : ''}.`,
        line: dep.line,
      });
      continue;
    }
    const depName = input.nameOf(dep.id);
    if (dep.id === id) {
      diagnostics.push({ code: 'dependency-self', severity: 'error', message: `"${dep.name}" is this component itself.`, line: dep.line, related: [id] });
      continue;
    }
    if (dep.candidateCount > 1) {
      diagnostics.push({
        code: 'dependency-ambiguous',
        severity: 'warning',
        message: `"${dep.name}" matches ${dep.candidateCount} components (${listSome(dep.candidates, dep.candidateCount)}); using ${dep.id}. Link by path to choose.`,
        line: dep.line,
        ...relatedSample(dep.candidates, dep.candidateCount),
      });
    }
    const actual = input.stageOf(dep.id);
    if (dep.declaredStage !== null && actual !== null && dep.declaredStage !== actual) {
      diagnostics.push({
        code: 'dependency-stage-mismatch',
        severity: 'warning',
        message: `Declares ${depName} at ${stageName(pipeline, dep.declaredStage)}, but ${depName} is at ${stageName(pipeline, actual)}.`,
        line: dep.line,
        related: [dep.id],
      });
    }
    if (compareStages(pipeline, stage, actual) === 1) {
      diagnostics.push({
        code: 'stage-inversion',
        severity: dep.optional ? 'warning' : 'error',
        message: `${stageName(pipeline, stage)} component depends on ${depName}, which is only at ${stageName(pipeline, actual)}${dep.optional ? ' (optional dependency)' : ''}.`,
        line: dep.line,
        related: [dep.id],
      });
    }
  }

  return diagnostics;
}

/** The name is also used by other components (links by name are ambiguous), or nothing. */
export function duplicateNameDiagnostics(input: ViewInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const duplicates = input.duplicates;
  if (duplicates.count > 0) {
    diagnostics.push({
      code: 'duplicate-name',
      severity: 'warning',
      message: `The name "${input.entry.identity.name}" is also used by ${listSome(duplicates.sample, duplicates.count)}; links by name are ambiguous.`,
      line: 1,
      ...relatedSample(duplicates.sample, duplicates.count),
    });
  }

  return diagnostics;
}

/** The component is part of a dependency cycle, or nothing. */
export function componentCycleDiagnostics(input: ViewInput, id: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (input.cycle) {
    const others = input.cycle.filter((c) => c !== id);
    diagnostics.push({
      code: 'dependency-cycle',
      severity: 'error',
      message: others.length === 0 ? 'Depends on itself.' : `Part of a dependency cycle: ${describeCycle(input.cycle, input.nameOf)}.`,
      line: input.dependencies.find((d) => d.id !== null && input.cycle!.includes(d.id))?.line ?? 1,
      related: input.cycle,
    });
  }

  return diagnostics;
}

/** How old the note is by its Last Updated line, whether that is stale, and the diagnostic if so. */
export function staleness(note: MaturityNote, today: string, config: MaturityConfig): { ageDays: number | null; stale: boolean; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let ageDays: number | null = null;
  let stale = false;
  const updated = note.lastUpdated?.value ?? null;
  if (updated) {
    ageDays = daysBetween(updated, today);
    if (ageDays !== null) {
      if (ageDays > config.staleAfterDays) {
        stale = true;
        diagnostics.push({
          code: 'stale',
          severity: 'warning',
          message: `Last updated ${updated}, ${ageDays} days ago (the limit is ${config.staleAfterDays} days).`,
          line: note.lastUpdated!.line,
        });
      }
    }
  }

  return { ageDays, stale, diagnostics };
}

/**
 * At most `max` items, then "and N more" (`total` counts the items `sample` was cut from): a
 * message per component must not grow with the vault.
 */
function listSome(sample: readonly string[], total = sample.length, max = 8): string {
  const shown = sample.slice(0, max);
  if (total <= shown.length) return shown.join(', ');
  return `${shown.join(', ')} and ${total - shown.length} more`;
}

/** `related` as a bounded sample, with `relatedCount` when it lists fewer than there are. */
function relatedSample(sample: string[], total: number): Pick<Diagnostic, 'related' | 'relatedCount'> {
  return total > sample.length ? { related: sample, relatedCount: total } : { related: sample };
}

export function describeCycle(cycle: string[], nameOf: (id: string) => string): string {
  if (cycle.length > 8) return `${cycle.slice(0, 8).map(nameOf).join(', ')} and ${cycle.length - 8} more depend on each other in a loop`;
  const names = cycle.map(nameOf);
  if (names.length === 1) return `${names[0]} depends on itself`;
  if (names.length === 2) return `${names[0]} and ${names[1]} depend on each other`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} depend on each other in a loop`;
}
