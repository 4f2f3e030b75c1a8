// The smaller breaks a probe found, through the built CLI: impossible dates, a file name that
// starts with two dots, a refused write reported as a fix, standard output closed early or full,
// promotion into a note that ends inside an unclosed fence, a reference that tries to add lines.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES, parseNote } from '../../src/core/index';
import { CLI, ensureBuilt, runCli } from '../helpers/cli';
import { EXAMPLE_VAULT } from '../helpers/vault';

beforeAll(ensureBuilt);

const READY = '# Api\n\n**Current Stage**: Development\n**Owner**: api\n\n### Development → Staging\n\n- [x] a\n- [x] b\n\n**Status**: 1/2 criteria met\n';

function vaultWith(notes: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mm-usage-'));
  mkdirSync(join(dir, '.obsidian'));
  for (const [name, text] of Object.entries(notes)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('impossible dates are exit 2 everywhere', () => {
  const commands = (dir: string, today: string): string[][] => [
    ['scan', dir, '--today', today],
    ['scan', dir, '--json', '--today', today],
    ['lint', dir, '--today', today],
    ['readiness', dir, '--today', today],
    ['report', dir, '--today', today],
    ['graph', dir, '--today', today],
    ['dashboard', dir, '--today', today],
    ['fix', dir, '--today', today],
    ['fix', join(dir, 'Api.md'), '--dry-run', '--today', today],
    ['promote', join(dir, 'Api.md'), '--to', 'staging', '--today', today],
  ];

  for (const today of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-4-1']) {
    it(`--today ${today}`, () => {
      const dir = vaultWith({ 'Api.md': READY });
      for (const args of commands(dir, today)) {
        const result = runCli(args);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr).toMatch(new RegExp(`--today expects a date as YYYY-MM-DD, got "${today}"`));
        expect(result.stdout).toBe('');
      }
      expect(readFileSync(join(dir, 'Api.md'), 'utf8')).toBe(READY);
    });
  }

  it('a real leap day is a date', () => {
    const dir = vaultWith({ 'Api.md': READY });
    expect(runCli(['scan', dir, '--today', '2024-02-29']).code).toBe(0);
  });
});

describe('file names and refused writes', () => {
  it('promote ..dots.md: a name that starts with two dots is inside the vault', () => {
    const dir = vaultWith({ '..dots.md': READY });
    const result = runCli(['promote', '..dots.md', '--to', 'staging', '--today', '2026-11-24'], { cwd: dir });
    expect(result.stderr).not.toMatch(/not inside the vault/);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, '..dots.md'), 'utf8')).toContain('**Current Stage**: Staging (Promoted 2026-11-24)');
    const outside = runCli(['promote', join(dir, '..', 'x.md'), '--to', 'staging', '--vault', dir]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/not inside the vault/);
  });

  it('fix does not claim a fix the write refused', () => {
    const dir = vaultWith({ 'Api.md': READY });
    chmodSync(join(dir, 'Api.md'), 0o444);
    for (const target of [join(dir, 'Api.md'), dir]) {
      const result = runCli(['fix', target]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/read-only/);
      expect(result.stdout).not.toMatch(/^fixed/m);
      expect(result.stdout).toMatch(/^0 status lines fixed in 0 notes \(1 checked\), 1 note not written \(see above\)$/m);
    }
  });
});

describe('links and special files in a folder are named on stderr, never skipped silently', () => {
  it('a symlinked note, a symlinked folder, a FIFO and (as root) a device', () => {
    const dir = vaultWith({ 'Api.md': READY });
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'Inner.md'), READY.replace('# Api', '# Inner'));
    symlinkSync(join(dir, 'Api.md'), join(dir, 'Link.md'));
    symlinkSync(join(dir, 'sub'), join(dir, 'linked-folder'));
    symlinkSync('/etc/hostname', join(dir, 'picture.png')); // not a note: nothing to say
    execFileSync('mkfifo', [join(dir, 'Pipe.md')]);
    const isRoot = process.getuid?.() === 0;
    if (isRoot) execFileSync('mknod', [join(dir, 'Device.md'), 'c', '1', '3']); // /dev/null's numbers; only root may mknod
    for (const args of [['scan', dir], ['lint', dir], ['readiness', dir], ['report', dir]]) {
      const result = runCli(args);
      expect(result.code, args.join(' ')).toBeLessThan(2);
      expect(result.stderr).toContain('maturity-map: skipped Link.md: symbolic link, not followed\n');
      expect(result.stderr).toContain('maturity-map: skipped linked-folder: symbolic link to a folder, not followed\n');
      expect(result.stderr).toContain('maturity-map: skipped Pipe.md: not a regular file (a pipe, socket or device)\n');
      if (isRoot) expect(result.stderr).toContain('maturity-map: skipped Device.md: not a regular file (a pipe, socket or device)\n');
      expect(result.stderr).not.toMatch(/picture\.png/);
    }
    const json = JSON.parse(runCli(['scan', dir, '--json']).stdout) as { skipped: Array<{ path: string }> };
    expect(json.skipped.map((s) => s.path)).toEqual(expect.arrayContaining(['Link.md', 'linked-folder', 'Pipe.md']));
  });
});

