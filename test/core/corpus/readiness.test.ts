// Readiness over the real notes in ../shared/corpus (skipped with a notice when absent), as they
// stood on 2025-10-30: the contradictions between boxes and evidence those notes really hold.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MaturityIndex } from '../../../src/core/index';
import { CORPUS, corpusAvailable, loadCorpusFolder, loadFolder } from '../../helpers/vault';

const SNAPSHOT = '2025-10-30';
const READINESS_CODES = new Set(['criterion-contradicted', 'sla-breach', 'security-critical', 'observation-incomplete', 'placeholder-evidence']);

function findings(index: MaturityIndex): string[] {
  const out: string[] = [];
  for (const c of index.components()) {
    for (const d of c.diagnostics) if (READINESS_CODES.has(d.code)) out.push(`${c.id}:${d.line} ${d.code}`);
  }
  return out.sort();
}

function report(label: string, index: MaturityIndex): void {
  const components = index.components();
  const lines = components.filter((c) => !c.readiness!.backed || c.readiness!.ready).map((c) => `  ${c.id}: ${c.readiness!.summary}${c.readiness!.backed ? '' : ` [not backed: ${c.readiness!.unbacked.map((o) => o.text).join('; ')}]`}`);
  console.log(`${label}: ${components.length} components, ${components.filter((c) => c.readiness!.ready).length} ready, ${components.filter((c) => !c.readiness!.backed).length} not backed\n${lines.join('\n')}`);
}

describe.runIf(corpusAvailable('tta-repo'))('readiness on tta-repo (MATURITY.md files)', () => {
  const index = loadCorpusFolder(join(CORPUS, 'tta-repo'), { today: SNAPSHOT });
  const get = (id: string) => index.component(id)!;

  it('finds the one checked criterion its own evidence contradicts, and no false alarms', () => {
    report('tta-repo', index);
    expect(findings(index)).toEqual(['src/components/carbon/MATURITY.md:68 criterion-contradicted']);
    const check = get('src/components/carbon/MATURITY.md').readiness!.checks.find((c) => c.line === 68)!;
    // "Currently 76.2%" in the checklist, 42.2% in the auto-generated Test Coverage section.
    expect(check).toMatchObject({ verdict: 'contradicted', evidence: { value: 42.2, line: 90 }, threshold: { value: 70 } });
    expect(check.disagreeing.map((e) => e.value)).toContain(76.2);
  });

  it('lists the components whose stage their evidence does not back', () => {
    const unbacked = index.components().filter((c) => !c.readiness!.backed).map((c) => c.id).sort();
    expect(unbacked).toEqual([
      'src/agent_orchestration/openhands_integration/MATURITY.md',
      'src/components/carbon/MATURITY.md',
      'src/components/neo4j/MATURITY.md',
    ]);
  });

  it('Neo4j is at Staging with its Development → Staging coverage box unchecked at "Currently 0%"', () => {
    const r = get('src/components/neo4j/MATURITY.md').readiness!;
    expect(r.stage).toBe('staging');
    expect(r.unbacked[0]).toMatchObject({ kind: 'criteria-open', line: 58 });
    const coverage = r.checks.find((c) => c.transition === 'development→staging' && c.kind === 'coverage')!;
    expect(coverage).toMatchObject({ checked: false, verdict: 'open' });
    // The note disagrees with itself: 88% under Test Coverage / Unit Tests, 0% under the checklist.
    expect(coverage.evidence).toMatchObject({ value: 88, line: 138 });
    expect(coverage.disagreeing.map((e) => [e.value, e.line])).toContainEqual([0, 72]);
    // Its open Development → Staging blockers stand for a stage it already claims.
    expect(r.unbacked.map((o) => o.kind)).toContain('blocker');
  });

  it('finds the orchestration package ready for the promotion it says is in progress', () => {
    const ready = index.components().filter((c) => c.readiness!.ready).map((c) => c.id);
    expect(ready).toEqual(['packages/tta-narrative-engine/src/tta_narrative/orchestration/MATURITY.md']);
    expect(get(ready[0]!).note.stage?.headingFor).toBe('staging');
  });

  it('counts observation days from "Day 1/7" as of Last Updated', () => {
    const early = loadFolder(join(CORPUS, 'tta-repo'), { today: '2025-10-23' }).component('src/components/neo4j/MATURITY.md')!.readiness!;
    expect(early.observation).toMatchObject({ basis: 'stated-day', elapsedDays: 3, remainingDays: 4, complete: false, since: '2025-10-21' });
    expect(early.summary).toContain('4 of 7 observation days left');
  });
});

describe.runIf(corpusAvailable('tta-kb'))('readiness on tta-kb (a Logseq knowledge base)', () => {
  const index = loadCorpusFolder(join(CORPUS, 'tta-kb'), { today: SNAPSHOT });

  it('finds the same contradictions in the knowledge-base copies', () => {
    report('tta-kb', index);
    expect(findings(index)).toEqual(['TTA___Components___Components Carbon Maturity Document.md:77 criterion-contradicted']);
    expect(index.components().filter((c) => !c.readiness!.backed).map((c) => c.name).sort()).toEqual(['Carbon', 'Neo4j']);
  });

  it('never crashes or calls a placeholder zero on the unfilled template copies', () => {
    const template = index.component('TTA___Components___Components Therapeutic Systems Enhanced Maturity Document.md')!.readiness!;
    expect(template.coverage.unit).toMatchObject({ placeholder: true, value: null });
    expect(template.checks.every((c) => c.verdict === 'open')).toBe(true);
  });
});
