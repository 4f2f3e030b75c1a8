// HTML comments as CommonMark reads them (issue #18, item 4): what each form hides and what it
// leaves as text, checked on the note's fields, with the remark reference agreeing on each note.
import { describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES, parseNote } from '../../../src/core/index';
import { closesInParagraph, cutComments } from '../../../src/core/parse/comments';
import { disagreements } from '../../helpers/note-diff';

const pipeline = createPipeline(DEFAULT_STAGES);

const criteria = `
## Development → Staging

- [x] Unit tests passing
- [ ] Docs written

**Status**: 2/2 criteria met

**Blockers**:
- Issue #4: flaky test
`;

/** What the review found hidden: the criteria, the status line and the blocker below the comment. */
function visible(text: string): { owner: string | null; total: number; claim: boolean; blockers: number } {
  const note = parseNote(text, pipeline);
  const t = note.transitions[0];
  return { owner: note.owner?.value ?? null, total: t?.total ?? 0, claim: t?.claim != null, blockers: note.blockers.length };
}

describe('inline comments', () => {
  it.each([
    ['opened mid-line, never closed: text', '**Owner**: team <!-- old owner: bob', 'team <!-- old owner: bob'],
    ['inside a code span: code', '**Owner**: team `<!--` here', 'team <!-- here'],
    ['escaped: text', '**Owner**: team \\<!-- here', 'team \\<!-- here'],
    ['closed on the line: cut', '**Owner**: team <!-- old owner: bob --> squad', 'team squad'],
    ['`<!-->` is a whole comment', '**Owner**: team <!--> squad', 'team squad'],
    ['closed on a later line of the paragraph: cut', '**Owner**: team <!-- old\nowner: bob -->', 'team'],
  ])('%s', (_name, line, owner) => {
    const text = `# Payments\n\n**Current Stage**: Staging\n${line}\n${criteria}`;
    expect(visible(text)).toEqual({ owner, total: 2, claim: true, blockers: 1 });
    expect(parseNote(text, pipeline).diagnostics.map((d) => d.code)).not.toContain('comment-unclosed');
    expect(disagreements([{ path: 'note.md', text }])).toEqual([]);
  });

  it('a comment that would close after the paragraph ends is text, and the lines after it count', () => {
    const text = `# Payments\n\n**Owner**: team <!-- old owner\n\n- [x] Shown -->\n${criteria}`;
    const note = parseNote(text, pipeline);
    expect(note.owner?.value).toBe('team <!-- old owner');
    expect(note.checklists[0]?.items.map((i) => i.text)).toEqual(['Shown -->']);
    expect(disagreements([{ path: 'note.md', text }])).toEqual([]);
  });

  it('cuts comments out of headings and table cells, one cell at a time', () => {
    const text = '## Development → Staging <!-- was: Dev → Prod -->\n\n| Criterion | Status |\n|---|---|\n| Tests <!-- unit --> | ✅ |\n| Docs <!-- open | ❌ |\n';
    const t = parseNote(text, pipeline).transitions[0]!;
    expect(t).toMatchObject({ from: 'development', to: 'staging' });
    expect(t.items.map((i) => [i.text, i.checked])).toEqual([['Tests', true], ['Docs <!-- open', false]]);
    expect(disagreements([{ path: 'note.md', text }])).toEqual([]);
  });
});

