// The reference structure pass: the same BlockVisitor events as `scanBlocks`, derived from a full
// CommonMark/GFM parse (unified + remark-parse + remark-frontmatter + remark-gfm). It exists to
// check the fast scanner (test/core/scanner-differential.test.ts) and to measure it (bench/).
// It must never be imported by the index, the CLI or the plugin bundles: remark is a
// devDependency, and a full parse is ~100× slower than the line scan.
//
// Remark decides the structure (what is a heading, list item, task, paragraph line, table row,
// code or HTML); the text handed to the visitor is the source of that line, as the scanner hands
// it, so the reader sees the same Markdown either way. Deliberate deviations from plain GFM, shared
// with the scanner because they are what note authors mean (see docs/parser.md):
// - any single character in brackets is a task status (`[/]`, `[-]`, `[>]`, as Obsidian reads
//   them), and a bracket with nothing after it (`- [ ]`) is an empty task;
// - Logseq task markers (`TODO`, `DONE`, …) at the start of a bullet are task statuses;
// - HTML blocks other than comments are read as text: notes do not hide content in raw HTML, but
//   template slots such as `<Brief description of purpose>` parse as HTML tags;
// - HTML comments are removed from text, inline ones included;
// - an Obsidian callout's `[!type]` marker is not text;
// - a setext heading is named after its last line, the lines above it staying paragraph text.
import type { Heading, List, ListItem, Nodes, Parent, Root, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LOGSEQ_MARKERS, type BlockVisitor } from '../../src/core/parse/visitor';
import { findFrontmatter } from '../../src/core/parse/frontmatter';
import type { StructureScanner } from '../../src/core/parse/note';

const withFrontmatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
// Without front matter: remark-frontmatter turns the list after an unclosed `---` on the first
// line into a paragraph (micromark/micromark-extension-frontmatter#5).
const withoutFrontmatter = unified().use(remarkParse).use(remarkGfm);

/** A StructureScanner driven by a remark syntax tree. */
export const referenceScan: StructureScanner = (text, offset, firstLine, visitor) => {
  // The note with what parseNote read before the body (Logseq page properties) blanked to empty
  // lines, so that line numbers in the tree are the note's. Front matter stays for
  // remark-frontmatter to take; its node carries no events.
  const block = findFrontmatter(text);
  let source: string;
  let tree: Root;
  if (block && offset >= block.bodyOffset && /\n---[ \t]*\n?$/.test(text.slice(0, block.bodyOffset))) {
    source = text.slice(0, block.bodyOffset) + '\n'.repeat(firstLine - block.bodyLine) + text.slice(offset);
    tree = withFrontmatter.parse(source);
  } else {
    source = '\n'.repeat(firstLine - 1) + text.slice(offset);
    tree = withoutFrontmatter.parse(source);
  }
  createWalker(source, visitor).children(tree);
};

/** An HTML node that is a comment (a comment block may be indented up to three spaces). */
function isComment(node: Nodes): node is Nodes & { value: string } {
  return node.type === 'html' && node.value.trimStart().startsWith('<!--');
}

function isTextHtml(node: Nodes): boolean {
  return node.type === 'html' && !isComment(node);
}

interface Range {
  start: number;
  end: number;
}

