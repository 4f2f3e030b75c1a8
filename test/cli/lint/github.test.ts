// `lint --format github`: workflow commands the Actions runner reads back to the exact path,
// line and message; paths relative to the git root (else the current directory); exit codes kept.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeCommandData, escapeCommandProperty, githubCommand } from '../../../src/cli/lint/github';
import { collectFindings } from '../../../src/cli/lint/findings';
import { ensureBuilt, runCli } from '../../helpers/cli';
import { EXAMPLE_VAULT, loadFolder, ROOT, TODAY } from '../../helpers/vault';
import { parseWorkflowCommand, type WorkflowCommand } from '../../helpers/workflow-commands';
import { note } from '../run';

ensureBuilt();

function commands(stdout: string): WorkflowCommand[] {
  const lines = stdout.trimEnd().split('\n');
  // Everything but the closing summary line is a workflow command.
  expect(lines.at(-1)).toMatch(/^\d+ problems? in \d+ components/);
  return lines.slice(0, -1).map((line) => {
    const parsed = parseWorkflowCommand(line);
    expect(parsed, line).not.toBeNull();
    return parsed!;
  });
}

/** A throwaway git checkout (a `.git` folder is what marks the root) with notes under `sub`. */
function repository(sub: string, notes: Record<string, string>): { root: string; vault: string } {
  const root = mkdtempSync(join(tmpdir(), 'mm-repo-'));
  mkdirSync(join(root, '.git'));
  const vault = join(root, sub);
  for (const [path, text] of Object.entries(notes)) {
    mkdirSync(join(vault, path, '..'), { recursive: true });
    writeFileSync(join(vault, path), text);
  }
  return { root, vault };
}

describe('escaping', () => {
  it('percent-encodes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeCommandData('100% done\r\nnext::line, a:b')).toBe('100%25 done%0D%0Anext::line, a:b');
    expect(escapeCommandProperty('a b/c,d:e%f\ng')).toBe('a b/c%2Cd%3Ae%25f%0Ag');
  });

  it('round-trips hostile text through the runner’s parser', () => {
    const message = 'Evil %0A "quoted" ::error file=x.md::forged, a:b %25 done';
    const path = 'notes/a, b: c %41 #1.md';
    const line = githubCommand({ file: 'x', line: 7, code: 'stale', severity: 'warning', message, related: [], vaultWide: false }, { pathOf: () => path });
    expect(parseWorkflowCommand(line)).toEqual({ command: 'warning', properties: { file: path, line: '7', title: 'stale' }, data: message });
  });

  it('shows control characters in note text as escapes (the sanitiser), so no line is forged and no escape sequence reaches the log', () => {
    const message = 'clear\u001b[2J\u001b]52;c;aGk=\u0007 next\r\n::error::forged \u202e';
    const line = githubCommand({ file: 'x', line: 1, code: 'stale', severity: 'error', message, related: [], vaultWide: false }, { pathOf: () => 'odd\u001b[31mname.md' });
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    const parsed = parseWorkflowCommand(line)!;
    expect(parsed.data).toBe('clear\\x1b[2J\\x1b]52;c;aGk=\\x07 next\\r\\n::error::forged \\u202e');
    expect(parsed.properties['file']).toBe('odd\\x1b[31mname.md');
  });

  it('keeps a line break in a path exact (percent-encoded, which the runner decodes), so the annotation lands on that file', () => {
    const line = githubCommand({ file: 'x', line: 3, code: 'stale', severity: 'warning', message: 'm', related: [], vaultWide: false }, { pathOf: () => 'notes/two\nlines\r.md' });
    expect(line).toBe('::warning file=notes/two%0Alines%0D.md,line=3,title=stale::m');
    expect(parseWorkflowCommand(line)!.properties['file']).toBe('notes/two\nlines\r.md');
  });

  it('maps severities to error, warning and notice', () => {
    const at = (severity: 'error' | 'warning' | 'info') => githubCommand({ file: null, code: 'stale', severity, message: 'm', related: [], vaultWide: true }, { pathOf: (id) => id });
    expect([at('error'), at('warning'), at('info')]).toEqual(['::error title=stale::m', '::warning title=stale::m', '::notice title=stale::m']);
  });
});

