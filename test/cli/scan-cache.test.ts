// `--cache`: a run takes unchanged notes from the cache file and parses only the others, and what
// every command sees is what a run without the cache sees: whole components, diagnostics and all.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadVault, type LoadedVault } from '../../src/cli/context';
import { CACHE_FILE } from '../../src/cli/scan-cache';
import { scanToJSON } from '../../src/core/serialize';
import { formatScan } from '../../src/cli/format-text';
import { collectFindings } from '../../src/cli/lint/findings';
import { reportMarkdown } from '../../src/cli/report-markdown';
import { restParsed } from '../../src/plugin-cache/note-record';
import { CORPUS, corpusAvailable, EXAMPLE_VAULT, listMarkdown, ROOT, TODAY } from '../helpers/vault';
import { run } from './run';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mm-cache-'));
  made.push(dir);
  return dir;
}

function exampleCopy(): string {
  const dir = tempDir();
  cpSync(EXAMPLE_VAULT, dir, { recursive: true });
  return dir;
}

/** Everything a command reads of the vault: components whole (notes, views), vault findings, skipped files. */
function seen(vault: LoadedVault): string {
  const { index } = vault;
  return JSON.stringify({ scan: scanToJSON(index, 'vault'), components: index.components(), vault: index.vaultDiagnostics(), skipped: vault.skipped, paths: vault.paths });
}

const load = (dir: string, cache?: boolean | string) => loadVault(dir, { today: TODAY, cache });

