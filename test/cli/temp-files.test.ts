// The temporary file itself: created with O_CREAT|O_EXCL|O_NOFOLLOW, so even an attacker who
// guessed the random name (here: the test fixes it) cannot make the writer follow a symlink or
// reuse a file; a clash is retried under a new name; interrupted writes are cleaned up.
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

const names: string[] = [];
vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof Crypto>();
  return {
    ...actual,
    // The next queued name when the test set one, else real randomness.
    randomBytes: (size: number) => (names.length > 0 ? Buffer.from(names.shift()!, 'hex') : actual.randomBytes(size)),
  };
});

const { createTemp, releaseTemp, removeLiveTemps, TEMP_SUFFIX } = await import('../../src/cli/temp-files');

const GUESSED = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);

afterEach(() => {
  names.length = 0;
});

describe('createTemp', () => {
  it('never opens through a symlink planted at its exact name: it moves on to a new name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-temp-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const planted = join(dir, `.note.md.${GUESSED}${TEMP_SUFFIX}`);
    symlinkSync(victim, planted);
    names.push(GUESSED, OTHER);
    const temp = await createTemp(join(dir, 'note.md'), 0o644);
    await temp.handle.writeFile('ours\n');
    await temp.handle.close();
    expect(temp.path).toBe(join(dir, `.note.md.${OTHER}${TEMP_SUFFIX}`));
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
    releaseTemp(temp.path);
  });

  it('gives up with EEXIST rather than reuse a file it did not create', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-temp-'));
    writeFileSync(join(dir, `.note.md.${GUESSED}${TEMP_SUFFIX}`), 'someone else\n');
    names.push(GUESSED, GUESSED, GUESSED, GUESSED);
    await expect(createTemp(join(dir, 'note.md'), 0o644)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(dir, `.note.md.${GUESSED}${TEMP_SUFFIX}`), 'utf8')).toBe('someone else\n');
  });

  it('names are unpredictable (128 random bits) and short enough for a 255-byte file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-temp-'));
    const long = `${'é'.repeat(120)}.md`; // 242 bytes
    const a = await createTemp(join(dir, long), 0o644);
    const b = await createTemp(join(dir, long), 0o644);
    await a.handle.close();
    await b.handle.close();
    expect(a.path).not.toBe(b.path);
    expect(a.path).toMatch(/\.[0-9a-f]{32}\.maturity-map\.tmp$/);
    for (const p of [a.path, b.path]) expect(Buffer.byteLength(p.split('/').pop()!)).toBeLessThanOrEqual(255);
    removeLiveTemps(); // what the SIGINT/SIGTERM handler runs
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(a.path)).toBe(false);
  });
});
