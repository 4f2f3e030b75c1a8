// Readiness over the bundled example vault: each readiness rule has a note written to show it, and
// queries can list the components that could be promoted now and sort by real readiness.
import { describe, expect, it } from 'vitest';
import { parseQueryOptions, readinessOf, runQuery, sortComponents, type Component, type ComponentQuery } from '../../../src/core/index';
import { EXAMPLE_VAULT, loadFolder } from '../../helpers/vault';

const index = loadFolder(EXAMPLE_VAULT);
const get = (name: string): Component => index.component(`Components/${name}.md`)!;
const diagnostic = (name: string, code: string) => get(name).diagnostics.find((d) => d.code === code);

describe('readiness rules on the example vault', () => {
  it('criterion-contradicted: a ≥70% box checked while the coverage sync says 52%', () => {
    const d = diagnostic('Rate Quoter', 'criterion-contradicted')!;
    expect(d).toMatchObject({ severity: 'error', line: 39 });
    expect(d.message).toBe('"Unit tests passing (≥70% coverage)" is checked, but unit coverage 52% (line 101) is below ≥70%. The note also states 74% (line 39).');
  });

  it('observation-incomplete: Production criteria claimed five days into staging, and a promotion after four', () => {
    expect(diagnostic('Rate Quoter', 'observation-incomplete')).toMatchObject({ severity: 'warning', line: 10 });
    expect(get('Rate Quoter').readiness!.observation).toMatchObject({ since: '2026-11-19', elapsedDays: 5, remainingDays: 2 });
    const customs = diagnostic('Customs Filing', 'observation-incomplete')!;
    expect(customs.severity).toBe('error');
    expect(customs.message).toContain('Staging began 2026-11-09');
    expect(customs.message).toContain('4 of the 7 days');
  });

  it('sla-breach: p95 640ms against <400ms, an error at Production', () => {
    expect(diagnostic('Customs Filing', 'sla-breach')).toMatchObject({ severity: 'error', line: 74 });
    expect(diagnostic('Customs Filing', 'criterion-contradicted')!.message).toContain('Performance validated');
  });

  it('security-critical and placeholder-evidence: high findings on the way to Production, SLA boxes over XXms', () => {
    expect(diagnostic('Dock Scheduler', 'security-critical')).toMatchObject({ severity: 'warning', line: 111 });
    const placeholders = get('Dock Scheduler').diagnostics.filter((d) => d.code === 'placeholder-evidence');
    expect(placeholders.map((d) => d.line)).toEqual([52, 53]);
    expect(placeholders[0]!.message).toContain('"XX%"');
    expect(placeholders[0]!.message).toContain('missing evidence, not zero');
  });

  it('Carrier Directory is ready for Production and says why', () => {
    const r = get('Carrier Directory').readiness!;
    expect(r).toMatchObject({ ready: true, backed: true, next: 'production', criteria: { met: 8, total: 8, contradicted: 0 } });
    expect(r.observation).toMatchObject({ since: '2026-10-27', complete: true });
    expect(r.tenure).toMatchObject({ since: '2026-10-27', days: 28 });
    expect(r.coverage.integration).toMatchObject({ value: 84 });
  });

  it('explains a component held back by its dependencies, blockers and open criteria', () => {
    const r = get('Billing Engine').readiness!;
    expect(r.ready).toBe(false);
    expect(r.dependencies.map((d) => [d.name, d.stage])).toEqual([['Ledger', 'development']]);
    expect(r.summary).toBe('Not ready for Production: 7 of 8 criteria unchecked, Ledger is at Development and 3 open blockers (1 high, 1 medium, 1 unrated).');
    // Staging is not backed: a Development → Staging box is unchecked (coverage 41%).
    expect(r.backed).toBe(false);
    expect(r.unbacked.map((o) => o.kind)).toEqual(['criteria-open', 'dependency', 'blocker']);
    expect(r.coverage.unit).toMatchObject({ value: 41, line: 131 });
  });

  it('gives every component one sentence and a score between 0 and 1', () => {
    for (const c of index.components()) {
      const r = c.readiness!;
      expect(r.summary, c.id).toMatch(/^(Ready for|Not ready for|At |Stage unknown)[^\n]*\.$/);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.ready ? r.obstacles : [], c.id).toEqual([]);
    }
  });
});

describe('queries by readiness', () => {
  const query = (raw: Record<string, unknown>): ComponentQuery => {
    const parsed = parseQueryOptions(raw);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    return parsed.query;
  };

  it('ready: true lists the components that could be promoted now', () => {
    expect(runQuery(index, query({ ready: 'true' })).map((c) => c.name)).toEqual(['Carrier Directory']);
    expect(runQuery(index, query({ ready: 'false' })).length).toBe(index.ids().length - 1);
  });

  it('sort: readiness orders by the evidence-backed score, not the raw checkbox share', () => {
    const ordered = runQuery(index, query({ sort: 'readiness', order: 'desc', stage: 'staging' }));
    expect(ordered[0]!.name).toBe('Carrier Directory');
    const scores = ordered.map((c) => c.readiness!.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Rate Quoter has 5/8 boxes, Config Service 5/8 too; the contradicted box and the
    // unfinished observation put Rate Quoter behind.
    const names = ordered.map((c) => c.name);
    expect(names.indexOf('Rate Quoter')).toBeGreaterThan(names.indexOf('Config Service'));
  });

  it('sorts by readiness even when handed only the pipeline (views built elsewhere)', () => {
    const list = index.components();
    sortComponents(list, { sort: 'readiness', order: 'desc' }, { pipeline: index.pipeline });
    expect(list[0]!.name).toBe('Carrier Directory');
  });

  it('readinessOf returns the view\'s readiness', () => {
    const c = get('Ledger');
    expect(readinessOf(c, index)).toBe(c.readiness);
  });
});
