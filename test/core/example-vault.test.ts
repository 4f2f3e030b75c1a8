// The bundled example vault: every component, stage, count, dependency and diagnostic it was
// written to show (test/fixtures/example-vault-expectations.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBlocked, type DiagnosticCode } from '../../src/core/index';
import { EXAMPLE_VAULT, listMarkdown, loadFolder, ROOT } from '../helpers/vault';

interface Expected {
  path: string;
  component: boolean;
  name?: string;
  stage?: string | null;
  headingFor?: string | null;
  blocked?: boolean;
  stageInferred?: boolean;
  transitions?: Array<{ from: string; to: string; met: number; total: number; claimedMet: number | null; claimedTotal: number | null }>;
  dependencies?: Array<{ name: string; declaredStage: string | null; optional: boolean }>;
  intendedDiagnostics?: DiagnosticCode[];
}

const expectations = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/example-vault-expectations.json'), 'utf8')) as Expected[];
const index = loadFolder(EXAMPLE_VAULT);

describe('example vault', () => {
  it('has an expectation for every note', () => {
    expect(expectations.map((e) => e.path).sort()).toEqual(listMarkdown(EXAMPLE_VAULT));
  });

  it('finds exactly the component notes', () => {
    const expected = expectations.filter((e) => e.component).map((e) => e.path).sort();
    expect([...index.ids()].sort()).toEqual(expected);
  });

  for (const e of expectations.filter((x) => x.component)) {
    describe(e.path, () => {
      const c = index.component(e.path)!;

      it('has the right name, stage and flags', () => {
        expect(c.name).toBe(e.name);
        expect(c.note.stage?.id ?? null).toBe(e.stage);
        expect(c.note.stage?.headingFor ?? null).toBe(e.headingFor ?? null);
        expect(isBlocked(c, index)).toBe(e.blocked ?? false);
        expect(c.note.stage?.source === 'prose').toBe(e.stageInferred ?? false);
      });

      it('counts each transition and reads its status line', () => {
        const actual = c.note.transitions
          .filter((t) => t.total > 0 || t.claim)
          .map((t) => ({ from: t.from, to: t.to, met: t.met, total: t.total, claimedMet: t.claim?.met ?? null, claimedTotal: t.claim?.total ?? null }));
        expect(actual).toEqual(e.transitions);
      });

      it('reads the dependencies', () => {
        expect(c.dependencies.map((d) => ({ name: d.name, declaredStage: d.declaredStage, optional: d.optional }))).toEqual(e.dependencies);
      });

      it('reports exactly the intended diagnostics', () => {
        const codes = [...new Set(c.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code))].sort();
        expect(codes).toEqual([...(e.intendedDiagnostics ?? [])].sort());
      });
    });
  }

  it('links dependents back ("used by")', () => {
    expect(index.component('Components/Session Store.md')!.dependents).toEqual([
      'Components/Auth Gateway.md',
      'Components/Config Service.md',
      'Components/Ledger.md',
      'Components/Status Widget.md',
      'pages/Harbor___Components___Notification Hub.md',
    ]);
    const config = index.component('Components/Config Service.md')!;
    expect(config.dependencies[0]!.id).toBe('Components/Session Store.md'); // [[Session Store|sessions]]
    expect(config.dependents).toContain('Components/Auth Gateway.md');
  });

  it('reports the cycle once at vault level', () => {
    expect(index.cycles()).toEqual([['Components/Experiment Tracker.md', 'Components/Feature Flags.md']]);
    expect(index.vaultDiagnostics().map((d) => d.code)).toEqual(['dependency-cycle']);
  });

  it('ignores criteria and stages inside code fences and HTML comments', () => {
    const search = index.component('Components/Search Indexer.md')!;
    expect(search.note.transitions.flatMap((t) => t.items).some((i) => /Example criterion/.test(i.text))).toBe(false);
    expect(search.note.otherStages).toEqual([]);
    expect(search.note.transitions[0]!.claim?.met).toBe(7); // not the commented-out 0/7
  });

  it('reads Logseq page properties and outliner bullets', () => {
    const hub = index.component('pages/Harbor___Components___Notification Hub.md')!;
    expect(hub.note.stage?.source).toBe('property');
    expect(hub.note.tags).toEqual(expect.arrayContaining(['maturity', 'messaging']));
    expect(hub.note.owner?.value).toBe('@mara.lind');
    expect(hub.note.lastUpdated?.value).toBe('2026-11-12');
  });

  it('reads tags YAML cannot see', () => {
    expect(index.component('Components/Config Service.md')!.note.tags).toEqual(expect.arrayContaining(['maturity', 'platform']));
    expect(index.component('Components/Media Pipeline.md')!.note.tags).toEqual(expect.arrayContaining(['maturity', 'media']));
  });
});
