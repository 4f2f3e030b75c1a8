// The command line as users run it: output, JSON shape, exit codes, bad input.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/cli';

beforeAll(ensureBuilt);

describe('maturity-map scan', () => {
  it('prints the example vault grouped by stage with progress and diagnostics', () => {
    const { code, stdout } = runCli(['scan', 'examples/vault', '--today', '2026-11-24']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Production \(4\)$/m);
    expect(stdout).toMatch(/^Staging \(9\)$/m);
    expect(stdout).toMatch(/Billing Engine {2}· {2}D→S 6\/7 \(claims 7\/7\)/);
    expect(stdout).toMatch(/status-count-mismatch/);
    expect(stdout).toMatch(/18 components: 5 development, 9 staging, 4 production/);
  });

  it('prints the documented JSON shape', () => {
    const { code, stdout } = runCli(['scan', 'examples/vault', '--json', '--today', '2026-11-24']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { components: Array<Record<string, unknown>>; diagnostics: unknown[]; summary: { components: number } };
    expect(json.summary.components).toBe(18);
    const billing = json.components.find((c) => c['name'] === 'Billing Engine')!;
    expect(Object.keys(billing)).toEqual(expect.arrayContaining(['id', 'name', 'stage', 'stageNote', 'transitions', 'dependencies', 'dependents', 'blockers', 'diagnostics']));
    expect(billing['id']).toBe('Components/Billing Engine.md');
    expect(billing['stage']).toBe('staging');
    expect(billing['transitions']).toContainEqual(expect.objectContaining({ from: 'development', to: 'staging', met: 6, total: 7, claimedMet: 7, claimedTotal: 7 }));
    expect(billing['dependencies']).toContainEqual(expect.objectContaining({ name: 'Ledger', id: 'Components/Ledger.md', declaredStage: 'development' }));
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ code: 'dependency-cycle' }));
  });

  it('filters by --tag and measures staleness from --today', () => {
    const tagged = JSON.parse(runCli(['scan', 'examples/vault', '--json', '--tag', 'storage']).stdout) as { components: Array<{ name: string }> };
    expect(tagged.components.map((c) => c.name)).toEqual(['Session Store']);
    const early = JSON.parse(runCli(['scan', 'examples/vault', '--json', '--today', '2025-12-15']).stdout) as { components: Array<{ name: string; stale: boolean }> };
    expect(early.components.filter((c) => c.stale)).toEqual([]);
  });
});

describe('maturity-map lint', () => {
  it('exits 1 when an error-level diagnostic exists', () => {
    const { code, stdout } = runCli(['lint', 'examples/vault', '--today', '2026-11-24']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Components\/Billing Engine\.md:\d+: error status-count-mismatch:/m);
  });

  it('exits 0 on a clean vault', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-clean-'));
    writeFileSync(join(dir, 'Api.md'), '# Api Maturity Status\n\n**Current Stage**: Development\n**Last Updated**: 2026-11-20\n**Owner**: me\n\n## Criteria\n\n### Development → Staging\n\n- [x] a\n- [ ] b\n\n**Status**: 1/2 criteria met\n');
    const { code, stdout } = runCli(['lint', dir, '--today', '2026-11-24']);
    expect(stdout).toMatch(/0 problems in 1 components/);
    expect(code).toBe(0);
  });
});

describe('bad input', () => {
  it('explains a missing folder without a stack trace', () => {
    const { code, stderr } = runCli(['scan', 'no/such/folder']);
    expect(code).toBe(2);
    expect(stderr).toBe('maturity-map scan: no such directory: ' + join(process.cwd(), 'no/such/folder') + '\n');
  });

  it('rejects a malformed --today and unknown options', () => {
    expect(runCli(['scan', 'examples/vault', '--today', 'yesterday'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--today expects a date/) });
    expect(runCli(['scan', 'examples/vault', '--colour'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option/) });
    expect(runCli(['frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command/) });
  });

  it('skips binary files and keeps going', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-binary-'));
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes/blob.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    writeFileSync(join(dir, 'notes/Api.md'), '# Api Maturity Status\n\n**Current Stage**: Staging\n**Owner**: me\n');
    const { code, stdout, stderr } = runCli(['scan', dir, '--today', '2026-11-24']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/skipped notes\/blob\.md: binary content/);
    expect(stdout).toMatch(/^ {2}Api$/m);
  });

  it('prints help', () => {
    expect(runCli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/Commands:\n {2}scan/) });
    expect(runCli(['lint', '--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/--warnings-as-errors/) });
  });
});
