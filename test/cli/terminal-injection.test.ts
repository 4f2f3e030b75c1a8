// Terminal injection through every text command of the built CLI: every control character (C0,
// DEL, C1 with the one-byte CSI U+009B) and the escape sequences a probe used (clear screen + a
// fake green "ALL CHECKS PASSED", OSC 52 clipboard, DCS, bidi override, a newline that forges an
// output line) sit in file names, component names, owners, stage qualifiers, dependencies,
// criteria and blockers. Nothing may reach stdout or stderr raw; colour comes only from us.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, runCli } from '../helpers/cli';

beforeAll(ensureBuilt);

const C0 = Array.from({ length: 0x1f }, (_, i) => String.fromCharCode(i + 1)); // NUL cannot be in a file name or argument; a NUL in a note makes it binary (skipped): visible() covers it in terminal.test.ts
const C1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));
const CHARS = [...C0, '\x7f', ...C1];
const SEQUENCES: Record<string, string> = {
  clear: '\x1b[2J\x1b[H\x1b[32mALL CHECKS PASSED\x1b[0m',
  osc52: '\x1b]52;c;SGVsbG8=\x07',
  dcs: '\x1bP1$q\x1b\\',
  c1csi: '\u009b2J',
  bidi: '\u202eevil\u202c',
  forge: '\nFORGED LINE',
};
const PAYLOADS: Array<[string, string]> = [...CHARS.map((c): [string, string] => [c.charCodeAt(0).toString(16), c]), ...Object.entries(SEQUENCES)];
const EVERYTHING = CHARS.join('') + Object.values(SEQUENCES).join('');

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const OUR_SGR = /\x1b\[(?:1|2|22|31|32|33|39)m/g;

/** YAML double-quoted: JSON's escapes plus \uXXXX for DEL and C1, which YAML does not allow raw. */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A note with `payload` in every field a command prints; CR/LF (which end a line) only in the name. */
function hostileNote(tag: string, payload: string): string {
  const p = payload.replace(/[\r\n]/g, '');
  return [
    '---',
    `component: ${yamlString(`Comp ${tag} ${payload} end @alice`)}`,
    'tags: [maturity]',
    '---',
    `# Comp ${tag}`,
    '',
    `**Current Stage**: Development (qual ${p} ifier)`,
    `**Owner**: own${p}er @alice`,
    '**Last Updated**: 2026-11-20',
    '',
    '**Dependencies**:',
    `- [[Dep ${tag} ${p} x]] (Staging)`,
    '',
    '### Development → Staging',
    `- [x] crit ${p} one`,
    `- [ ] crit ${p} two`,
    '',
    '**Status**: 2/2 criteria met',
    '',
    '## Current Blockers',
    `- [ ] blocker ${p} text (Staging)`,
    '',
  ].join('\n');
}

let vault: string;
let promoteTarget: string;

beforeAll(() => {
  vault = mkdtempSync(join(tmpdir(), 'mm-inject-'));
  mkdirSync(join(vault, '.obsidian'));
  for (const [tag, payload] of PAYLOADS) writeFileSync(join(vault, `n-${tag}-${payload}-x.md`), hostileNote(tag, payload));
  // Every control character and sequence at once, in the file name and in every field.
  promoteTarget = join(vault, `all-${EVERYTHING}.md`);
  writeFileSync(promoteTarget, hostileNote('all', EVERYTHING));
  // A binary note (NUL bytes) is skipped and reported on stderr, its name escaped.
  writeFileSync(join(vault, `bin-${SEQUENCES.clear}.md`), Buffer.from([0x23, 0x00, 0x01]));
});

/** A fresh copy of the hostile vault, for the commands that write notes. */
function copyOfVault(): string {
  const copy = mkdtempSync(join(tmpdir(), 'mm-inject-copy-'));
  cpSync(vault, copy, { recursive: true });
  return copy;
}

function expectInert(output: string, what: string): void {
  const raw = RAW.exec(output);
  expect(raw, `${what}: raw U+${raw?.[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(output.slice(Math.max(0, (raw?.index ?? 0) - 40), (raw?.index ?? 0) + 20))}`).toBeNull();
  expect(output.includes('\x1b'), `${what}: ESC`).toBe(false);
  expect(output, `${what}: a forged line`).not.toMatch(/^FORGED LINE/m);
}

/** The clear-screen payload must show as text (`\x1b[2J`, with its backslash escaped in Markdown and DOT). */
function expectShown(output: string, what: string): void {
  expect(output, what).toMatch(/\\{1,2}x1b\[2J\\{1,2}x1b\[H\\{1,2}x1b\[32mALL CHECKS PASSED/);
}

const TEXT_COMMANDS: Array<{ name: string; args: () => string[]; shows: boolean; code?: number }> = [
  { name: 'scan', args: () => ['scan', vault, '--today', '2026-11-24', '--verbose'], shows: true },
  { name: 'scan --json', args: () => ['scan', vault, '--json', '--today', '2026-11-24'], shows: false },
  { name: 'lint', args: () => ['lint', vault, '--today', '2026-11-24'], shows: true },
  { name: 'lint --format github', args: () => ['lint', vault, '--format', 'github', '--today', '2026-11-24'], shows: true },
  { name: 'lint --format sarif', args: () => ['lint', vault, '--format', 'sarif', '--today', '2026-11-24'], shows: false },
  { name: 'readiness', args: () => ['readiness', vault, '--today', '2026-11-24'], shows: true },
  { name: 'readiness --format markdown', args: () => ['readiness', vault, '--format', 'markdown', '--today', '2026-11-24'], shows: true },
  { name: 'readiness --json', args: () => ['readiness', vault, '--json', '--today', '2026-11-24'], shows: false },
  { name: 'report', args: () => ['report', vault, '--today', '2026-11-24'], shows: true },
  { name: 'graph (mermaid)', args: () => ['graph', vault], shows: false },
  { name: 'graph --format dot', args: () => ['graph', vault, '--format', 'dot'], shows: true },
  { name: 'graph --format json', args: () => ['graph', vault, '--format', 'json'], shows: false },
  { name: 'graph --format canvas', args: () => ['graph', vault, '--format', 'canvas'], shows: false },
  { name: 'dashboard (to stdout)', args: () => ['dashboard', vault], shows: false },
  { name: 'export --format backstage', args: () => ['export', vault, '--format', 'backstage', '--today', '2026-11-24'], shows: false },
  { name: 'fix --dry-run', args: () => ['fix', vault, '--dry-run'], shows: true },
  { name: 'fix --check', args: () => ['fix', vault, '--check'], shows: true },
  { name: 'promote --dry-run', args: () => ['promote', promoteTarget, '--to', `staging`, '--reference', `ref ${EVERYTHING}`, '--today', '2026-11-24', '--dry-run'], shows: true },
  { name: 'promote --dry-run --force', args: () => ['promote', promoteTarget, '--to', 'staging', '--force', '--today', '2026-11-24', '--dry-run'], shows: true },
  { name: 'promote (refused, hostile --to)', args: () => ['promote', promoteTarget, '--to', `nowhere${EVERYTHING}`, '--today', '2026-11-24'], shows: true },
  // The writing commands, each on its own copy of the vault: what they print about what they wrote.
  { name: 'fix (writes)', args: () => ['fix', copyOfVault()], shows: true, code: 0 },
  { name: 'promote (writes)', args: () => ['promote', join(copyOfVault(), promoteTarget.slice(vault.length + 1)), '--to', 'staging', '--reference', `ref ${EVERYTHING}`, '--force', '--today', '2026-11-24'], shows: true, code: 0 },
  { name: 'unknown command', args: () => [`sc${EVERYTHING}an`], shows: true },
];

describe('no control character reaches the terminal', () => {
  for (const command of TEXT_COMMANDS) {
    it(command.name, () => {
      const { stdout, stderr, code } = runCli(command.args());
      expect(code, stderr).not.toBeNull();
      if (command.code !== undefined) expect(code, stderr).toBe(command.code);
      expectInert(stdout, `${command.name} stdout`);
      expectInert(stderr, `${command.name} stderr`);
      if (command.shows) expectShown(stdout + stderr, command.name);
    });
  }

  it('JSON output parses back to the note text exactly', () => {
    const json = JSON.parse(runCli(['scan', vault, '--json', '--today', '2026-11-24']).stdout) as { components: Array<{ name: string; id: string }> };
    const all = json.components.find((c) => c.id.startsWith('all-'))!;
    expect(all.id).toBe(`all-${EVERYTHING}.md`); // the file name, every control character as written
    expect(all.name).toContain(SEQUENCES.clear);
  });

  it('a newline in a file name cannot forge a line: it shows as \\n in the line it belongs to', () => {
    const { stdout } = runCli(['lint', vault, '--today', '2026-11-24']);
    expect(stdout).toMatch(/^n-forge-\\nFORGED LINE-x\.md:\d+: /m);
    expect(stdout).toMatch(/^n-a-\\n-x\.md:\d+: /m);
  });

  it('skipped files are reported with their names escaped', () => {
    const { stderr } = runCli(['scan', vault, '--today', '2026-11-24']);
    expect(stderr).toContain('maturity-map: skipped bin-\\x1b[2J\\x1b[H\\x1b[32mALL CHECKS PASSED\\x1b[0m.md: binary content');
  });

  it('the Markdown report and the readiness Markdown keep @mentions inert', () => {
    for (const args of [['report', vault], ['readiness', vault, '--format', 'markdown']]) {
      const { stdout } = runCli(args);
      expect(stdout).toContain('@&#8203;alice');
      expect(stdout).not.toMatch(/(^|[^\w])@alice/m);
    }
  });

  it('a DOT file written with -o holds no raw control character either', () => {
    const out = join(vault, '..', `${vault.split('/').pop()}-graph.dot`);
    expect(runCli(['graph', vault, '--format', 'dot', '-o', out]).code).toBe(0);
    const dot = readFileSync(out, 'utf8');
    expectInert(dot, 'graph.dot');
    expect(dot).toMatch(/tooltip="n-1b-\\\\x1b-x\.md"/);
  });
});

describe('colour comes only from our own code', () => {
  const coloured = { FORCE_COLOR: '1', NO_COLOR: '' };
  for (const command of TEXT_COMMANDS.filter((c) => ['scan', 'lint', 'readiness', 'promote --dry-run', 'promote (refused, hostile --to)'].includes(c.name))) {
    it(`${command.name} with FORCE_COLOR`, () => {
      const { stdout, stderr } = runCli(command.args(), { env: coloured });
      expect(stdout).toMatch(OUR_SGR); // colour is on
      const stripped = stdout.replace(OUR_SGR, '');
      expectInert(stripped, `${command.name} stdout without our colours`);
      expectInert(stderr, `${command.name} stderr`);
      // The payload's own green "pass" is shown as text, never as colour.
      expect(stdout).not.toContain('\x1b[32mALL CHECKS PASSED');
      expectShown(stdout, command.name);
    });
  }

  it('a diff is never coloured: the note\'s own sequences show as text', () => {
    const { stdout } = runCli(['fix', vault, '--dry-run'], { env: coloured });
    expectInert(stdout, 'fix --dry-run');
    expectShown(stdout, 'fix --dry-run');
  });

  it('no colour with NO_COLOR even when FORCE_COLOR is set, nor on a pipe by default', () => {
    expect(runCli(['lint', vault], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\x1b');
    expect(runCli(['lint', vault], { env: { NO_COLOR: '', FORCE_COLOR: '' } }).stdout).not.toContain('\x1b');
  });

  /**
   * The CLI on a real terminal: util-linux `script` gives it a pseudo-terminal (stdout.isTTY is
   * true, as in a user's shell). The pty turns each line end into CRLF; that is the terminal's doing.
   */
  function onTerminal(args: string[], env: Record<string, string>): string {
    const quote = (a: string) => `'${a.replace(/'/g, "'\\''")}'`;
    const command = [process.execPath, CLI, ...args].map(quote).join(' ');
    const clean: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
    delete clean['NO_COLOR'];
    delete clean['FORCE_COLOR'];
    Object.assign(clean, env);
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: clean });
    expect(result.error, 'util-linux script runs').toBeUndefined();
    return result.stdout.replace(/\r\n/g, '\n');
  }

  it('on a terminal: colour by default, our sequences only; none with NO_COLOR or TERM=dumb', () => {
    const args = ['lint', vault, '--today', '2026-11-24'];
    const coloured = onTerminal(args, {});
    expect(coloured).toMatch(OUR_SGR);
    expectInert(coloured.replace(OUR_SGR, ''), 'lint on a terminal without our colours');
    expectShown(coloured, 'lint on a terminal');
    const plainEnvs: Array<Record<string, string>> = [{ NO_COLOR: '1' }, { TERM: 'dumb' }, { NO_COLOR: '1', FORCE_COLOR: '1' }];
    for (const env of plainEnvs) {
      const plain = onTerminal(args, env);
      expect(plain, JSON.stringify(env)).toContain('problems in');
      expectInert(plain, `lint on a terminal with ${JSON.stringify(env)}`);
    }
  });
});