describe('lint --format github on the example vault', () => {
  const out = runCli(['lint', EXAMPLE_VAULT, '--today', TODAY, '--format', 'github']);
  const findings = collectFindings(loadFolder(EXAMPLE_VAULT));

  it('prints one command per diagnostic, info as notices, at the note’s path from the repository root', () => {
    const parsed = commands(out.stdout);
    expect(parsed).toHaveLength(findings.length);
    const expected = findings.map((f) => ({
      command: f.severity === 'info' ? 'notice' : f.severity,
      file: `examples/vault/${f.file}`,
      line: f.line === undefined ? undefined : String(f.line),
      title: f.code,
      data: f.message,
    }));
    expect(parsed.map((c) => ({ command: c.command, file: c.properties['file'], line: c.properties['line'], title: c.properties['title'], data: c.data }))).toEqual(expected);
    expect(parsed.some((c) => c.command === 'notice')).toBe(true);
  });

  it('keeps lint’s exit codes: 1 with errors, whatever the format', () => {
    expect(out.code).toBe(1);
    expect(runCli(['lint', EXAMPLE_VAULT, '--today', TODAY]).code).toBe(1);
    expect(runCli(['lint', EXAMPLE_VAULT, '--today', TODAY, '--format', 'github', '--fail-on', 'none']).code).toBe(0);
  });
});

describe('fail levels', () => {
  // Warnings only: a stale note, no errors.
  const { vault } = repository('notes', { 'a.md': note('Alpha', 'Development').replace('2026-11-20', '2025-01-01') });
  const code = (...args: string[]) => runCli(['lint', vault, '--today', TODAY, ...args]).code;

  it('exits 0 on warnings by default and 1 from --fail-on warning or --warnings-as-errors', () => {
    expect(code()).toBe(0);
    expect(code('--format', 'github')).toBe(0);
    expect(code('--format', 'github', '--fail-on', 'warning')).toBe(1);
    expect(code('--format', 'sarif', '--fail-on', 'warning')).toBe(1);
    expect(code('--warnings-as-errors')).toBe(1);
    expect(code('--fail-on', 'info')).toBe(1);
  });

  it('exits 2 on a bad level, a bad format, or contradicting flags', () => {
    const bad = runCli(['lint', vault, '--fail-on', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-on expects one of error, warning, info, none');
    expect(code('--format', 'junit')).toBe(2);
    expect(code('--warnings-as-errors', '--fail-on', 'error')).toBe(2);
  });
});

describe('hostile names and paths', () => {
  const forged = 'Evil %0A::error file=x.md::forged, a:b "quoted"';
  const { vault } = repository('team notes/maturity', {
    'a, b: c %41 #1.md': note('Payments "Core"', 'Production', [forged, 'Ledger']),
    'Ledger.md': note('Ledger', 'Development'),
  });
  const out = runCli(['lint', vault, '--today', TODAY, '--format', 'github']);
  const parsed = commands(out.stdout);
  const byTitle = (title: string) => parsed.find((c) => c.properties['title'] === title)!;

  it('keeps every diagnostic on its own line and reads back the exact path and message', () => {
    expect(parsed.filter((c) => c.properties['file'] === 'x.md')).toHaveLength(0);
    expect(parsed).toHaveLength(collectFindings(loadFolder(vault)).length);
    const unresolved = byTitle('dependency-unresolved');
    expect(unresolved.properties['file']).toBe('team notes/maturity/a, b: c %41 #1.md');
    expect(unresolved.data).toBe(`Dependency "${forged}" is not a known component.`);
    expect(byTitle('stage-inversion').data).toContain('Ledger');
  });

  it('writes paths relative to the current directory outside a git repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-plain-'));
    mkdirSync(join(dir, 'my vault'));
    writeFileSync(join(dir, 'my vault', 'Ledger.md'), note('Ledger', 'Production', ['Missing']));
    const plain = commands(runCli(['lint', 'my vault', '--today', TODAY, '--format', 'github'], { cwd: dir }).stdout);
    expect(plain.length).toBeGreaterThan(0);
    expect(new Set(plain.map((c) => c.properties['file']))).toEqual(new Set(['my vault/Ledger.md']));
  });

  it('takes the repository root from the notes, not from where it runs', () => {
    const elsewhere = runCli(['lint', vault, '--today', TODAY, '--format', 'github'], { cwd: ROOT });
    expect(commands(elsewhere.stdout).every((c) => c.properties['file']!.startsWith('team notes/maturity/'))).toBe(true);
  });
});
