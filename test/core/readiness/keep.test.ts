// Built views keep flat, shared copies of their sentences (keep.ts) and share one frozen empty list
// of disagreeing figures: the values a view shows must not change for it.
import { describe, expect, it } from 'vitest';
import { assessReadiness } from '../../../src/core/readiness/assess';
import { keepDiagnosticMessages, keepReadinessStrings } from '../../../src/core/readiness/keep';
import { EXAMPLE_VAULT, loadFolder } from '../../helpers/vault';

const index = loadFolder(EXAMPLE_VAULT);

describe('keeping a view’s strings', () => {
  it('changes no value of any readiness or diagnostic in the example vault', () => {
    let contradicted = 0;
    for (const id of index.ids()) {
      const component = index.component(id)!;
      const readiness = assessReadiness({ note: component.note, pipeline: index.pipeline, today: '2026-12-01', dependencies: component.dependencies, stageOf: (other) => index.component(other)?.note.stage?.id ?? null, nameOf: (other) => index.component(other)?.name ?? other });
      const before = structuredClone(readiness);
      keepReadinessStrings(readiness);
      expect(readiness).toEqual(before);
      const diagnostics = structuredClone(component.diagnostics);
      keepDiagnosticMessages(diagnostics, 0);
      expect(diagnostics).toEqual(component.diagnostics);
      contradicted += readiness.checks.filter((c) => c.verdict === 'contradicted').length;
    }
    expect(contradicted).toBeGreaterThan(0); // sentences built from parts were kept, not only constants
  });

  it('shares one frozen empty list among checks with no disagreeing figure', () => {
    const lists = new Set(index.ids().flatMap((id) => index.component(id)!.readiness!.checks.map((c) => c.disagreeing)).filter((d) => d.length === 0));
    expect(lists.size).toBe(1);
    const [empty] = [...lists];
    expect(Object.isFrozen(empty)).toBe(true);
  });
});
