// The settings schema as a table: what each settings file yields, or the keys and expectations
// its problems are reported with.
import { describe, expect, it } from 'vitest';
import { defaultConfig, DEFAULT_STAGES, parseMaturitySettings, type MaturityConfig } from '../../../src/core/index';

const GOOD: Array<[string, unknown, Partial<MaturityConfig>]> = [
  ['an empty file', {}, defaultConfig()],
  ['component tags', { components: { tags: ['TTA', ' maturity ', ''] } }, { components: { ...defaultConfig().components, tags: ['TTA', 'maturity'] } }],
  ['every component rule', {
    components: { tags: [], folders: ['Components'], excludeFolders: ['Archive'], fileNames: ['STATUS.md'], markerTags: ['tta'], detect: false },
  }, { components: { tags: [], folders: ['Components'], excludeFolders: ['Archive'], fileNames: ['STATUS.md'], markerTags: ['tta'], detect: false } }],
  ['stages with ids made from names', { stages: [{ name: 'In Review' }, { name: 'GA', aliases: [' General Availability '], color: 'oklch(0.7 0.1 200)' }] }, {
    stages: [
      { id: 'in-review', name: 'In Review', aliases: [], color: '#6b7280' },
      { id: 'ga', name: 'GA', aliases: ['general availability'], color: 'oklch(0.7 0.1 200)' },
    ],
  }],
  ['a stage with its own id', { stages: [{ id: ' Dev ', name: 'Development', color: 'var(--dev)' }] }, {
    stages: [{ id: 'dev', name: 'Development', aliases: [], color: 'var(--dev)' }],
  }],
  ['stale days', { staleAfterDays: 90 }, { staleAfterDays: 90 }],
  ['stale days far out (never stale)', { staleAfterDays: 100_000 }, { staleAfterDays: 100_000 }],
  ['severity overrides', { severity: { stale: 'off', 'dependency-cycle': 'warning' } }, { severity: { stale: 'off', 'dependency-cycle': 'warning' } }],
  ['vocabulary words (trimmed, blanks dropped)', { vocabulary: { currentStage: [' Lifecycle ', ''], blockers: ['Impediments'] } }, {
    vocabulary: { currentStage: ['Lifecycle'], blockers: ['Impediments'] },
  }],
];

describe('settings files the schema accepts', () => {
  it.each(GOOD)('%s', (_label, file, expected) => {
    const result = parseMaturitySettings(file);
    expect(result.ok && result.settings).toEqual({ ...defaultConfig(), ...expected });
  });

  it('fills every default, so the core reads a complete config', () => {
    expect(defaultConfig()).toEqual({
      stages: DEFAULT_STAGES,
      components: { tags: [], folders: [], excludeFolders: [], fileNames: ['MATURITY.md'], markerTags: ['maturity', 'component-maturity'], detect: true },
      staleAfterDays: 30,
      severity: {},
      backstage: { type: 'service', lifecycle: {}, defaultOwner: 'unknown', owners: {} },
      vocabulary: {},
      mirrorStage: { enabled: false, property: 'stage' },
    });
  });
});

const BAD: Array<[string, unknown, Array<[string, RegExp]>]> = [
  ['a tag given as text, not a list (the review\'s example)', { components: { tags: 'maturity' } }, [
    ['components.tags', /expected a list of tags .*got a string \("maturity"\)/],
  ]],
  ['a list of numbers as folders', { components: { folders: [1] } }, [['components.folders[0]', /expected folders as text, got a number \(1\)/]]],
  ['detect as a string', { components: { detect: 'yes' } }, [['components.detect', /expected true or false.*got a string/]]],
  ['a misspelt component rule', { components: { tag: ['x'] } }, [['components', /unknown key "tag"/]]],
  ['a misspelt top-level key', { staleDays: 3 }, [['', /unknown key "staleDays"/]]],
  ['a mirror property name with a space', { mirrorStage: { enabled: true, property: 'my stage' } }, [['mirrorStage.property', /front-matter property name/]]],
  ['the mirror switch as text', { mirrorStage: { enabled: 'yes' } }, [['mirrorStage.enabled', /expected true or false/]]],
  ['stale days as text', { staleAfterDays: '30' }, [['staleAfterDays', /whole number from 1 to 1000000, got a string \("30"\)/]]],
  ['stale days of zero', { staleAfterDays: 0 }, [['staleAfterDays', /whole number from 1 to 1000000, got a number \(0\)/]]],
  ['stale days with a fraction', { staleAfterDays: 1.5 }, [['staleAfterDays', /whole number/]]],
  ['no stages', { stages: [] }, [['stages', /at least one stage/]]],
  ['stages as an object', { stages: { name: 'Dev' } }, [['stages', /expected a list of stages.*got an object/]]],
  ['a stage without a name', { stages: [{ color: 'red' }] }, [['stages[0].name', /expected the stage name as text, but it is missing/]]],
  ['a blank stage name', { stages: [{ name: '  ' }] }, [['stages[0].name', /not blank/]]],
  ['a colour carrying CSS', { stages: [{ name: 'Dev', color: 'red;background:url(x)' }] }, [['stages[0].color', /expected a CSS colour/]]],
  ['a colour carrying markup', { stages: [{ name: 'Dev', color: '#2563eb"><script>' }] }, [['stages[0].color', /expected a CSS colour/]]],
  ['two stages with one id', { stages: [{ name: 'Dev' }, { name: 'dev' }] }, [['stages[1]', /the id "dev" is used twice/]]],
  ['an unknown diagnostic code', { severity: { stael: 'off' } }, [['severity', /unknown key "stael"/]]],
  ['an unknown severity', { severity: { stale: 'loud' } }, [['severity.stale', /"error", "warning", "info" or "off", got a string \("loud"\)/]]],
  ['an unknown vocabulary key', { vocabulary: { lifecycle: ['Lifecycle'] } }, [['vocabulary', /unknown key "lifecycle"/]]],
  ['vocabulary words as text, not a list', { vocabulary: { currentStage: 'Lifecycle' } }, [['vocabulary.currentStage', /expected a list of words .*got a string \("Lifecycle"\)/]]],
  ['a vocabulary word as a number', { vocabulary: { owner: ['Maintainer', 7] } }, [['vocabulary.owner[1]', /expected words as text, got a number \(7\)/]]],
  ['vocabulary as a list', { vocabulary: ['Lifecycle'] }, [['vocabulary', /expected an object of vocabulary keys.*got a list/]]],
  ['a list instead of an object', [1], [['', /expected an object of settings.*got a list/]]],
  ['null', null, [['', /expected an object of settings.*got null/]]],
  ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": 1}}'), [['', /unknown key "__proto__"/]]],
  ['several problems at once', { staleAfterDays: -1, components: { tags: 'x' } }, [
    ['staleAfterDays', /whole number/],
    ['components.tags', /list of tags/],
  ]],
];

describe('settings files the schema refuses, each problem named by key', () => {
  it.each(BAD)('%s', (_label, file, expected) => {
    const result = parseMaturitySettings(file);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((issue) => issue.key).sort()).toEqual(expected.map(([key]) => key).sort());
    for (const [key, message] of expected) expect(issues.find((issue) => issue.key === key)?.message).toMatch(message);
  });

  it('leaves Object.prototype alone', () => {
    parseMaturitySettings(JSON.parse('{"__proto__": {"polluted": 1}, "components": {"__proto__": {"polluted": 1}}}'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
