// A note's line count comes from the structure pass (it walks every line anyway): it must be what
// counting the text's line ends gives, front matter, page properties and a missing last newline
// included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../src/core/parse/note';
import { createPipeline } from '../../../src/core/stages';
import { resolveConfig } from '../../../src/core/settings/index';

const pipeline = createPipeline(resolveConfig({}).stages);
const lineEnds = (text: string) => text.replace(/\r\n?/g, '\n').split('\n').length;

describe('line count', () => {
  it.each([
    ['empty', ''],
    ['one line, no newline', '# Title'],
    ['one line and its newline', '# Title\n'],
    ['front matter only, no newline after it', '---\ntitle: A\n---'],
    ['front matter only, its newline', '---\ntitle: A\n---\n'],
    ['front matter and a body', '---\ntitle: A\n---\n# A\n\n**Current Stage**: Staging'],
    ['page properties only', 'tags:: maturity\nstage:: staging'],
    ['CRLF line ends', '# A\r\n\r\n**Current Stage**: Staging\r\n'],
    ['blank lines at the end', '# A\n\n\n'],
    ['a byte-order mark', '\ufeff# A\n'],
    ['a byte-order mark alone', '\ufeff'],
    ['a byte-order mark and a newline', '\ufeff\n'],
    ['a newline alone', '\n'],
  ])('%s', (_name, text) => {
    expect(parseNote(text, pipeline).lineCount).toBe(lineEnds(text));
  });

  it('on any text of note-like lines', () => {
    const piece = fc.constantFrom('---', 'title: A', '# A', '- [x] Done', '**Current Stage**: Staging', 'tags:: maturity', '```', '<!--', '-->', '', '  ', '\r', '| a | b |');
    fc.assert(
      fc.property(fc.boolean(), fc.array(piece, { maxLength: 12 }), fc.boolean(), (bom, lines, newline) => {
        const text = (bom ? '\ufeff' : '') + lines.join('\n') + (newline ? '\n' : '');
        expect(parseNote(text, pipeline).lineCount).toBe(lineEnds(text));
      }),
      { numRuns: 2000 },
    );
  });
});
