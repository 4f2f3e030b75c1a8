// The one Markdown escaper: every Markdown-active character, alone and in the construct it opens,
// comes out of a GFM parse (remark + remark-gfm) as the same plain text — in a paragraph, after a
// list marker and in a table cell — and `$` (GitHub math) is always escaped.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/core/markdown';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

const parser = unified().use(remarkParse).use(remarkGfm);
const parse = (markdown: string) => parser.parse(markdown) as MdNode;

/** The text of a node when it is nothing but text; null when any other node (emphasis, link, html…) appears. */
function onlyText(node: MdNode): string | null {
  if (node.type === 'text') return node.value ?? '';
  if (!node.children || node.children.length === 0) return null;
  const parts = node.children.map(onlyText);
  return parts.includes(null) ? null : parts.join('');
}

// Every ASCII character CommonMark, GFM or GitHub gives a meaning, alone and in its construct.
const ACTIVE: Array<[string, string[]]> = [
  ['\\', ['\\', 'a\\*b', 'C:\\temp\\new', '\\\\']],
  ['`', ['`', '`code`', '``x``']],
  ['*', ['*', '*em*', '**strong**', '* item', '2 * 3 * 4']],
  ['_', ['_', '_em_', '__strong__', 'snake_case_name']],
  ['~', ['~', '~~struck~~', '~one~']],
  ['$', ['$', '$x$', '$$x$$', 'costs $5 and $6']],
  ['[ ]', ['[', ']', '[link](https://example.com)', '[ref]', '[x]: https://example.com', '[ ] task']],
  ['!', ['!', '![image](https://example.com/i.png)']],
  ['< >', ['<', '>', '<b>bold</b>', '<script>alert(1)</script>', '<https://example.com>', '> quote', 'a <!-- c --> b']],
  ['&', ['&', '&amp;', '&#60;', '&lt;b&gt;', 'R&D']],
  ['|', ['|', 'a | b', '| cell |']],
  ['#', ['#', '# heading', '### h3', 'issue #12']],
  ['- + =', ['-', '- item', '+ item', '= underline', '---', '***', '- [ ] task']],
  ['ordered list', ['1. first', '12) twelfth', '2024. A year']],
  ['line breaks and spaces', ['one\ntwo', 'one\r\ntwo', 'trailing  ', '    indented code', '\ttab']],
];

const cases = ACTIVE.flatMap(([group, texts]) => texts.map((text) => [group, text] as const));
const shown = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

describe('escapeMarkdown: every Markdown-active character stays text', () => {
  it.each(cases)('%s: %j as a paragraph', (_group, text) => {
    const root = parse(escapeMarkdown(text));
    expect(root.children).toHaveLength(1);
    expect(root.children![0]!.type).toBe('paragraph');
    expect(onlyText(root.children![0]!)).toBe(shown(text));
  });

  it.each(cases)('%s: %j after a list marker (the report\'s bullets)', (_group, text) => {
    const list = parse(`- **Name**: ${escapeMarkdown(text)}`).children![0]!;
    expect(list.type).toBe('list');
    const paragraph = list.children![0]!.children![0]!;
    expect(onlyText({ type: 'x', children: paragraph.children!.slice(1) })).toBe(`: ${shown(text)}`);
  });

  it.each(cases)('%s: %j in a table cell', (_group, text) => {
    const table = parse(`| a | b |\n|---|---|\n| ${escapeMarkdown(text)} | z |`).children![0]!;
    expect(table.type).toBe('table');
    const row = table.children![1]!;
    expect(row.children).toHaveLength(2);
    expect(onlyText(row.children![0]!) ?? '').toBe(shown(text));
    expect(onlyText(row.children![1]!)).toBe('z');
  });

  it('escapes GitHub math, which remark does not parse', () => {
    expect(escapeMarkdown('$x$ and $$y$$')).toBe('\\$x\\$ and \\$\\$y\\$\\$');
  });

  it('closes the ~~ and $ holes of the readiness report', () => {
    expect(escapeMarkdown('~~x~~ $x$')).toBe('\\~\\~x\\~\\~ \\$x\\$');
  });

  it('leaves plain words, digits and Unicode alone', () => {
    expect(escapeMarkdown('Billing Engine 2 — Stage → Production ✅ (v1.2)')).toBe('Billing Engine 2 — Stage → Production ✅ (v1.2)');
  });
});

describe('escapeMarkdown: @mentions notify no one', () => {
  it.each([
    ['ping @alice', 'ping @&#8203;alice'],
    ['@org/team owns it', '@&#8203;org/team owns it'],
    ['mail a@b.example', 'mail a@&#8203;b.example'],
    ['a lone @ stays', 'a lone @ stays'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
    expect(onlyText(parse(escaped).children![0]!)).toBe(text.replace(/@(?=\w)/g, '@\u200b'));
  });
});
