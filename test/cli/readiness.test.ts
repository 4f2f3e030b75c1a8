// `maturity-map readiness` as CI runs it: the built CLI on the example vault and on a clean repo.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadinessReportJSON } from '../../src/core/readiness/json';
import { ensureBuilt, runCli } from '../helpers/cli';
import { EXAMPLE_VAULT, TODAY } from '../helpers/vault';

const run = (...args: string[]) => runCli(args);

const CLEAN_NOTE = `# Berth Planner Maturity Status

**Current Stage**: Staging
**Promoted to Staging**: 2026-10-01
**Last Updated**: 2026-11-20

## Maturity Criteria

### Development → Staging

- [x] Core features complete (80%+ of planned functionality)
- [x] Unit tests passing (≥70% coverage) - **Currently 83%**

**Status**: 2/2 criteria met

### Staging → Production

- [ ] Integration tests passing (≥80% coverage)
- [ ] 7-day uptime in staging ≥99.5%

**Status**: 0/2 criteria met
`;

describe('maturity-map readiness', () => {
  let repo = '';
  beforeAll(() => {
    ensureBuilt();
    repo = mkdtempSync(join(tmpdir(), 'mm-readiness-'));
    mkdirSync(join(repo, 'services/berth-planner'), { recursive: true });
    writeFileSync(join(repo, 'services/berth-planner/MATURITY.md'), CLEAN_NOTE);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('prints a table and one sentence per component, readiest first', () => {
    const { code, stdout } = run('readiness', EXAMPLE_VAULT, '--today', TODAY);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[2]).toMatch(/^ {2}Component\s+Stage\s+Next\s+Criteria\s+Evidence\s+Observation\s+Blockers\s+In stage\s+Ready\s+Backed$/);
    expect(lines[3]).toMatch(/^ {2}Carrier Directory\s+Staging\s+Production\s+8\/8\s+agrees\s+done \(7d\)\s+—\s+28d\s+yes\s+yes$/);
    expect(stdout).toContain('Rate Quoter: Not ready for Production: 3 of 8 criteria unchecked, Carrier Directory is at Staging, 1 open blocker (1 medium) and 2 of 7 observation days left.');
    expect(stdout).toContain('line 39: "Unit tests passing (≥70% coverage)" is checked, but unit coverage 52% (line 101) is below ≥70%');
    expect(stdout).toMatch(/18 components: 1 ready to promote, 8 with a stage not backed by their evidence\n$/);
  });

  it('exits 1 with --strict when a stage is not backed, 0 on a repo whose evidence backs every stage', () => {
    expect(run('readiness', EXAMPLE_VAULT, '--today', TODAY, '--strict').code).toBe(1);
    const clean = run('readiness', repo, '--today', TODAY, '--strict');
    expect(clean.stdout).toContain('Berth Planner: Not ready for Production: 2 of 2 criteria unchecked.');
    expect(clean.code).toBe(0);
  });

  it('--json gives the documented shape; --ready keeps the components that could be promoted now', () => {
    const all = JSON.parse(run('readiness', EXAMPLE_VAULT, '--today', TODAY, '--json').stdout) as ReadinessReportJSON;
    expect(all).toMatchObject({ version: 1, today: TODAY, summary: { components: 18, ready: 1, unbacked: 8 } });
    const quoter = all.components.find((c) => c.name === 'Rate Quoter')!;
    expect(quoter).toMatchObject({ stage: 'staging', next: 'production', ready: false, backed: false, observation: { remainingDays: 2 } });
    expect(quoter.checks.find((c) => c.verdict === 'contradicted')).toMatchObject({ line: 39, evidence: { value: 52, line: 101 } });
    const ready = JSON.parse(run('readiness', EXAMPLE_VAULT, '--today', TODAY, '--format', 'json', '--ready').stdout) as ReadinessReportJSON;
    expect(ready.components.map((c) => c.name)).toEqual(['Carrier Directory']);
  });

  it('--format markdown prints a GFM table with note text escaped', () => {
    const { stdout } = run('readiness', EXAMPLE_VAULT, '--today', TODAY, '--format', 'markdown', '--sort', 'name');
    expect(stdout).toContain('| Component | Stage | Next | Criteria | Evidence | Observation | Blockers | In stage | Ready | Backed |');
    expect(stdout).toContain('| Auth Gateway | Production | — |');
    expect(stdout).not.toMatch(/(^|[^\\])<img/);
    expect(stdout).toContain("| &lt;img src=x onerror=alert('xss-name')&gt; Status Widget |");
  });

  it('rejects an unknown format or sort key with exit 2', () => {
    expect(run('readiness', EXAMPLE_VAULT, '--format', 'xml')).toMatchObject({ code: 2, stderr: expect.stringContaining('--format expects one of table, markdown, json') });
    expect(run('readiness', EXAMPLE_VAULT, '--sort', 'mood').code).toBe(2);
  });
});
