// A compact note (criteria, figures, history and blockers on a tape) reads, prints and compares as
// the note the parser made, on real notes and on values no note has held yet; the index reads a
// note's stage, names and dependencies without reading its tape back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactNote, isCompact, NOTE_KEYS, plainNote } from '../../src/core/compact-note';
import { createPipeline, parseNote, resolveConfig, type MaturityNote } from '../../src/core/index';
import type { ChecklistItem, Measure } from '../../src/core/model';
import { TAPE_PARTS } from '../../src/core/note-parts';
import { writeTape, type Codec, type Tape } from '../../src/core/tape';
import { resetWorkCount } from '../../src/core/work-count';
import { generateNotes } from '../../bench/generator/vault';
import { CORPUS, EXAMPLE_VAULT, listMarkdown, loadFolder, readNote } from '../helpers/vault';
import { existsSync } from 'node:fs';

const pipeline = createPipeline(resolveConfig({}).stages);

function realNotes(): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const dir of [EXAMPLE_VAULT, CORPUS]) {
    if (!existsSync(dir)) continue;
    for (const path of listMarkdown(dir)) out.push({ path, text: readNote(dir, path) });
  }
  for (const note of generateNotes({ notes: 300, seed: 7 })) out.push({ path: note.path, text: note.text });
  return out;
}

describe('compactNote', () => {
  it('keeps every key of a parsed note, in the parser’s order', () => {
    const note = parseNote('# A\n\n**Current Stage**: Staging\n', pipeline);
    expect(Object.keys(note)).toEqual([...NOTE_KEYS]);
  });

  it('prints and compares as the parsed note, on the example vault, the corpus and generated notes', () => {
    const notes = realNotes();
    expect(notes.length).toBeGreaterThan(300);
    let withCriteria = 0;
    for (const { path, text } of notes) {
      const note = parseNote(text, pipeline);
      const compact = compactNote(note);
      expect(isCompact(compact), path).toBe(true);
      expect(JSON.stringify(compact), path).toBe(JSON.stringify(note));
      expect(plainNote(compact), path).toEqual(note);
      expect({ ...compact }, path).toEqual(note);
      if (note.transitions.some((t) => t.items.length > 0)) withCriteria++;
    }
    expect(withCriteria).toBeGreaterThan(200);
  });

  it('answers the index’s reads without reading the tape, and reads it once, for good', () => {
    const text = readNote(EXAMPLE_VAULT, listMarkdown(EXAMPLE_VAULT).find((p) => /payment/i.test(p)) ?? listMarkdown(EXAMPLE_VAULT)[0]!);
    const note = parseNote(text, pipeline);
    const compact = compactNote(note);
    const count = resetWorkCount();
    expect(compact.stage).toBe(note.stage);
    expect(compact.dependencies).toBe(note.dependencies);
    expect(compact.tags).toBe(note.tags);
    expect(compact.signals).toBe(note.signals);
    expect('transitions' in compact).toBe(true);
    expect(count.tapeReads).toBe(0);
    const held = plainNote(compact);
    expect(count.tapeReads).toBe(1);
    expect(isCompact(compact)).toBe(false);
    expect(held).toEqual(note);
    expect(compact.transitions).toBe(held.transitions);
    expect(compact.history).toBe(held.history);
    expect(count.tapeReads).toBe(1);
  });

  it('reads the tape back for one use (plainNote with keep: false) and stays compact', () => {
    const text = readNote(EXAMPLE_VAULT, listMarkdown(EXAMPLE_VAULT).find((p) => /payment/i.test(p)) ?? listMarkdown(EXAMPLE_VAULT)[0]!);
    const note = parseNote(text, pipeline);
    const compact = compactNote(note);
    const count = resetWorkCount();
    const first = plainNote(compact, false);
    const second = plainNote(compact, false);
    expect(first).toEqual(note);
    expect(second).toEqual(note);
    expect(second).not.toBe(first); // nothing kept between the two reads
    expect(count.tapeReads).toBe(2);
    expect(isCompact(compact)).toBe(true);
    // Once the note is whole for good, a read for one use is that same note.
    const held = plainNote(compact);
    expect(plainNote(compact, false)).toBe(held);
    expect(count.tapeReads).toBe(3);
  });

  it('keeps what is written to it', () => {
    const note = compactNote(parseNote('# A\n\n**Current Stage**: Staging\n\n## Blockers\n- [ ] Flaky test\n', pipeline));
    note.owner = { value: 'Ana', raw: 'Ana', line: 9 };
    expect(plainNote(note).owner?.value).toBe('Ana');
    expect(note.blockers).toEqual(parseNote('# A\n\n**Current Stage**: Staging\n\n## Blockers\n- [ ] Flaky test\n', pipeline).blockers);
    delete (note as Partial<MaturityNote>).priority;
    expect('priority' in note).toBe(false);
  });

  it('leaves a note not made by the parser as it is', () => {
    const odd = { ...parseNote('# A\n', pipeline), extra: 1 } as MaturityNote;
    expect(compactNote(odd)).toBe(odd);
    expect(isCompact(odd)).toBe(false);
  });

  it('is what the index keeps of a component, and its views show the whole note', () => {
    const index = loadFolder(EXAMPLE_VAULT);
    expect(index.ids().length).toBeGreaterThan(10);
    for (const id of index.ids()) {
      const entry = index.entry(id)!;
      expect(isCompact(entry.note), id).toBe(true);
      const view = index.component(id)!;
      expect(isCompact(view.note), id).toBe(false);
      expect(view.note, id).toEqual(parseNote(readNote(EXAMPLE_VAULT, id), pipeline, undefined, 'index'));
    }
  });

  it('keeps an edited note whole (its view is rebuilt at once) and a new one compact', () => {
    const index = loadFolder(EXAMPLE_VAULT);
    const id = index.ids()[0]!;
    const text = readNote(EXAMPLE_VAULT, id);
    index.upsert(id, text.replace(/\*\*Current Stage\*\*:[^\n]*/, '**Current Stage**: Staging'));
    expect(isCompact(index.entry(id)!.note)).toBe(false);
    expect(index.component(id)!.note.stage?.id).toBe('staging');
    index.upsert(`copy/${id}`, text);
    expect(isCompact(index.entry(`copy/${id}`)!.note)).toBe(true);
  });
});