describe('scan cache', () => {
  it('a second run parses nothing and sees what a run without the cache sees', async () => {
    const dir = exampleCopy();
    const plain = seen(await load(dir));
    const first = await load(dir, true);
    const notes = listMarkdown(dir).length;
    expect(first.cached).toEqual({ reused: 0, parsed: notes });
    expect(seen(first)).toBe(plain);
    const second = await load(dir, true);
    expect(second.cached).toEqual({ reused: notes, parsed: 0 });
    expect(seen(second)).toBe(plain);
  });

  it('scan, scan --json, lint and report read each cached note back for its one view and keep none of them read back', async () => {
    const dir = exampleCopy();
    const plain = await load(dir);
    const reports = (vault: LoadedVault) => [formatScan(vault.index, 'vault'), JSON.stringify(scanToJSON(vault.index, 'vault')), JSON.stringify(collectFindings(vault.index)), reportMarkdown(vault.index, 'vault')];
    const expected = reports(plain);
    await load(dir, true);
    const cached = await load(dir, true);
    const ids = cached.index.ids();
    expect(ids.length).toBeGreaterThan(10);
    expect(reports(cached)).toEqual(expected);
    // 10k views, each holding its note read back, were most of a scan's memory and collection time.
    expect(ids.filter((id) => restParsed(cached.index.entry(id)!.note))).toEqual([]);
  });

  it('an edited note is parsed again, the rest are reused; a deleted note leaves the cache', async () => {
    const dir = exampleCopy();
    await load(dir, true);
    const notes = listMarkdown(dir);
    const edited = notes.find((p) => readFileSync(join(dir, p), 'utf8').includes('**Current Stage**: Staging'))!;
    const text = readFileSync(join(dir, edited), 'utf8');
    writeFileSync(join(dir, edited), text.replace('**Current Stage**: Staging', '**Current Stage**: Production'));
    const gone = notes.find((p) => p !== edited)!;
    rmSync(join(dir, gone));
    const after = await load(dir, true);
    expect(after.cached).toEqual({ reused: notes.length - 2, parsed: 1 });
    expect(seen(after)).toBe(seen(await load(dir)));
    const cacheText = readFileSync(join(dir, CACHE_FILE), 'utf8');
    expect(cacheText).not.toContain(JSON.stringify(gone));
    expect(cacheText.split('\n').filter((line) => line.startsWith('["')).length).toBe(notes.length - 1);
  });

  it('a note with a new time but the same bytes (a fresh clone) is not parsed, and its new time is kept', async () => {
    const dir = exampleCopy();
    await load(dir, true);
    const notes = listMarkdown(dir);
    for (const p of notes) utimesSync(join(dir, p), new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const touched = await load(dir, true);
    expect(touched.cached).toEqual({ reused: notes.length, parsed: 0 });
    expect(readFileSync(join(dir, CACHE_FILE), 'utf8')).toContain(`,${Date.parse('2030-01-01T00:00:00Z')},`);
  });

  it('other settings (a tag filter, a settings file) use none of the records', async () => {
    const dir = exampleCopy();
    await load(dir, true);
    const notes = listMarkdown(dir).length;
    const tagged = await loadVault(dir, { today: TODAY, cache: true, tags: ['maturity'] });
    expect(tagged.cached).toEqual({ reused: 0, parsed: notes });
    writeFileSync(join(dir, '.maturity-map.json'), JSON.stringify({ staleAfterDays: 7 }));
    const configured = await load(dir, true);
    expect(configured.cached).toEqual({ reused: 0, parsed: notes });
    expect(seen(configured)).toBe(seen(await load(dir)));
  });

  it('a damaged cache file is a warning and a full parse; a damaged line costs only its note', async () => {
    const dir = exampleCopy();
    const plain = seen(await load(dir));
    const notes = listMarkdown(dir).length;
    writeFileSync(join(dir, CACHE_FILE), '\u0000\u0001 not a cache {"__proto__":1}\n');
    const damaged = await load(dir, true);
    expect(damaged.cached).toEqual({ reused: 0, parsed: notes });
    expect(seen(damaged)).toBe(plain);
    const lines = readFileSync(join(dir, CACHE_FILE), 'utf8').split('\n');
    const at = lines.findIndex((line) => line.startsWith('["'));
    lines[at] = lines[at]!.slice(0, lines[at]!.length / 2); // a line cut short
    lines[at + 1] = lines[at + 1]!.replace(/\t\{/, '\t{"stage":'); // a record that is not JSON
    writeFileSync(join(dir, CACHE_FILE), lines.join('\n'));
    const mended = await load(dir, true);
    expect(mended.cached).toEqual({ reused: notes - 2, parsed: 2 });
    expect(seen(mended)).toBe(plain);
  });

  it('the CLI warns when the cache cannot be read or written, and the command still succeeds', () => {
    const dir = exampleCopy();
    const plain = run('scan', dir, '--json', '--today', TODAY);
    writeFileSync(join(dir, CACHE_FILE), 'something else\n');
    const foreign = run('scan', dir, '--json', '--today', TODAY, '--cache');
    expect(foreign.code).toBe(0);
    expect(foreign.stdout).toBe(plain.stdout);
    expect(foreign.stderr).toMatch(/is not a Maturity Map cache/);
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const unwritable = run('scan', dir, '--json', '--today', TODAY, '--cache-location', folder);
    expect(unwritable.code).toBe(0);
    expect(unwritable.stdout).toBe(plain.stdout);
    expect(unwritable.stderr).toMatch(/could not (read|write) the cache/);
    // A path that would clear the screen, or forge a line of its own.
    const hostile = run('scan', dir, '--json', '--today', TODAY, '--cache-location', join(dir, '\u001b[2J\u009b31m\nall notes ok', 'cache'));
    expect(hostile.code).toBe(0);
    expect(hostile.stderr).toMatch(/could not write the cache .*\\x1b\[2J\\x9b31m\\nall notes ok/);
    expect(hostile.stderr).not.toContain('\u001b');
    expect(hostile.stderr).not.toContain('\u009b');
    expect(hostile.stderr.trimEnd().split('\n')).toHaveLength(1);
    const again = run('scan', dir, '--today', TODAY, '--cache');
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
  });

  it('a CLI whose parser was rebuilt uses none of the records (the parser sits in a chunk of its own)', () => {
    const dir = exampleCopy();
    const cli = tempDir();
    cpSync(join(ROOT, 'dist/cli'), cli, { recursive: true });
    const scan = () => spawnSync(process.execPath, [join(cli, 'maturity-map.mjs'), 'scan', dir, '--today', TODAY, '--cache'], { encoding: 'utf8' });
    expect(existsSync(join(ROOT, 'dist/cli/maturity-map.mjs'))).toBe(true);
    const key = () => readFileSync(join(dir, CACHE_FILE), 'utf8').split('\n')[1];
    expect(scan().status).toBe(0);
    const first = key();
    expect(scan().status).toBe(0);
    expect(key()).toBe(first);
    const parser = readdirSync(cli).find((name) => name.endsWith('.mjs') && readFileSync(join(cli, name), 'utf8').includes('function scanBlocks('))!;
    expect(parser).not.toBe('maturity-map.mjs');
    expect(readFileSync(join(cli, parser), 'utf8')).not.toContain('maturity-map-cache 1');
    appendFileSync(join(cli, parser), '\n// rebuilt\n');
    expect(scan().status).toBe(0);
    expect(key()).not.toBe(first);
  });

  it('paths with tabs, line breaks and quotes survive the line format', async () => {
    const dir = tempDir();
    const names = ['tab\there.md', 'line\nbreak.md', 'quote " and \\ slash.md', '__proto__.md'];
    for (const name of names) writeFileSync(join(dir, name), `---\ntags: [maturity]\n---\n# ${name.replace(/\s/g, ' ')}\n\n**Current Stage**: Staging\n`);
    const plain = seen(await load(dir));
    await load(dir, true);
    const again = await load(dir, true);
    expect(again.cached).toEqual({ reused: names.length, parsed: 0 });
    expect(seen(again)).toBe(plain);
  });

  it.runIf(corpusAvailable())('the corpus: every folder the same through the cache, written outside it', async () => {
    const location = join(tempDir(), 'corpus-cache');
    const plain = seen(await load(CORPUS));
    await load(CORPUS, location);
    const again = await load(CORPUS, location);
    expect(again.cached!.parsed).toBe(0);
    expect(again.cached!.reused).toBe(listMarkdown(CORPUS).length);
    expect(seen(again)).toBe(plain);
  });
});
