// The fast line scanner against the remark reference on generated notes: a thousand notes from
// the seeded vault generator (every page flavour and real-world deviation it knows) and two
// thousand fragments from fast-check that combine the block constructs notes use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNotes } from '../../bench/generator/vault';
import { markdownNote } from '../helpers/markdown-arbitrary';
import { disagreements } from '../helpers/note-diff';

describe('fast scanner vs remark reference, generated notes', () => {
  it('agree on 1000 notes from the vault generator', () => {
    // Short notes (the template's sections without filler) keep the remark side affordable;
    // a fifth at full size brings in every kind of filler section.
    const short = [...generateNotes({ notes: 800, seed: 21, bytes: [0, 0] })];
    const full = [...generateNotes({ notes: 200, seed: 22 })];
    const notes = [...short, ...full];
    expect(notes.filter((n) => n.component !== null).length).toBeGreaterThan(900);
    expect(notes.some((n) => n.path.startsWith('pages/'))).toBe(true);
    expect(disagreements(notes)).toEqual([]);
  }, 180_000);

  it('agree on 2000 fragments from fast-check', () => {
    fc.assert(
      fc.property(markdownNote, (text) => {
        expect(disagreements([{ path: 'fragment.md', text }])).toEqual([]);
      }),
      { numRuns: 2000, seed: 20261124 },
    );
  }, 180_000);
});
