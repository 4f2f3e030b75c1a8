// The cached form of a prepared note (src/plugin-cache/note-record.ts): two JSON strings, the
// index keys, stage and dependencies parsed when the note enters the index and the rest only when
// something reads it. A record must give back the same note and keys, keep front matter keys such
// as `__proto__` as plain data, and leave the rest unparsed until a field of it is read. Its strings
// are one byte a character (characters above U+00FF escaped), so the chunks they are joined into are.
import { describe, expect, it } from 'vitest';
import { createPipeline, noteKeys, prepareNote, resolveConfig, type MaturityConfig, type MaturityNote } from '../../src/core/index';
import { plainNote } from '../../src/core/compact-note';
import { asRecord, fromRecord, restParsed, toRecord, type PreparedNote } from '../../src/plugin-cache/note-record';
import { exampleFiles } from '../obsidian/helpers';

const config = resolveConfig({});
const pipeline = createPipeline(config.stages);
const prepare = (text: string, path: string) => prepareNote(text, path, config, pipeline);
const withKeys = (note: MaturityNote, path: string, settings: MaturityConfig = config): PreparedNote => ({ note, keys: noteKeys(note, path, settings, createPipeline(settings.stages)) });
/** Through the strings, as a worker posts them or the cache stores them. */
const roundTrip = (note: MaturityNote, path: string, settings: MaturityConfig = config) => fromRecord(structuredClone(toRecord(withKeys(note, path, settings)))).note;

describe('note records', () => {
  it('give back every example note as it was prepared', () => {
    const files = exampleFiles();
    const paths = Object.keys(files);
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const note = prepare(files[path]!, path);
      const back = fromRecord(structuredClone(toRecord(withKeys(note, path))));
      expect(JSON.parse(JSON.stringify(back.note)), path).toEqual(JSON.parse(JSON.stringify(note)));
      expect(back.keys, path).toEqual(withKeys(note, path).keys);
    }
  });

  it('made on the main thread (asRecord), give back the note the stored record gives, and the same record again', () => {
    const files = exampleFiles();
    for (const path of Object.keys(files)) {
      const made = withKeys(prepare(files[path]!, path), path);
      const { record, prepared } = asRecord(made);
      expect(restParsed(prepared.note), path).toBe(false);
      expect(toRecord(prepared), path).toBe(record);
      const stored = fromRecord(structuredClone(record));
      expect(JSON.parse(JSON.stringify(prepared.note)), path).toEqual(JSON.parse(JSON.stringify(stored.note)));
      expect(prepared.keys, path).toEqual(stored.keys);
    }
  });

  it('parse the rest of a component only when one of its fields is read', () => {
    const [path, text] = Object.entries(exampleFiles()).find(([p]) => p === 'Components/Ledger.md')!;
    const original = prepare(text, path);
    expect(original.checklists.length).toBeGreaterThan(0);
    const note = roundTrip(original, path);
    expect(note.stage?.id).toBe(original.stage?.id);
    expect(note.dependencies).toEqual(original.dependencies);
    expect(restParsed(note)).toBe(false);
    expect(note.checklists).toEqual(original.checklists);
    expect(restParsed(note)).toBe(true);
    // Spread copies see the whole note too.
    expect({ ...roundTrip(original, path) }.history).toEqual(original.history);
  });

  it('give a component’s whole note for one use (plainNote with keep: false) without keeping its rest parsed', () => {
    const [path, text] = Object.entries(exampleFiles()).find(([p]) => p === 'Components/Ledger.md')!;
    const original = prepare(text, path);
    const note = roundTrip(original, path);
    const once = plainNote(note, false);
    expect(JSON.parse(JSON.stringify(once))).toEqual(JSON.parse(JSON.stringify(original)));
    expect(restParsed(note)).toBe(false);
    expect(plainNote(note, false)).not.toBe(once);
    const kept = plainNote(note);
    expect(restParsed(note)).toBe(true);
    expect(plainNote(note, false)).toBe(kept);
  });

  it('are one byte a character, and give back notes written in any script', () => {
    const ledger = exampleFiles()['Components/Ledger.md']!;
    const text = ledger.replace(/^# .*$/m, '# Ledger 帳簿 🚀 Ωmega').replace(/^---\n/, '---\nreviewer: Zoë Ωmega 日本\n');
    const original = prepare(text, 'Components/Ledger.md');
    const record = toRecord(withKeys(original, 'Components/Ledger.md'));
    for (const part of [record.index, record.rest]) expect([...part].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
    // The transition headings' arrows and the title's characters are there, escaped.
    expect(record.rest).toContain('\\u2192');
    const back = fromRecord(structuredClone(record)).note;
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(original)));
    expect(back.heading).toBe(original.heading);
    expect(back.heading).toContain('帳簿');
    expect(back.frontmatter['reviewer']).toBe('Zoë Ωmega 日本');
  });

  it('keep front matter records without a prototype, their odd keys as plain data', () => {
    const ledger = exampleFiles()['Components/Ledger.md']!;
    const text = ledger.replace(/^---\n/, '---\nconstructor: plain\nnested:\n  toString: deep\n  hasOwnProperty: odd\n');
    const original = prepare(text, 'Components/Ledger.md');
    const note = roundTrip(original, 'Components/Ledger.md');
    for (const [record, before] of [[note.frontmatter, original.frontmatter], [note.properties, original.properties]] as const) {
      expect(Object.getPrototypeOf(record)).toBeNull();
      expect(Object.keys(record)).toEqual(Object.keys(before));
      expect(Object.keys(record).length).toBeGreaterThan(2);
      expect(JSON.stringify(record)).toBe(JSON.stringify(before));
    }
    const nested = note.frontmatter['nested'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(nested)).toBeNull();
    expect(nested['toString']).toBe('deep');
  });

  it('keep a note that is no component, and say so in its keys', () => {
    const excluding = resolveConfig({ components: { excludeFolders: ['Daily'] } });
    const path = 'Daily/2026-11-20.md';
    const note = prepareNote('# Meeting notes\n\n**Current Stage**: Development\n', path, excluding, createPipeline(excluding.stages));
    expect(note.diagnostics).toEqual([]);
    const back = fromRecord(structuredClone(toRecord(withKeys(note, path, excluding))));
    expect(back.keys.reason).toBeNull();
    expect(JSON.parse(JSON.stringify(back.note))).toEqual(JSON.parse(JSON.stringify(note)));
  });

  it('give a renamed note new keys and keep its rest', () => {
    const [path, text] = Object.entries(exampleFiles()).find(([p]) => p === 'Components/Ledger.md')!;
    const first = toRecord(withKeys(prepare(text, path), path));
    const moved = fromRecord(first);
    // Not serialised again while its keys stand.
    expect(toRecord(moved)).toBe(first);
    const renamed = toRecord({ note: moved.note, keys: noteKeys(moved.note, 'Components/General Ledger.md', config, pipeline) });
    expect(renamed.rest).toBe(first.rest);
    expect(fromRecord(renamed).keys.identity.id).toBe('Components/General Ledger.md');
  });
});
