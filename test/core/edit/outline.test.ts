// The structure edits work on: headings, items and rows with their lines, after front matter or
// page properties, never inside code or comments; the lines a heading owns; and whether text
// appended at the end would show or fall into a block left open.
import { describe, expect, it } from 'vitest';
import { directEnd, hiddenTail, outline, sectionEnd } from '../../../src/core/edit/outline';

const NOTE = [
  '---', //  1
  'tags: [maturity]', //  2
  '---', //  3
  '# Api', //  4
  '', //  5
  '**Current Stage**: Staging', //  6
  '', //  7
  '## Promotion Criteria', //  8
  '', //  9
  '### Development → Staging', // 10
  '- [x] Tests', // 11
  '  1. nested', // 12
  '```', // 13
  '## not a heading', // 14
  '- [ ] not an item', // 15
  '```', // 16
  '<!-- ## hidden', // 17
  '-->', // 18
  '### Staging → Production', // 19
  '| criterion | done |', // 20
  '|---|---|', // 21
  '| Load test | ✅ |', // 22
  '## History', // 23
  'Promoted on 2026-11-01.', // 24
].join('\n');

describe('outline', () => {
  const o = outline(NOTE);

  it('finds the headings, items and rows, with their lines, outside code and comments', () => {
    expect(o.headings.map((h) => `${h.line} ${'#'.repeat(h.depth)} ${h.text}`)).toEqual([
      '4 # Api',
      '8 ## Promotion Criteria',
      '10 ### Development → Staging',
      '19 ### Staging → Production',
      '23 ## History',
    ]);
    expect(o.items.map((i) => [i.line, i.indent, i.ordered, i.check, i.text])).toEqual([
      [11, 0, false, 'x', 'Tests'],
      [12, 2, true, null, 'nested'],
    ]);
    expect(o.rows.map((r) => r.line)).toEqual([22]); // body rows: not the header, not the delimiter
    expect(o.rows[0]!.cells).toEqual(['Load test', '✅']);
    expect([...o.textLines].sort((a, b) => a - b)).toEqual([6, 24]);
    expect(o).toMatchObject({ bodyLine: 4, pageProperties: null, lastSeenLine: 24 });
    expect(o.frontmatter).not.toBeNull();
  });

  it.each([
    // heading line, sectionEnd, directEnd
    [4, 24, 7],
    [8, 22, 9],
    [10, 18, 18],
    [19, 22, 22],
    [23, 24, 24],
  ])('the heading on line %i owns lines to %i, its own text to %i', (line, section, direct) => {
    const heading = o.headings.find((h) => h.line === line)!;
    expect(sectionEnd(o, heading, 24)).toBe(section);
    expect(directEnd(o, heading, 24)).toBe(direct);
  });

  it('reads the same structure from CRLF text and after Logseq page properties', () => {
    expect(outline(NOTE.replace(/\n/g, '\r\n')).headings).toEqual(o.headings);
    const logseq = outline('tags:: maturity\ncurrent-stage:: staging\n\n- ## Api\n- [[Db]]\n');
    expect(logseq).toMatchObject({ pageProperties: { first: 1, last: 2 }, bodyLine: 3 });
  });
});

describe('hiddenTail', () => {
  it.each([
    ['a complete note', NOTE, null],
    ['an empty note', '', null],
    ['a note without a final newline', '# Api\ntext', null],
    ['a code fence left open', '# Api\n\n```\ncode\n', 3],
    ['a comment left open', '# Api\n\n<!-- draft\nmore\n', 3],
  ])('%s: %s', (_what, text, line) => {
    expect(hiddenTail(text, outline(text))).toBe(line);
  });
});