// Values the parser has not produced yet: any status, unit, comparator or line comes back as written.
const line = fc.oneof(fc.nat({ max: 5000 }), fc.constant(2 ** 40), fc.constant(-1), fc.double({ noNaN: true }).filter((n) => !Object.is(n, -0)));
const text = fc.oneof(fc.constantFrom('', 'x', 'X', ' ', 'TODO', 'ms', '%', 'odd unit'), fc.string());
const item: fc.Arbitrary<ChecklistItem> = fc.record({
  text,
  checked: fc.boolean(),
  status: text,
  mark: fc.constantFrom(null, 'pass', 'fail', 'warn'),
  note: text,
  line,
});
const measure: fc.Arbitrary<Measure> = fc.record({
  value: fc.oneof(fc.constant(null), fc.double({ noNaN: true }), fc.integer()),
  unit: text,
  comparator: fc.constantFrom(null, '<', '<=', '>', '>=', '='),
  raw: text,
  line,
});

function roundTrip<T>(codec: Codec<T>, value: T): T {
  const tape: Tape = writeTape((writer) => codec.put(value, writer));
  const reader = { tape, at: 0 };
  const back = codec.take(reader);
  expect(reader.at).toBe(tape.length);
  return back;
}

describe('tape codecs', () => {
  it('give back any checklist and any figures as written', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), fc.constantFrom('documentation', 'next-steps', 'other'), (items, kind) => {
        const checklists = [{ kind, heading: 'Docs', items }];
        const back = roundTrip(TAPE_PARTS.checklists, checklists);
        expect(back).toEqual(checklists);
        expect(JSON.stringify(back)).toBe(JSON.stringify(checklists));
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('p50', 'p95', 'uptime', 'cpu'), measure), fc.option(fc.record({ value: fc.option(fc.nat()), raw: text, line })), (current, observed) => {
        const performance = { current, targets: {}, observedDays: observed };
        expect(JSON.stringify(roundTrip(TAPE_PARTS.performance, performance))).toBe(JSON.stringify(performance));
      }),
    );
  });
});
