// Every speed shortcut of the parser (src/core/parse/shortcuts.ts) is pinned to the plain
// version: with it switched off, every note parses to the same MaturityNote, field for field —
// the example vaults, 400 generated notes of every flavour, and 500 fast-check fragments.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateNotes } from '../../../bench/generator/vault';
import { createPipeline, parseNote, resolveConfig } from '../../../src/core/index';
import { SHORTCUTS, withShortcuts, type ParserShortcuts } from '../../../src/core/parse/shortcuts';
import { markdownNote } from '../../helpers/markdown-arbitrary';
import { differences } from '../../helpers/note-diff';
import { EXAMPLE_VAULT, listMarkdown, ROOT } from '../../helpers/vault';

const pipeline = createPipeline(resolveConfig({}).stages);
const NAMES = Object.keys(SHORTCUTS) as Array<keyof ParserShortcuts>;

function folder(dir: string) {
  return listMarkdown(dir).map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') }));
}

const notes = [
  ...folder(EXAMPLE_VAULT),
  ...folder(join(ROOT, 'examples/service-cards')),
  ...generateNotes({ notes: 300, seed: 31, bytes: [0, 0] }),
  ...generateNotes({ notes: 100, seed: 32 }),
];

/** Paths of notes whose parse changes when `off` is switched off. */
function changedWithout(off: Partial<ParserShortcuts>, texts: Array<{ path: string; text: string }>): string[] {
  // Plain first, so no memo the plain run skips is warm from the fast run.
  const plain = withShortcuts(off, () => texts.map((n) => parseNote(n.text, pipeline)));
  return texts.filter((n, i) => differences(parseNote(n.text, pipeline), plain[i]).length > 0).map((n) => n.path);
}

describe('parser shortcuts are pinned to the plain version', () => {
  it('are all on in the product', () => {
    expect(NAMES.every((name) => SHORTCUTS[name])).toBe(true);
  });

  it.each(NAMES)('%s: the same notes without it', (name) => {
    expect(notes.length).toBeGreaterThan(420);
    expect(changedWithout({ [name]: false }, notes)).toEqual([]);
    expect(SHORTCUTS[name]).toBe(true);
  });

  it('all of them at once: the same on 500 fast-check fragments', () => {
    const off = Object.fromEntries(NAMES.map((n) => [n, false]));
    fc.assert(
      fc.property(markdownNote, (text) => {
        expect(changedWithout(off, [{ path: 'fragment.md', text }])).toEqual([]);
      }),
      { numRuns: 500, seed: 20261204 },
    );
  });
});
