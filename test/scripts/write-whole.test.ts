// The build writes dist/obsidian's files whole (scripts/write-whole.mjs): a test page or plugin
// test reading one while a build in the same tree rewrites it gets the old file or the new one.
// writeFile truncates in place, so a reader could get an empty stylesheet: the views unstyled, and
// the harness theme's link colour (4.25:1 on white) failing axe's contrast in the light theme only.
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, statSync, fstatSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/vault';
// @ts-expect-error: a build script (plain ESM, no types)
import { writeWhole, writeWholeSync } from '../../scripts/write-whole.mjs';

type Write = (path: string, data: string) => unknown;

/** What a reader that opened `path` before `write` reads after it, and whether the name now names another file. */
async function readerAcross(write: Write): Promise<{ read: string; replaced: boolean; leftovers: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'mm-write-whole-'));
  const path = join(dir, 'styles.css');
  writeFileSync(path, '.mm { --mm-default-bg: #ffffff; }');
  const fd = openSync(path, 'r');
  try {
    await write(path, '.mm { --mm-default-bg: #fafafa; }');
    const buffer = Buffer.alloc(64);
    const read = buffer.subarray(0, readSync(fd, buffer, 0, 64, 0)).toString('utf8');
    return { read, replaced: fstatSync(fd).ino !== statSync(path).ino, leftovers: readdirSync(dir).filter((f) => f !== 'styles.css') };
  } finally {
    closeSync(fd);
  }
}

it('writeFile rewrites the file a reader holds in place (the hazard)', async () => {
  const across = await readerAcross((path, data) => writeFileSync(path, data));
  expect(across.replaced).toBe(false);
  expect(across.read).toBe('.mm { --mm-default-bg: #fafafa; }');
});

for (const [name, write] of [['writeWhole', writeWhole as Write], ['writeWholeSync', writeWholeSync as Write]] as const) {
  it(`${name} gives the name a new file: a reader of the old one reads it whole, the name the new text, nothing left beside`, async () => {
    const across = await readerAcross(write);
    expect(across.replaced).toBe(true);
    expect(across.read).toBe('.mm { --mm-default-bg: #ffffff; }');
    expect(across.leftovers).toEqual([]);
  });
}

it('the Obsidian build writes its three files through it', () => {
  const targets = readFileSync(join(ROOT, 'scripts/targets.mjs'), 'utf8');
  for (const file of ['dist/obsidian/manifest.json', 'dist/obsidian/styles.css']) expect(targets).toContain(`writeWhole(at('${file}')`);
  expect(targets).toContain('writeWholeSync(path, asciiOnly(code, outfile))');
});