describe('comment blocks', () => {
  it('a block at the left margin that never closes hides the rest of the note, with a warning naming the line', () => {
    const text = `# Payments\n\n**Current Stage**: Staging\n**Owner**: team\n<!-- draft\n${criteria}`;
    expect(visible(text)).toEqual({ owner: 'team', total: 0, claim: false, blockers: 0 });
    const warning = parseNote(text, pipeline).diagnostics.find((d) => d.code === 'comment-unclosed');
    expect(warning).toMatchObject({ severity: 'warning', line: 5 });
    expect(warning?.message).toContain('opened on line 5 is never closed: lines 5–15 are hidden');
    expect(disagreements([{ path: 'note.md', text }])).toEqual([]);
  });

  it('a block hides only its container: the rest of a block quote or a list item', () => {
    for (const opening of ['> <!-- draft\n> still hidden', '- <!-- draft\n  still hidden', '- item\n  <!-- draft\n\n  still hidden']) {
      const text = `# Payments\n\n**Current Stage**: Staging\n\n${opening}\n${criteria}`;
      expect(visible(text), opening).toEqual({ owner: null, total: 2, claim: true, blockers: 1 });
      const opened = text.split('\n').findIndex((l) => l.includes('<!--')) + 1;
      expect(parseNote(text, pipeline).diagnostics.filter((d) => d.code === 'comment-unclosed').map((d) => d.line)).toEqual([opened]);
      expect(disagreements([{ path: 'note.md', text }]), opening).toEqual([]);
    }
  });

  it('a closed block hides its lines, the rest of its closing line included (an HTML block)', () => {
    const text = `# Payments\n\n<!-- **Current Stage**: Production\n**Owner**: ghost --> **Priority**: P0\n**Current Stage**: Staging\n${criteria}`;
    const note = parseNote(text, pipeline);
    expect([note.stage?.id, note.owner, note.priority]).toEqual(['staging', null, null]);
    expect(note.diagnostics.map((d) => d.code)).not.toContain('comment-unclosed');
    expect(disagreements([{ path: 'note.md', text }])).toEqual([]);
  });

  it('a comment inside a fence is code', () => {
    const text = `# Payments\n\n**Current Stage**: Staging\n\n\`\`\`html\n<!-- not a comment block\n\`\`\`\n${criteria}`;
    expect(visible(text)).toEqual({ owner: null, total: 2, claim: true, blockers: 1 });
    expect(parseNote(text, pipeline).diagnostics.map((d) => d.code)).not.toContain('comment-unclosed');
  });
});

describe('cutComments', () => {
  it.each([
    ['no comment', 'plain text', 'plain text', -1],
    ['one comment', 'a <!-- b --> c', 'a  c', -1],
    ['two comments', 'a <!-- b --> c <!-- d --> e', 'a  c  e', -1],
    ['unclosed', 'a <!-- b', 'a <!-- b', 2],
    ['closed then unclosed', 'a <!-- b --> c <!-- d', 'a  c <!-- d', 5],
    ['in a code span', 'a `<!--` b', 'a `<!--` b', -1],
    ['in a double-backtick span', 'a `` ` <!-- `` b', 'a `` ` <!-- `` b', -1],
    ['after unmatched backticks', 'a ``<!-- b --> c', 'a `` c', -1],
    ['escaped', 'a \\<!-- b', 'a \\<!-- b', -1],
    ['`<!--->`', 'a <!---> b', 'a  b', -1],
  ])('%s', (_name, input, text, open) => {
    expect(cutComments(input)).toEqual({ text, open });
  });
});

describe('closesInParagraph', () => {
  it.each([
    ['closes on the next line', 'b -->\nc', 1],
    ['closes two lines on', 'b\nc -->', 2],
    ['a blank line ends the paragraph first', 'b\n\nc -->', -1],
    ['a heading ends it', '# h -->', -0],
    ['a list item ends it', 'b\n- c -->', -1],
    ['an empty list item does not', '*\nc -->', 2],
    ['a numbered item from 2 does not', '2. c -->', 1],
    ['a setext underline ends it', 'b\n---\nc -->', -1],
    ['an indented line continues it', '    # c -->', 1],
    ['a table header ends it', '| a |\n|---|\n| c --> |', -0],
    ['a block quote ends it', '> c -->', -0],
  ])('%s', (_name, after, lines) => {
    expect(closesInParagraph(`a <!--\n${after}`, 7, false)).toBe(lines);
  });

  it('reads through block-quote markers in a quoted paragraph', () => {
    expect(closesInParagraph('> a <!--\n> b -->', 9, true)).toBe(1);
  });
});
