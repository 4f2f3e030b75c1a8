// The cold index reuses one scratch tape and one key list from note to note (session 19): what a
// note gets must not depend on the notes handled before it, and the `.md` ending is dropped exactly
// as the regular expression it replaced did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPipeline, identify, parseNote, resolveConfig } from '../../src/core/index';
import { withoutMarkdownExtension } from '../../src/core/identity';
import { NOTE_KEYS } from '../../src/core/compact-note';
import { isTapePart, readParts, writeParts } from '../../src/core/note-parts';
import { generateNotes } from '../../bench/generator/vault';

const config = resolveConfig({});
const pipeline = createPipeline(config.stages);
const PARTS = NOTE_KEYS.filter(isTapePart);

describe('scratch reused note to note', () => {
  it('a note’s tape is the same after a longer note’s as first, and reads back to its parts', () => {
    const notes = [...generateNotes({ notes: 120, seed: 19 })].map((n) => parseNote(n.text, pipeline, undefined, 'index'));
    const alone = notes.map((note) => JSON.stringify(writeParts(note, PARTS)));
    const longest = notes.reduce((a, b) => (writeParts(a, PARTS).length >= writeParts(b, PARTS).length ? a : b));
    let withCriteria = 0;
    notes.forEach((note, i) => {
      writeParts(longest, PARTS);
      const tape = writeParts(note, PARTS);
      expect(JSON.stringify(tape)).toBe(alone[i]);
      const parts = readParts(tape, PARTS) as Record<string, unknown>;
      for (const part of PARTS) expect(parts[part]).toEqual(note[part]);
      if (note.transitions.some((t) => t.items.length > 0)) withCriteria++;
    });
    expect(withCriteria).toBeGreaterThan(50);
  });

  it('a note’s keys are the same after a note with many aliases as first', () => {
    const many = parseNote(`---\naliases: [${Array.from({ length: 40 }, (_, i) => `Alias ${i}`).join(', ')}]\n---\n# Big Maturity\n`, pipeline);
    const small = parseNote('# Billing Service Maturity Status\n\n**Current Stage**: Staging\n', pipeline);
    const first = identify(small, 'services/billing/MATURITY.md', config.components);
    const manyKeys = identify(many, 'Big.md', config.components).keys;
    expect(manyKeys.length).toBeGreaterThan(40);
    const after = identify(small, 'services/billing/MATURITY.md', config.components);
    expect(after).toEqual(first);
    expect(after.keys).toContain('billing');
    expect(after.keys).toContain('services/billing');
    // Kept lists are the note's own, not the scratch list.
    expect(after.keys).not.toBe(first.keys);
  });
});

describe('withoutMarkdownExtension', () => {
  it('drops what /\\.(md|markdown)$/i matched, and only that', () => {
    const chars = fc.constantFrom('.', 'm', 'M', 'd', 'D', 'a', 'r', 'k', 'K', '\u212a', 'n', 'o', 'w', 'W', '/', ' ', 'x');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 14 }).map((c) => c.join('')), (text) => {
        expect(withoutMarkdownExtension(text)).toBe(text.replace(/\.(md|markdown)$/i, ''));
      }),
      { numRuns: 3000 },
    );
    for (const text of ['a.md', 'a.MD', 'a.Markdown', 'a.md.md', '.md', 'md', 'a.mdx', 'a.markdow', 'a.mar\u212adown']) {
      expect(withoutMarkdownExtension(text)).toBe(text.replace(/\.(md|markdown)$/i, ''));
    }
  });
});
