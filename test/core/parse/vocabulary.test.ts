// The vocabulary as data: a vault written to another template (examples/service-cards: stages
// Alpha/Beta/GA, `**Lifecycle**:`, `**Maintainer**:`, `## Requires`, `## Exit criteria: Alpha → Beta`,
// `**Progress**: 2/3`) gives its components with its settings file alone, and none without it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES, parseMaturitySettings, parseNote, VOCABULARY_KEYS, type MaturityConfig } from '../../../src/core/index';
import { DEFAULT_VOCABULARY } from '../../../src/core/parse/vocabulary';
import { loadFolder, ROOT } from '../../helpers/vault';

const CARDS = join(ROOT, 'examples/service-cards');

function cardSettings(): MaturityConfig {
  const result = parseMaturitySettings(JSON.parse(readFileSync(join(CARDS, '.maturity-map.json'), 'utf8')));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.settings;
}

describe('a vault written to another template, read with settings alone', () => {
  it('gives every service card as a component, with its stage, owner, review date, dependencies and criteria', () => {
    const index = loadFolder(CARDS, { ...cardSettings(), today: '2026-12-01' });
    const cards = index.components().map((c) => ({
      id: c.id,
      stage: c.note.stage?.id,
      owner: c.note.owner?.value,
      reviewed: c.note.lastUpdated?.value,
      requires: c.dependencies.map((d) => d.id),
      criteria: c.note.transitions.map((t) => `${t.from}→${t.to} ${t.met}/${t.total} claims ${t.claim?.raw}`),
    }));
    expect(cards).toEqual([
      { id: 'Billing API.md', stage: 'beta', owner: 'payments-team', reviewed: '2026-11-20', requires: ['Identity Service.md', 'Event Bus.md'], criteria: ['alpha→beta 3/3 claims 3/3', 'beta→ga 2/3 claims 2/3'] },
      { id: 'Event Bus.md', stage: 'alpha', owner: 'platform-team', reviewed: '2026-11-18', requires: [], criteria: ['alpha→beta 1/3 claims 2/3'] },
      { id: 'Identity Service.md', stage: 'ga', owner: 'platform-team', reviewed: '2026-11-02', requires: ['Event Bus.md'], criteria: ['beta→ga 3/3 claims 3/3'] },
    ]);
    // The checks run on the new words too: a Progress line that overclaims, a GA card needing an Alpha one.
    expect(index.component('Event Bus.md')!.diagnostics.map((d) => d.code)).toEqual(['status-count-mismatch']);
    expect(index.component('Identity Service.md')!.diagnostics.map((d) => d.code)).toContain('stage-inversion');
    expect(index.component('Event Bus.md')!.note.dependenciesNone).toBe(true);
    expect(index.component('Onboarding guide.md')).toBeUndefined();
  });

  it('gives none of them with the built-in vocabulary (the stages alone are not enough)', () => {
    expect(loadFolder(CARDS, { today: '2026-12-01' }).components()).toEqual([]);
    expect(loadFolder(CARDS, { stages: cardSettings().stages, today: '2026-12-01' }).components()).toEqual([]);
  });
});

describe('added words', () => {
  const stages = cardSettings().stages;

  it('match front-matter keys case-insensitively and in any spelling', () => {
    const pipeline = createPipeline(stages, { currentStage: ['Lifecycle'], owner: ['Maintainer'] });
    for (const key of ['lifecycle', 'Lifecycle', 'LIFECYCLE']) {
      const note = parseNote(`---\n${key}: beta\nmaintainer: ops\n---\n# Card\n`, pipeline);
      expect([note.stage?.id, note.stage?.source, note.owner?.value]).toEqual(['beta', 'frontmatter', 'ops']);
    }
  });

  it('read Logseq page properties and `<Stage> exit criteria` headings', () => {
    const pipeline = createPipeline(stages, { currentStage: ['Lifecycle'], transitionHeading: ['Exit criteria'] });
    expect(parseNote('lifecycle:: beta\n\n- notes\n', pipeline).stage?.id).toBe('beta');
    const note = parseNote('**Lifecycle**: Beta\n\n## GA exit criteria\n- [x] Drill run\n- [ ] Sign-off\n', pipeline);
    expect(note.transitions.map((t) => [t.from, t.to, t.met, t.total])).toEqual([['beta', 'ga', 1, 2]]);
  });

  it('add to the built-in labels and never remove one', () => {
    const pipeline = createPipeline(DEFAULT_STAGES, { currentStage: ['Lifecycle'] });
    expect(parseNote('**Current Stage**: Staging\n', pipeline).stage?.id).toBe('staging');
    expect(parseNote('**Lifecycle**: Staging\n', pipeline).stage?.id).toBe('staging');
    expect(parseNote('**Lifecycle**: Staging\n', createPipeline(DEFAULT_STAGES)).stage?.source).not.toBe('header');
  });

  it('reach blockers, history, coverage and the marks as well as the header fields', () => {
    const pipeline = createPipeline(DEFAULT_STAGES, {
      blockers: ['Impediments'],
      history: ['Changelog'],
      coverage: ['Branch Coverage'],
      passMarks: ['(ok)'],
      failMarks: ['(no)'],
    });
    const text = [
      '**Current Stage**: Staging',
      '**Branch Coverage**: 81%',
      '',
      '## Staging → Production',
      '- [ ] Runbook written (ok)',
      '- [ ] Chaos test (no)',
      '',
      '## Impediments',
      '- Vendor contract unsigned',
      '',
      '## Changelog',
      '- 2026-10-01: Promoted to Staging',
      '',
    ].join('\n');
    const note = parseNote(text, pipeline);
    const plain = parseNote(text, createPipeline(DEFAULT_STAGES));
    expect([plain.blockers.length, plain.history.length, plain.coverage.length]).toEqual([0, 0, 0]);
    expect(note.blockers.map((b) => b.text)).toEqual(['Vendor contract unsigned']);
    expect(note.history.map((h) => [h.date, h.to])).toEqual([['2026-10-01', 'staging']]);
    expect(note.coverage.map((c) => [c.label, c.percent])).toEqual([['branch coverage', 81]]);
    expect(note.transitions[0]!.items.map((i) => i.mark)).toEqual(['pass', 'fail']);
  });

  it('exist for every labelled key of the built-in vocabulary', () => {
    expect(VOCABULARY_KEYS).toEqual(Object.keys(DEFAULT_VOCABULARY));
    for (const key of ['currentStage', 'lastUpdated', 'owner', 'dependencies', 'statusLine', 'transitionHeading', 'blockers', 'group', 'history', 'coverage', 'sla', 'security']) {
      expect(VOCABULARY_KEYS).toContain(key);
    }
  });
});
