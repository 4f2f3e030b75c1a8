// The kept model's floor (bench/model-floor.ts) makes the strings and objects the parse hands the
// index: every kept string it can find in the note is sliced back from where it stands, and the
// objects built are a copy of the note's graph that shares none of its objects.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyGraph, makeObjects, makeStrings, modelFloorInput } from '../../bench/model-floor';
import { createPipeline, parseNote, resolveConfig } from '../../src/core/index';

const folder = join(__dirname, '../../examples/vault/Components');
const texts = readdirSync(folder)
  .filter((name) => name.endsWith('.md'))
  .map((name) => readFileSync(join(folder, name), 'utf8'));
const pipeline = createPipeline(resolveConfig({}).stages);
const notes = texts.map((text) => parseNote(text, pipeline, undefined, 'index'));

function keptStrings(value: unknown, out: string[], seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') {
    if (value.length >= 2) out.push(value);
  } else if (value !== null && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const v of Array.isArray(value) ? value : Object.values(value)) keptStrings(v, out, seen);
  }
  return out;
}

describe('the kept model floor', () => {
  it('reads the example components back as strings sliced where they stand in each note', () => {
    expect(texts.length).toBeGreaterThan(5);
    const input = modelFloorInput(texts, notes);
    const all = notes.map((note) => keptStrings(note, []));
    expect(input.strings).toBe(all.reduce((n, list) => n + list.length, 0));
    notes.forEach((_, i) => {
      const spans = input.spans[i]!;
      expect(spans.length).toBe(all[i]!.length * 2);
      all[i]!.forEach((kept, k) => {
        const made = texts[i]!.slice(spans[2 * k]!, spans[2 * k]! + spans[2 * k + 1]!);
        // Strings plain() changed are not in the note: a slice of their length stands in.
        if (texts[i]!.includes(kept)) expect(made).toBe(kept);
        else expect(made.length).toBe(kept.length);
      });
    });
    // Most of what a note keeps is its own text as written (names, values, criteria).
    const verbatim = all.flat().filter((kept) => texts.some((t) => t.includes(kept))).length;
    expect(verbatim / input.strings).toBeGreaterThan(0.5);
    expect(makeStrings(input)).toBe(all.flat().reduce((n, s) => n + s.length, 0));
  });

  it('builds a copy of each note that equals it and shares none of its objects', () => {
    const note = notes[0]!;
    const copy = copyGraph(note) as typeof note;
    expect(copy).toEqual(JSON.parse(JSON.stringify(note)) as typeof note);
    expect(copy).not.toBe(note);
    expect(copy.transitions).not.toBe(note.transitions);
    expect(copy.transitions[0]).not.toBe(note.transitions[0]);
    const input = modelFloorInput(texts, notes);
    expect(makeObjects(input)).toBe(notes.reduce((n, note) => n + note.lineCount, 0));
    expect(input.objects).toBeGreaterThan(notes.length * 5);
  });
});
