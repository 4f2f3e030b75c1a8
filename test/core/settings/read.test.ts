// Strict and lenient reading: a settings file is all or nothing, a host's stored settings keep
// every good value and fall back to the default for each bad one.
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import {
  createIndex,
  defaultConfig,
  DEFAULT_STAGES,
  formatSettingsIssues,
  keyName,
  readMaturitySettings,
  resolveConfig,
  salvageSettings,
} from '../../../src/core/index';

describe('lenient reading (hosts)', () => {
  const CASES: Array<[string, unknown, (config: ReturnType<typeof defaultConfig>) => unknown, unknown]> = [
    ['a bad key falls back, the good ones stay', { staleAfterDays: -4, components: { tags: ['TTA'] } }, (c) => [c.staleAfterDays, c.components.tags], [30, ['TTA']]],
    ['a bad colour becomes grey, the stage stays', { stages: [{ name: 'Alpha', color: 'url(javascript:x)' }, { name: 'Beta', color: 'red' }] },
      (c) => c.stages.map((s) => [s.name, s.color]), [['Alpha', '#6b7280'], ['Beta', 'red']]],
    ['a stage without a name is dropped, the others stay', { stages: [{ name: 'Alpha' }, { color: 'red' }, { name: 'Gamma', aliases: [7, 'g'] }] },
      (c) => c.stages.map((s) => [s.id, s.aliases]), [['alpha', []], ['gamma', ['g']]]],
    ['two problems in one stage: the stage goes, the next stage is untouched', { stages: [{ color: 'x;y' }, { name: 'Beta', color: 'blue' }] },
      (c) => c.stages, [{ id: 'beta', name: 'Beta', aliases: [], color: 'blue' }]],
    ['no good stage left: the default pipeline', { stages: [{ color: 'red' }] }, (c) => c.stages, DEFAULT_STAGES],
    ['duplicate ids: the later stage goes', { stages: [{ name: 'A' }, { name: 'a' }] }, (c) => c.stages.map((s) => s.id), ['a']],
    ['unknown keys are ignored', { staleDays: 4, components: { tag: ['x'] }, severity: { stael: 'off', stale: 'off' } },
      (c) => [c.components.tags, c.severity], [[], { stale: 'off' }]],
    ['not an object at all', 'tags: maturity', (c) => c, defaultConfig()],
    ['undefined', undefined, (c) => c, defaultConfig()],
  ];

  it.each(CASES)('%s', (_label, data, pick, expected) => {
    expect(pick(readMaturitySettings(data).settings)).toEqual(expected);
  });

  it('reports what it replaced', () => {
    const { issues } = readMaturitySettings({ staleAfterDays: 'soon', components: { detect: 1 } });
    expect(issues.map((i) => i.key).sort()).toEqual(['components.detect', 'staleAfterDays']);
  });

  it('does not change its input', () => {
    const data = { stages: [{ name: 'A', color: 'bad;' }], staleAfterDays: 0 };
    const copy = structuredClone(data);
    readMaturitySettings(data);
    expect(data).toEqual(copy);
  });

  it('handles thousands of bad values in a few rounds, not one round each', () => {
    let parses = 0;
    const counted = z.pipe(z.unknown(), z.transform((v: unknown) => { parses++; return v; }));
    const schema = z.object({ seen: z._default(counted, null), words: z._default(z.array(z.string()), () => []) });
    const { settings } = salvageSettings(schema, { seen: 1, words: Array.from({ length: 5000 }, (_, i) => (i % 2 ? 'w' : i)) });
    expect(settings.words).toHaveLength(2500);
    expect(parses).toBeLessThanOrEqual(3);
  });

  it('keeps a __proto__ key a plain key and Object.prototype clean', () => {
    const { settings } = readMaturitySettings(JSON.parse('{"__proto__": {"polluted": 1}, "components": {"__proto__": {"polluted": 1}}, "severity": {"__proto__": "off", "stale": "off"}}'));
    expect(settings.severity).toEqual({ stale: 'off' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('settings written in code', () => {
  it('resolveConfig fills the defaults and merges component rules over them', () => {
    const config = resolveConfig({ components: { folders: ['Components'] } });
    expect(config.components).toEqual({ ...defaultConfig().components, folders: ['Components'] });
    expect(config.stages).toEqual(DEFAULT_STAGES);
  });

  it('the index reads its settings through the schema', () => {
    const index = createIndex({ today: '2026-01-01', staleAfterDays: 7, stages: [{ name: 'Alpha', color: 'red;x' }, { name: 'Beta' }] });
    expect(index.config.staleAfterDays).toBe(7);
    expect(index.config.stages.map((s) => [s.id, s.color])).toEqual([['alpha', '#6b7280'], ['beta', '#6b7280']]);
    expect(index.today()).toBe('2026-01-01');
  });
});

describe('naming keys and files', () => {
  it.each([
    [['components', 'tags'], 'components.tags'],
    [['stages', 1, 'color'], 'stages[1].color'],
    [['severity', 'no such code'], 'severity["no such code"]'],
    [[], ''],
  ] as Array<[PropertyKey[], string]>)('%j → %s', (path, name) => {
    expect(keyName(path)).toBe(name);
  });

  it('formats a command-line error that names the file and each key', () => {
    const text = formatSettingsIssues('/v/.maturity-map.json', [{ key: 'components.tags', message: 'expected a list' }, { key: '', message: 'unknown key "x"' }]);
    expect(text).toBe('settings file /v/.maturity-map.json is not valid:\n  components.tags: expected a list\n  (top level): unknown key "x"');
  });
});