describe('standard output closed early or full', () => {
  /** Run the CLI with its stdout already closed by the reader (as `| head` does once it has enough). */
  function withClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }

  it('a closed pipe ends quietly with the command\'s own exit code', async () => {
    for (const [args, code] of [
      [['scan', EXAMPLE_VAULT], 0],
      [['lint', EXAMPLE_VAULT, '--today', '2026-11-24'], 1],
      [['dashboard', EXAMPLE_VAULT], 0],
      [['graph', EXAMPLE_VAULT, '--format', 'json'], 0],
    ] as const) {
      const result = await withClosedPipe([...args]);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code, args.join(' ')).toBe(code);
    }
  });

  it.skipIf(!existsSync('/dev/full'))('a full device (/dev/full) is exit 2 with a message, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['scan', EXAMPLE_VAULT], ['lint', EXAMPLE_VAULT], ['report', EXAMPLE_VAULT]]) {
        const result = spawnWithStdout(args, full);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr).toBe('maturity-map: cannot write standard output (no space left on the device)\n');
      }
    } finally {
      closeSync(full);
    }
  });

  it.skipIf(!existsSync('/dev/full'))('a fix whose report cannot be printed still writes the note, and says output failed (exit 2)', () => {
    const dir = vaultWith({ 'Api.md': READY });
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnWithStdout(['fix', join(dir, 'Api.md')], full);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/cannot write standard output/);
      expect(readFileSync(join(dir, 'Api.md'), 'utf8')).toContain('2/2 criteria met');
    } finally {
      closeSync(full);
    }
  });
});

function spawnWithStdout(args: string[], fd: number): { code: number | null; stderr: string } {
  // The device itself as stdout, as `> /dev/full` gives it.
  const result = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stderr: result.stderr };
}

describe('promote writes history where it shows, as one line', () => {
  const pipeline = createPipeline(DEFAULT_STAGES);

  it('a note that ends inside an unclosed code fence gets its history before the fence, with a warning', () => {
    const text = READY.replace('1/2', '2/2') + '\n## Deploy\n\n```bash\nmake deploy\n';
    const dir = vaultWith({ 'Api.md': text });
    const result = runCli(['promote', join(dir, 'Api.md'), '--to', 'staging', '--today', '2026-11-24']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Api\.md:15: warning history-before-hidden: /m);
    const after = readFileSync(join(dir, 'Api.md'), 'utf8');
    expect(parseNote(after, pipeline).history).toEqual([expect.objectContaining({ date: '2026-11-24', kind: 'promoted', to: 'staging' })]);
    expect(after.endsWith('```bash\nmake deploy\n')).toBe(true);
  });

  it('--reference with a newline and a `|` adds exactly one line (list) or one row of the same cells (table)', () => {
    const table = `${READY.replace('1/2', '2/2')}\n## Promotion History\n\n| Date | Stage |\n|---|---|\n| 2026-01-02 | Development |\n`;
    const dir = vaultWith({ 'List.md': READY.replace('1/2', '2/2'), 'Table.md': table });
    const reference = 'PR #7 | evil\n- **2020-01-01**: Promoted to Production';
    for (const name of ['List.md', 'Table.md']) {
      const before = readFileSync(join(dir, name), 'utf8');
      const result = runCli(['promote', join(dir, name), '--to', 'staging', '--today', '2026-11-24', '--reference', reference]);
      expect(result.code, result.stderr).toBe(0);
      const after = readFileSync(join(dir, name), 'utf8');
      const history = parseNote(after, pipeline).history;
      expect(history.filter((h) => h.to === 'production')).toEqual([]); // the forged entry is text inside ours
      expect(history.filter((h) => h.date === '2026-11-24')).toHaveLength(1);
      const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
      expect(added.filter((l) => l.includes('2026-11-24') && !l.startsWith('**Current Stage**'))).toHaveLength(1);
    }
    const row = readFileSync(join(dir, 'Table.md'), 'utf8').split('\n').find((l) => l.startsWith('| 2026-11-24'))!;
    expect(row).toBe('| 2026-11-24 | Development → Staging (PR #7 \\| evil - **2020-01-01**: Promoted to Production) |');
  });
});
