// `lint --format sarif`: a SARIF 2.1.0 log that Microsoft's SARIF Multitool validates, one rule per
// diagnostic code with its help, one result per diagnostic at a percent-encoded path from the
// repository root; exit codes kept.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { pathToUriReference } from '../../../src/cli/lint/sarif';
import { collectFindings } from '../../../src/cli/lint/findings';
import { DIAGNOSTIC_CATALOGUE, DIAGNOSTIC_CODES } from '../../../src/core/diagnostic-catalogue';
import { ensureBuilt, runCli } from '../../helpers/cli';
import { multitoolPath, validateSarif } from '../../helpers/sarif';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../../helpers/vault';
import { note } from '../run';

ensureBuilt();

function sarif(args: string[]): { code: number; log: Sarif.Log } {
  const out = runCli(['lint', ...args, '--format', 'sarif']);
  expect(out.stderr).toBe('');
  return { code: out.code, log: JSON.parse(out.stdout) as Sarif.Log };
}

/** The multitool may only say the tool has no informationUri: the project has no public home page yet. */
function expectValid(log: Sarif.Log): void {
  const problems = validateSarif(log).filter((p) => p.ruleId !== 'SARIF2005');
  expect(problems).toEqual([]);
}

describe('the SARIF multitool', () => {
  it('is installed and rejects a broken log (so a pass means something)', () => {
    expect(existsSync(multitoolPath())).toBe(true);
    const broken = validateSarif({ version: '2.1.0' });
    expect(broken.map((p) => p.ruleId)).toContain('JSON1002');
  });
});

describe('lint --format sarif on the example vault', () => {
  const { code, log } = sarif([EXAMPLE_VAULT, '--today', TODAY]);
  const run = log.runs[0]!;
  const rules = run.tool.driver.rules!;
  const findings = collectFindings(loadFolder(EXAMPLE_VAULT));

  it('is valid SARIF 2.1.0', () => {
    expect(log.version).toBe('2.1.0');
    expectValid(log);
  });

  it('has one rule per diagnostic code, with its help text and default level', () => {
    expect(rules.map((r) => r.id)).toEqual(DIAGNOSTIC_CODES);
    for (const rule of rules) {
      const entry = DIAGNOSTIC_CATALOGUE[rule.id as keyof typeof DIAGNOSTIC_CATALOGUE];
      expect(rule.help?.text).toContain(entry.help);
      expect(rule.fullDescription?.text).toBe(entry.summary);
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    }
    expect(rules.find((r) => r.id === 'status-count-mismatch')!.defaultConfiguration).toEqual({ level: 'error' });
  });

  it('has one result per diagnostic, at its note and line, with its rule', () => {
    expect(run.results).toHaveLength(findings.length);
    run.results!.forEach((result, i) => {
      const f = findings[i]!;
      expect(result.ruleId).toBe(f.code);
      expect(rules[result.ruleIndex!]!.id).toBe(f.code);
      expect(result.level).toBe(f.severity === 'info' ? 'note' : f.severity);
      expect(result.message.text).toBe(f.message);
      const where = result.locations![0]!.physicalLocation!;
      expect(where.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(where.artifactLocation!.uri).toBe(pathToUriReference(`examples/vault/${f.file}`));
      expect(where.region!.startLine).toBe(f.line ?? 1);
    });
    expect(run.results!.some((r) => r.level === 'note')).toBe(true);
  });

  it('keeps lint’s exit code', () => {
    expect(code).toBe(1);
    expect(sarif([EXAMPLE_VAULT, '--today', TODAY, '--fail-on', 'none']).code).toBe(0);
  });
});

describe('paths and settings', () => {
  const root = mkdtempSync(join(tmpdir(), 'mm-sarif-repo-'));
  mkdirSync(join(root, '.git'));
  const vault = join(root, 'docs', 'team notes');
  mkdirSync(vault, { recursive: true });
  writeFileSync(join(vault, '100% ready #1, a:b?.md'), note('Payments "Core"', 'Production', ['Evil ::error:: %0A "dep"', 'Ledger']));
  writeFileSync(join(vault, 'Ledger.md'), note('Ledger', 'Development'));
  writeFileSync(join(vault, 'binary.md'), Buffer.from([0, 1, 2, 0, 255, 0]));
  writeFileSync(join(vault, '.maturity-map.json'), JSON.stringify({ severity: { 'stage-criteria-unmet': 'off', stale: 'info' } }));

  it('percent-encodes spaces, %, # and ? so each URI names exactly one file', () => {
    expect(pathToUriReference('docs/team notes/100% ready #1, a:b?.md')).toBe('docs/team%20notes/100%25%20ready%20%231%2C%20a%3Ab%3F.md');
    const out = runCli(['lint', vault, '--today', TODAY, '--format', 'sarif']);
    const log = JSON.parse(out.stdout) as Sarif.Log;
    expectValid(log);
    const uris = new Set(log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri!));
    expect(uris).toContain('docs/team%20notes/100%25%20ready%20%231%2C%20a%3Ab%3F.md');
    for (const uri of uris) expect(existsSync(join(root, ...uri.split('/').map(decodeURIComponent)))).toBe(true);
    expect(log.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri).toMatch(/^file:\/\/.*\/$/);
  });

  it('follows severity settings: off disables the rule, an override sets its level', () => {
    const log = JSON.parse(runCli(['lint', vault, '--today', TODAY, '--format', 'sarif']).stdout) as Sarif.Log;
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.find((r) => r.id === 'stage-criteria-unmet')!.defaultConfiguration!.enabled).toBe(false);
    expect(rules.find((r) => r.id === 'stale')!.defaultConfiguration!.level).toBe('note');
    expect(log.runs[0]!.results!.some((r) => r.ruleId === 'stage-criteria-unmet')).toBe(false);
  });

  it('reports skipped files as tool notifications, not results', () => {
    const out = runCli(['lint', vault, '--today', TODAY, '--format', 'sarif', '-o', join(root, 'out.sarif')]);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('skipped binary.md');
    const log = JSON.parse(readFileSync(join(root, 'out.sarif'), 'utf8')) as Sarif.Log;
    const notes = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes.map((n) => n.locations![0]!.physicalLocation!.artifactLocation!.uri)).toEqual(['docs/team%20notes/binary.md']);
    expect(log.runs[0]!.results!.some((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri!.includes('binary'))).toBe(false);
  });
});
