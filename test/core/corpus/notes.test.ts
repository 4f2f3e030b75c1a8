// The real notes in ../shared/corpus (skipped with a notice when absent): which notes are
// components, their stages, and the real inconsistencies they hold.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { isBlocked, type MaturityIndex } from '../../../src/core/index';
import { CORPUS, corpusAvailable, listCorpusMarkdown, listMarkdown, loadCorpusFolder } from '../../helpers/vault';

const KB_COMPONENTS: Record<string, { name: string; stage: string | null }> = {
  'TTA___Components___Components App Maturity Document.md': { name: 'App', stage: 'staging' },
  'TTA___Components___Components Carbon Maturity Document.md': { name: 'Carbon', stage: 'staging' },
  'TTA___Components___Components Docker Maturity Document.md': { name: 'Docker', stage: 'staging' },
  'TTA___Components___Components Gameplay Loop Maturity Document.md': { name: 'Gameplay Loop', stage: 'development' },
  'TTA___Components___Components Llm Maturity Document.md': { name: 'LLM', stage: 'staging' },
  'TTA___Components___Components Model Management Maturity Document.md': { name: 'Model Management', stage: 'development' },
  'TTA___Components___Components Narrative Arc Orchestrator Maturity Document.md': { name: 'Narrative Arc Orchestrator', stage: 'staging' },
  'TTA___Components___Components Narrative Coherence Maturity Document.md': { name: 'Narrative Coherence', stage: 'staging' },
  'TTA___Components___Components Neo4J Maturity Document.md': { name: 'Neo4j', stage: 'staging' },
  'TTA___Components___Components Player Experience Maturity Document.md': { name: 'Player Experience', stage: 'staging' },
  'TTA___Components___Components Therapeutic Systems Enhanced Maturity Document.md': { name: 'Therapeutic Systems', stage: 'development' },
  'TTA___Components___Src Components Maturity Document.md': { name: 'Neo4j', stage: 'development' },
};

function codes(index: MaturityIndex, id: string): string[] {
  return index.component(id)!.diagnostics.map((d) => d.code);
}

describe.runIf(corpusAvailable('tta-kb'))('tta-kb (a real Logseq knowledge base)', () => {
  const dir = join(CORPUS, 'tta-kb');
  const index = loadCorpusFolder(dir);
  const all = listCorpusMarkdown(dir);

  it('finds the component maturity notes and only them (precision and recall 1.0)', () => {
    const found = new Set(index.ids());
    const expected = new Set(Object.keys(KB_COMPONENTS));
    const truePositives = [...found].filter((id) => expected.has(id)).length;
    const precision = truePositives / found.size;
    const recall = truePositives / expected.size;
    console.log(`tta-kb: ${all.length} notes, ${found.size} components found, precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`);
    expect([...found].sort()).toEqual([...expected].sort());
  });

  it('does not take promotion plans, guides, prompts, inventories or reports for components', () => {
    for (const path of [
      'TTA___Components___Docs Component Promotion Carbon Staging Promotion Plan Document.md',
      'TTA___Components___Docs Development Component Inventory Document.md',
      'TTA___Components___Docs Development Component Promotion Guide Document.md',
      'TTA___Components___.Augment Workflows Component Promotion.Prompt.md',
      'TTA___Workflows___Phase6 PRE Phase7 Workflow Completion Document.md',
      'TTA___Workflows___Docs Development Phase5 Pilot Promotion Guide Document.md',
    ]) {
      expect(all).toContain(path);
      expect(index.component(path), path).toBeUndefined();
    }
  });

  it('reads names and stages', () => {
    for (const [id, want] of Object.entries(KB_COMPONENTS)) {
      const c = index.component(id)!;
      expect({ id, name: c.name, stage: c.note.stage?.id ?? null }).toEqual({ id, ...want });
    }
  });

  it('flags Neo4j: at Staging with a Development → Staging box unchecked and marked ❌', () => {
    const id = 'TTA___Components___Components Neo4J Maturity Document.md';
    const neo4j = index.component(id)!;
    const devToStaging = neo4j.note.transitions[0]!;
    expect([devToStaging.met, devToStaging.total, devToStaging.claim?.met, devToStaging.claim?.total]).toEqual([8, 9, 8, 9]);
    const unchecked = devToStaging.items.find((i) => !i.checked)!;
    expect(unchecked.mark).toBe('fail');
    expect(unchecked.note).toBe('Currently 0%');
    expect(codes(index, id)).toContain('stage-criteria-unmet');
    expect(neo4j.note.dependenciesNone).toBe(true);
  });

  it('flags Carbon: the status line claims 4/7 with 6 boxes checked, and a footer that says Development', () => {
    const id = 'TTA___Components___Components Carbon Maturity Document.md';
    expect(codes(index, id)).toEqual(expect.arrayContaining(['status-count-mismatch', 'stage-criteria-unmet', 'stage-conflict']));
  });

  it('flags Model Management: claims 3/7 while 4 boxes are checked', () => {
    const id = 'TTA___Components___Components Model Management Maturity Document.md';
    const mm = index.component(id)!;
    expect(mm.note.stage?.blocked).toBe(true);
    expect(isBlocked(mm, index)).toBe(true);
    expect(codes(index, id)).toContain('status-count-mismatch');
  });

  it('infers Docker\'s stage from prose and says so', () => {
    const docker = index.component('TTA___Components___Components Docker Maturity Document.md')!;
    expect(docker.note.stage?.source).toBe('prose');
    expect(docker.diagnostics.find((d) => d.code === 'stage-missing')?.severity).toBe('warning');
  });

  it('reads Gameplay Loop\'s dependencies with declared stages and the BLOCKED flag', () => {
    const gameplay = index.component('TTA___Components___Components Gameplay Loop Maturity Document.md')!;
    expect(gameplay.dependencies.map((d) => [d.name, d.declaredStage, d.declaredBlocked])).toEqual([
      ['Neo4j', 'staging', false],
      ['Redis', 'staging', false],
      ['Agent Orchestration', 'development', true],
    ]);
    expect(gameplay.dependencies[0]!.id).toBe('TTA___Components___Components Neo4J Maturity Document.md');
  });

  it('reports unfilled template placeholders in the half-filled notes', () => {
    expect(codes(index, 'TTA___Components___Components Therapeutic Systems Enhanced Maturity Document.md')).toContain('template-placeholder');
    expect(codes(index, 'TTA___Components___Components Neo4J Maturity Document.md')).not.toContain('template-placeholder');
  });
});

