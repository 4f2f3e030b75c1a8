// A frozen copy of an index as plain JSON-safe data: what the standalone dashboard embeds, and
// what a snapshot-backed view context reads when there is no live index.
import type { StageDefinition } from './settings/index';
import type { Component, Diagnostic } from './model';
import type { MaturityIndex } from './vault-index';

export interface IndexSnapshot {
  version: 1;
  /** The folder or vault the snapshot was taken from, for titles. */
  root: string;
  /** ISO date staleness and relative dates are measured from. */
  today: string;
  stages: StageDefinition[];
  /** Every component, sorted by name (the index's `ids()` order). */
  components: Component[];
  /** Dependency cycles (sorted ids per cycle). */
  cycles: string[][];
  /** Diagnostics about the vault as a whole. */
  diagnostics: Diagnostic[];
}

export function snapshotIndex(index: MaturityIndex, root: string): IndexSnapshot {
  return {
    version: 1,
    root,
    today: index.today(),
    stages: index.pipeline.stages,
    components: index.components(),
    cycles: index.cycles(),
    diagnostics: index.vaultDiagnostics(),
  };
}

/** Reject data that is not a snapshot this code understands, with a reason a person can act on. */
export function checkSnapshot(value: unknown): IndexSnapshot {
  const data = value as Partial<IndexSnapshot> | null;
  if (data === null || typeof data !== 'object') throw new Error('the embedded data is not an object');
  if (data.version !== 1) throw new Error(`unsupported snapshot version ${String(data.version)}`);
  if (!Array.isArray(data.stages) || !Array.isArray(data.components) || !Array.isArray(data.cycles)) {
    throw new Error('the embedded data lacks stages, components or cycles');
  }
  if (typeof data.today !== 'string' || typeof data.root !== 'string') throw new Error('the embedded data lacks today or root');
  return { ...data, diagnostics: Array.isArray(data.diagnostics) ? data.diagnostics : [] } as IndexSnapshot;
}
