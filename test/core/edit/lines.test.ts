// Line documents keep every byte around the lines: each line's own ending, the BOM, the missing
// final newline. An edit changes the lines it names and nothing else, whatever the line endings.
import { describe, expect, it } from 'vitest';
import { applyEdits, editText, indentOf, joinLines, splitLines, trailingSpace, type LineEdit } from '../../../src/core/edit/lines';

describe('splitLines / joinLines', () => {
  it.each([
    // text, contents, endings, bom, eol
    ['', [], [], false, '\n'],
    ['one', ['one'], [''], false, '\n'],
    ['a\nb\n', ['a', 'b'], ['\n', '\n'], false, '\n'],
    ['a\r\nb\r\n', ['a', 'b'], ['\r\n', '\r\n'], false, '\r\n'],
    ['a\rb', ['a', 'b'], ['\r', ''], false, '\r'],
    ['a\r\nb\nc\r\nd', ['a', 'b', 'c', 'd'], ['\r\n', '\n', '\r\n', ''], false, '\r\n'],
    ['a\n\n\nb', ['a', '', '', 'b'], ['\n', '\n', '\n', ''], false, '\n'],
    ['\ufeff# T\n', ['# T'], ['\n'], true, '\n'],
    ['\ufeff', [], [], true, '\n'],
    ['a\n\r\n', ['a', ''], ['\n', '\r\n'], false, '\r\n'],
  ] as const)('%j', (text, contents, endings, bom, eol) => {
    const doc = splitLines(text);
    expect(doc.lines.map((l) => l.content)).toEqual(contents);
    expect(doc.lines.map((l) => l.ending)).toEqual(endings);
    expect(doc.bom).toBe(bom);
    expect(doc.eol).toBe(eol);
    expect(joinLines(doc)).toBe(text);
  });
});

describe('editText', () => {
  const replace = (index: number, ...insert: string[]): LineEdit => ({ index, remove: 1, insert, reason: 'test' });
  const insert = (index: number, ...lines: string[]): LineEdit => ({ index, remove: 0, insert: lines, reason: 'test' });
  const remove = (index: number, count = 1): LineEdit => ({ index, remove: count, insert: [], reason: 'test' });
  const splice = (index: number, count: number, ...lines: string[]): LineEdit => ({ index, remove: count, insert: lines, reason: 'test' });

  it.each([
    // text, edits, result
    ['a\nb\nc\n', [replace(1, 'B')], 'a\nB\nc\n'],
    ['a\r\nb\r\nc\r\n', [replace(1, 'B')], 'a\r\nB\r\nc\r\n'],
    ['a\nb\r\nc', [replace(1, 'B')], 'a\nB\r\nc'],
    ['a\nb\nc', [replace(2, 'C')], 'a\nb\nC'],
    ['\ufeffa\nb\n', [replace(0, 'A')], '\ufeffA\nb\n'],
    ['a\r\nb\r\n', [insert(1, 'x', 'y')], 'a\r\nx\r\ny\r\nb\r\n'],
    ['a\nb', [insert(2, 'c')], 'a\nb\nc'],
    ['a\r\nb\r\n', [insert(2, 'c')], 'a\r\nb\r\nc\r\n'],
    ['a\nb\nc\n', [remove(1)], 'a\nc\n'],
    ['a\nb\nc\r\n', [splice(1, 2, 'z')], 'a\nz\r\n'],
    ['a\nb\nc\nd\n', [replace(3, 'D'), replace(0, 'A')], 'A\nb\nc\nD\n'],
  ] as const)('%j %j → %j', (text, edits, result) => {
    expect(editText(text, [...edits]).text).toBe(result);
  });

  it('says what changed, with the lines before and after it', () => {
    const { changes } = editText('a\nb\nc\nd\n', [replace(3, 'D'), insert(1, 'x')]);
    expect(changes).toEqual([
      { line: 2, newLine: 2, before: [], after: ['x'], reason: 'test' },
      { line: 4, newLine: 5, before: ['d'], after: ['D'], reason: 'test' },
    ]);
  });

  it('gives back the very same text when nothing changes', () => {
    const text = 'a\r\nb\n';
    const result = editText(text, [replace(0, 'a'), insert(1)]);
    expect(result).toEqual({ text, changes: [] });
  });

  it.each([
    ['overlapping', [replace(1, 'x'), splice(0, 2, 'y')], /overlapping edits at line 2/],
    ['outside the note', [replace(5, 'x')], /edit outside the note at line 6/],
  ] as const)('refuses edits %s', (_what, edits, error) => {
    expect(() => applyEdits(splitLines('a\nb\nc\n'), [...edits])).toThrow(error);
  });
});

describe('indentOf / trailingSpace', () => {
  it.each([
    ['plain', '', ''],
    ['  - [x] item  ', '  ', '  '],
    ['\t\t**Status**: 1/2\t', '\t\t', '\t'],
    ['   ', '   ', '   '],
  ])('%j', (line, indent, trailing) => {
    expect(indentOf(line)).toBe(indent);
    expect(trailingSpace(line)).toBe(trailing);
  });
});