describe.runIf(corpusAvailable('tta-repo'))('tta-repo (MATURITY.md files in a source tree)', () => {
  const dir = join(CORPUS, 'tta-repo');
  const index = loadCorpusFolder(dir, { today: '2025-10-30' });

  it('finds every MATURITY.md and not the template', () => {
    const maturityFiles = listMarkdown(dir).filter((p) => p.endsWith('/MATURITY.md'));
    expect([...index.ids()].sort()).toEqual(maturityFiles);
    expect(index.ids().some((id) => id.endsWith('.template'))).toBe(false);
  });

  it('reads the transitional stage of the packaged Narrative Arc Orchestrator', () => {
    const nao = index.component('packages/tta-narrative-engine/src/tta_narrative/orchestration/MATURITY.md')!;
    expect(nao.note.stage).toMatchObject({ id: 'development', headingFor: 'staging', promotionInProgress: true, qualifier: 'Promotion in Progress' });
  });

  it('reads upper-case and bold-emoji stage values', () => {
    expect(index.component('src/agent_orchestration/openhands_integration/MATURITY.md')!.note.stage).toMatchObject({ id: 'staging', qualifier: 'Ready for Production Deployment' });
    expect(index.component('testing/comprehensive_validation/MATURITY.md')!.note.stage?.id).toBe('development');
    expect(index.component('testing/comprehensive_validation/MATURITY.md')!.note.targetStage?.id).toBe('staging');
  });

  it('resolves a dependency by folder name among same-named notes', () => {
    const gameplay = index.component('src/components/gameplay_loop/MATURITY.md')!;
    expect(gameplay.dependencies[0]!.id).toBe('src/components/neo4j/MATURITY.md');
    expect(gameplay.dependencies[2]!.id).toBe('src/agent_orchestration/MATURITY.md');
  });

  it('takes front matter in a MATURITY.md (Docker)', () => {
    const docker = index.component('src/components/docker/MATURITY.md')!;
    expect(docker.name).toBe('Docker');
    expect(docker.note.stage?.source).toBe('frontmatter');
    expect(docker.note.owner?.value).toBe('TTA Development Team');
  });
});
