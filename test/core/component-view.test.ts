// What only the vault knows about a component, as diagnostics on the dependent's own lines:
// unknown, self, ambiguous, mismatched and less mature dependencies, cycles, shared names,
// staleness, each with its severity, and the settings' severity overrides applied last.
import { describe, expect, it } from 'vitest';
import { applySeverity, cycleDiagnostics } from '../../src/core/component-view';
import { createIndex, type Diagnostic, type IndexOptions } from '../../src/core/index';
import { TODAY } from '../helpers/vault';

function component(name: string, stage: string, dependencies: string[], updated = '2026-11-20'): string {
  return [
    `# ${name} Maturity Status`,
    '',
    `**Current Stage**: ${stage}`,
    '**Owner**: team',
    `**Last Updated**: ${updated}`,
    '',
    '## Dependencies',
    '',
    ...(dependencies.length ? dependencies.map((d) => `- ${d}`) : ['None (foundational component)']),
    '',
  ].join('\n');
}

/** The vault-level diagnostics of `Api` in a vault of `notes` (path → text), as `code severity line`. */
function diagnosticsOfApi(notes: Record<string, string>, options: IndexOptions = {}): string[] {
  const index = createIndex({ today: TODAY, ...options });
  for (const [path, text] of Object.entries(notes)) index.upsert(path, text);
  return index.component('Api.md')!.diagnostics.map((d) => `${d.code} ${d.severity} ${d.line ?? '-'}`);
}

const DB = { 'Db.md': component('Db', 'Staging', []) };

describe('dependencies as the vault sees them', () => {
  it.each([
    ['a known dependency at the same stage', 'Staging', ['Db (Current Stage: Staging)'], DB, []],
    ['an unknown dependency', 'Staging', ['Cache'], DB, ['dependency-unresolved warning 9']],
    ['an unknown optional dependency', 'Staging', ['Optional: Cache'], DB, ['dependency-unresolved info 9']],
    ['itself (also a cycle of one)', 'Staging', ['[[Api]]'], DB, ['dependency-self error 9', 'dependency-cycle error 9']],
    ['a declared stage the dependency is not at', 'Staging', ['Db (Current Stage: Production)'], DB, ['dependency-stage-mismatch warning 9']],
    ['a less mature dependency', 'Production', ['Db'], DB, ['stage-inversion error 9']],
    ['a less mature optional dependency', 'Production', ['Optional: Db'], DB, ['stage-inversion warning 9']],
    ['a more mature dependency', 'Development', ['Db'], DB, []],
    [
      'a name two components share',
      'Staging',
      ['Db'],
      { 'a/Db.md': component('Db', 'Staging', []), 'b/Db.md': component('Db', 'Staging', []) },
      ['dependency-ambiguous warning 9'],
    ],
  ] as const)('%s', (_what, stage, dependencies, others, expected) => {
    const found = diagnosticsOfApi({ 'Api.md': component('Api', stage, [...dependencies]), ...others });
    expect(found.filter((d) => !d.startsWith('stage-criteria') && !d.startsWith('stage-missing'))).toEqual(expected);
  });

  it('a cycle is reported on each member, on the line of the dependency that closes it', () => {
    const found = diagnosticsOfApi({ 'Api.md': component('Api', 'Staging', ['Db']), 'Db.md': component('Db', 'Staging', ['Api']) });
    expect(found).toEqual(['dependency-cycle error 9']);
  });

  it('a shared name is reported on every holder', () => {
    const index = createIndex({ today: TODAY });
    for (const path of ['Api.md', 'old/Api.md', 'copy/Api.md']) index.upsert(path, component('Api', 'Staging', []));
    for (const id of index.ids()) {
      const duplicate = index.component(id)!.diagnostics.filter((d) => d.code === 'duplicate-name');
      expect(duplicate).toHaveLength(1);
      expect(duplicate[0]!.related).toHaveLength(2);
      expect(duplicate[0]!.related).not.toContain(id);
    }
  });
});

describe('staleness', () => {
  it.each([
    // last updated, stale after days, stale, age in days
    ['2026-11-24', 30, false, 0],
    ['2026-10-25', 30, false, 30],
    ['2026-10-24', 30, true, 31],
    ['2026-11-20', 3, true, 4],
    ['2025-11-24', 400, false, 365],
  ] as const)('updated %s, limit %i days: stale %s', (updated, staleAfterDays, stale, ageDays) => {
    const index = createIndex({ today: TODAY, staleAfterDays });
    index.upsert('Api.md', component('Api', 'Staging', [], updated));
    const api = index.component('Api.md')!;
    expect(api.stale).toBe(stale);
    expect(api.ageDays).toBe(ageDays);
    expect(api.diagnostics.filter((d) => d.code === 'stale').map((d) => d.message)).toEqual(
      stale ? [`Last updated ${updated}, ${ageDays} days ago (the limit is ${staleAfterDays} days).`] : [],
    );
  });

  it('a note without a Last Updated date is neither stale nor aged', () => {
    const index = createIndex({ today: TODAY });
    index.upsert('Api.md', component('Api', 'Staging', []).replace(/\*\*Last Updated\*\*.*\n/, ''));
    expect(index.component('Api.md')).toMatchObject({ stale: false, ageDays: null });
  });
});

describe('severity overrides', () => {
  const found: Diagnostic[] = [
    { code: 'stale', severity: 'warning', message: 'a' },
    { code: 'stage-inversion', severity: 'error', message: 'b' },
    { code: 'stale', severity: 'warning', message: 'c' },
  ];

  it.each([
    [{}, ['stale warning a', 'stage-inversion error b', 'stale warning c']],
    [{ stale: 'off' }, ['stage-inversion error b']],
    [{ stale: 'error' }, ['stale error a', 'stage-inversion error b', 'stale error c']],
    [{ 'stage-inversion': 'info', 'dependency-cycle': 'off' }, ['stale warning a', 'stage-inversion info b', 'stale warning c']],
  ] as const)('%j', (overrides, expected) => {
    expect(applySeverity(found, overrides).map((d) => `${d.code} ${d.severity} ${d.message}`)).toEqual(expected);
    expect(found.map((d) => d.severity)).toEqual(['warning', 'error', 'warning']); // never changed in place
  });

  it('apply to what the index reports', () => {
    const notes = { 'Api.md': component('Api', 'Production', ['Db', 'Cache']), ...DB };
    expect(diagnosticsOfApi(notes, { severity: { 'stage-inversion': 'warning', 'dependency-unresolved': 'off' } })).toEqual(['stage-inversion warning 9']);
  });
});

describe('cycle messages', () => {
  const nameOf = (id: string) => id.replace(/\.md$/, '');
  it.each([
    [['A.md'], 'Dependency cycle: A depends on itself.'],
    [['A.md', 'B.md'], 'Dependency cycle: A and B depend on each other.'],
    [['A.md', 'B.md', 'C.md'], 'Dependency cycle: A, B and C depend on each other in a loop.'],
    [
      Array.from({ length: 10 }, (_, i) => `N${i}.md`),
      'Dependency cycle: N0, N1, N2, N3, N4, N5, N6, N7 and 2 more depend on each other in a loop.',
    ],
  ])('%j', (cycle, message) => {
    const [d] = cycleDiagnostics([cycle], nameOf, { severity: {} } as Parameters<typeof cycleDiagnostics>[2]);
    expect(d).toEqual({ code: 'dependency-cycle', severity: 'error', message, related: cycle });
  });
});
