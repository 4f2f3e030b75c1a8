// The cached form of a prepared note (src/obsidian/index/note-record.ts): two JSON strings, the
// head parsed when the note enters the index and the body only when something reads it. A record
// must give back the same note, keep front matter keys such as `__proto__` as plain data, and
// leave the body unparsed until a field of it is read.
import { describe, expect, it } from 'vitest';
import { createPipeline, prepareNote, resolveConfig, type MaturityNote } from '../../src/core/index';
import { bodyParsed, fromRecord, toRecord } from '../../src/obsidian/index/note-record';
import { exampleFiles } from './helpers';

const config = resolveConfig({});
const pipeline = createPipeline(config.stages);
const prepare = (text: string, path: string) => prepareNote(text, path, config, pipeline);
/** Through the strings, as a worker posts them or the cache stores them. */
const roundTrip = (note: MaturityNote) => fromRecord(structuredClone(toRecord(note)));

describe('note records', () => {
  it('give back every example note as it was prepared', () => {
    const files = exampleFiles();
    const paths = Object.keys(files);
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const note = prepare(files[path]!, path);
      expect(JSON.parse(JSON.stringify(roundTrip(note))), path).toEqual(JSON.parse(JSON.stringify(note)));
    }
  });

  it('parse the body of a component only when one of its fields is read', () => {
    const [path, text] = Object.entries(exampleFiles()).find(([p]) => p === 'Components/Ledger.md')!;
    const original = prepare(text, path);
    expect(original.checklists.length).toBeGreaterThan(0);
    const note = roundTrip(original);
    expect(note.stage?.id).toBe(original.stage?.id);
    expect(note.dependencies).toEqual(original.dependencies);
    expect(bodyParsed(note)).toBe(false);
    expect(note.checklists).toEqual(original.checklists);
    expect(bodyParsed(note)).toBe(true);
    // Spread copies see the whole note too.
    expect({ ...roundTrip(original) }.history).toEqual(original.history);
  });

  it('keep front matter records without a prototype, their odd keys as plain data', () => {
    const ledger = exampleFiles()['Components/Ledger.md']!;
    const text = ledger.replace(/^---\n/, '---\nconstructor: plain\nnested:\n  toString: deep\n  hasOwnProperty: odd\n');
    const original = prepare(text, 'Components/Ledger.md');
    const note = roundTrip(original);
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

  it('keep a note that is no component in one string', () => {
    const excluding = resolveConfig({ components: { excludeFolders: ['Daily'] } });
    const note = prepareNote('# Meeting notes\n\n**Current Stage**: Development\n', 'Daily/2026-11-20.md', excluding, createPipeline(excluding.stages));
    expect(note.diagnostics).toEqual([]);
    expect(toRecord(note).body).toBeNull();
    expect(JSON.parse(JSON.stringify(roundTrip(note)))).toEqual(JSON.parse(JSON.stringify(note)));
  });
});