function createWalker(source: string, visitor: BlockVisitor) {
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);

  const lineEnd = (line: number): number => {
    const next = lineStarts[line];
    return next === undefined ? source.length : next - 1;
  };

  /** Source from `start` to `end` with HTML comments cut out, end trimmed. */
  const sliceText = (start: number, end: number, comments: Range[]): string => {
    let out = '';
    let pos = start;
    for (const c of comments) {
      if (c.end <= pos || c.start >= end) continue;
      out += source.slice(pos, Math.max(pos, c.start));
      pos = Math.max(pos, c.end);
    }
    if (pos < end) out += source.slice(pos, end);
    return out.trimEnd();
  };

  /** A line's content after its indentation and block-quote markers, and its indent column. */
  const lineContent = (line: number, comments: Range[]): { text: string; indent: number; start: number } => {
    const start = lineStarts[line - 1]!;
    const end = lineEnd(line);
    let i = start;
    let col = 0;
    while (i < end) {
      const c = source.charCodeAt(i);
      if (c === 32) col++;
      else if (c === 9) col += 4 - (col % 4);
      else break;
      i++;
    }
    while (source.charCodeAt(i) === 62 /* > */) {
      i++;
      if (source.charCodeAt(i) === 32) i++;
      while (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9) i++;
    }
    return { text: sliceText(i, end, comments), indent: col, start: i };
  };

  const indentOf = (line: number): number => lineContent(line, []).indent;

  function commentsIn(node: Nodes): Range[] {
    const out: Range[] = [];
    const visit = (n: Nodes) => {
      if (isComment(n) && n.position) out.push({ start: n.position.start.offset!, end: n.position.end.offset! });
      if ('children' in n) for (const child of n.children) visit(child as Nodes);
    };
    visit(node);
    return out;
  }

  /** Paragraph lines from `fromLine` on, each as a text event (lines emptied by comments skipped). */
  function textLines(node: Nodes, fromLine: number, quoted: boolean): void {
    const comments = commentsIn(node);
    const first = node.position!.start.line;
    for (let line = fromLine; line <= node.position!.end.line; line++) {
      const content = lineContent(line, comments);
      // The block's first line starts where the block does (after any container markers on it).
      let text = line === first ? sliceText(node.position!.start.offset!, lineEnd(line), comments).trimStart() : content.text;
      if (line === first && quoted && text.startsWith('[!')) {
        // Obsidian callout header `[!note] Title`: the title is plain text.
        const close = text.indexOf(']');
        if (close !== -1) text = text.slice(close + 1).trimStart();
      }
      if (text.trim() === '') continue;
      visitor.text(text, line, content.indent);
    }
  }

  /** Setext headings span their text and the underline; ATX headings are one line. */
  const isSetext = (node: Heading): boolean => node.position!.end.line > node.position!.start.line;

  /** A setext heading's content lines, without the underline. */
  /**
   * A setext heading's content lines, without the underline. They start at its first child: the
   * node itself starts at a link definition above them (`[foo]: /url` / `bar` / `===`).
   */
  const contentOf = (node: Heading): Heading => ({
    ...node,
    position: { start: node.children[0]?.position?.start ?? node.position!.start, end: { line: node.position!.end.line - 1, column: 1 } },
  });

  function heading(node: Heading, quoted: boolean): void {
    const start = node.position!.start;
    if (isSetext(node)) {
      // The content lines are paragraph text; the underline makes the last one a heading. (The
      // scanner names a setext heading after its last line: see the deviations above.)
      const last = node.position!.end.line - 1;
      const content = contentOf(node);
      textLines(content, content.position!.start.line, quoted);
      visitor.heading(node.depth, lineContent(last, commentsIn(node)).text, last);
      return;
    }
    visitor.heading(node.depth, headingText(node), start.line);
  }

  function headingText(node: Heading): string {
    if (node.children.length === 0) return '';
    const first = node.children[0]!.position!.start.offset!;
    const last = node.children[node.children.length - 1]!.position!.end.offset!;
    return sliceText(first, last, commentsIn(node)).trim();
  }

  function list(node: List, quoted: boolean): void {
    for (const child of node.children) listItem(child, node.ordered === true, quoted);
  }

  function listItem(node: ListItem, ordered: boolean, quoted: boolean): void {
    const line = node.position!.start.line;
    const indent = indentOf(line);
    const [first, ...rest] = node.children;
    if (first === undefined) {
      visitor.item(indent, ordered, null, '', line);
      return;
    }
    if (first.type === 'heading' && first.position!.start.line === line && isSetext(first)) {
      // `- foo` then `  ---`: the item's text, then the heading it became (as the scanner sees it).
      const last = first.position!.end.line - 1;
      const itemText = itemParagraph(node, contentOf(first), ordered, indent, quoted);
      visitor.heading(first.depth, last === line ? itemText : lineContent(last, commentsIn(first)).text, last);
    } else if (first.type === 'heading' && first.position!.start.line === line) {
      // An outliner bullet holding a heading: `- ## Maturity Criteria`.
      visitor.heading(first.depth, headingText(first), line);
    } else if (node.checked === true || node.checked === false || ((first.type === 'paragraph' || isTextHtml(first)) && first.position!.start.line === line)) {
      // HTML other than a comment reads as text, as everywhere (see the deviations above).
      itemParagraph(node, first, ordered, indent, quoted);
    } else {
      // The bullet's first block is code, a table or another list: the bullet has no text.
      visitor.item(indent, ordered, null, '', line);
      block(first, quoted);
    }
    for (const child of rest) block(child, quoted);
  }

  /** The item event for a list item whose first block is a paragraph; returns the item's text. */
  function itemParagraph(item: ListItem, paragraph: Nodes, ordered: boolean, indent: number, quoted: boolean): string {
    const line = item.position!.start.line;
    const comments = commentsIn(paragraph);
    let start = paragraph.position!.start.offset!;
    let check: string | null = null;
    if (item.checked === true || item.checked === false) {
      // A GFM task. The paragraph starts after `[x] ` when its first node is text, at the `[`
      // otherwise; read the character between the brackets either way.
      if (source.charCodeAt(start) === 91 /* [ */ && source.charCodeAt(start + 2) === 93 /* ] */) {
        check = source[start + 1]!;
        start += 3;
        if (source.charCodeAt(start) === 32 || source.charCodeAt(start) === 9) start++;
      } else {
        let close = start - 1;
        while (close > 0 && /\s/.test(source[close]!)) close--;
        check = source[close - 1]!;
      }
    }
    if (paragraph.position!.start.line !== line) {
      // `- [x]` alone on its line: the item has no text; its paragraph starts below.
      visitor.item(indent, ordered, check, '', line);
      textLines(paragraph, paragraph.position!.start.line, quoted);
      return '';
    }
    let text = sliceText(start, lineEnd(line), comments);
    if (check === null) {
      const task = /^\[([^\]])\](?:[ \t]|$)/.exec(text);
      if (task) {
        check = task[1]!;
        text = text.slice(task[0].length);
      } else {
        const space = text.indexOf(' ');
        const word = space === -1 ? text : text.slice(0, space);
        if (LOGSEQ_MARKERS.has(word)) {
          check = word;
          text = space === -1 ? '' : text.slice(space + 1);
        }
      }
    }
    visitor.item(indent, ordered, check, text, line);
    textLines(paragraph, line + 1, quoted);
    return text;
  }

  function table(node: Table): void {
    for (const row of node.children.slice(1)) {
      const cells = row.children.map((cell) => {
        if (cell.children.length === 0) return '';
        const start = cell.children[0]!.position!.start.offset!;
        const end = cell.children[cell.children.length - 1]!.position!.end.offset!;
        return sliceText(start, end, commentsIn(cell)).replace(/\\\|/g, '|').trim();
      });
      visitor.row(cells, row.position!.start.line);
    }
  }

  function block(node: Nodes, quoted: boolean): void {
    switch (node.type) {
      case 'heading':
        heading(node, quoted);
        return;
      case 'paragraph':
        textLines(node, node.position!.start.line, quoted);
        return;
      case 'list':
        list(node, quoted);
        return;
      case 'table':
        table(node);
        return;
      case 'blockquote':
        children(node, true);
        return;
      case 'footnoteDefinition':
        children(node, quoted);
        return;
      case 'html':
        if (isTextHtml(node)) textLines(node, node.position!.start.line, quoted);
        else if (node.value.indexOf('-->', 2) === -1) unclosedComment(node);
        return;
      default:
        // code, yaml, thematic breaks, definitions: nothing a field can live in.
        return;
    }
  }

  /** A comment block that never closes: the lines up to its last non-blank one are hidden. */
  function unclosedComment(node: Nodes & { value: string }): void {
    const from = node.position!.start.line;
    const shown = node.value.trimEnd();
    let to = from;
    for (let i = shown.indexOf('\n'); i !== -1; i = shown.indexOf('\n', i + 1)) to++;
    visitor.unclosedComment?.(from, to);
  }

  function children(node: Parent, quoted = false): void {
    for (const child of node.children) block(child as Nodes, quoted);
  }

  return { children };
}
