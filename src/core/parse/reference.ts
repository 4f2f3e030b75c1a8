// The reference structure pass: the same BlockVisitor events as `scanBlocks`, derived from a full
// CommonMark/GFM parse (unified + remark-parse + remark-frontmatter + remark-gfm). It exists to
// check the fast scanner (test/core/scanner-differential.test.ts) and to measure it (bench/).
// It must never be imported by the index, the CLI or the plugin bundles: remark is a
// devDependency, and a full parse is ~100× slower than the line scan.
//
// Remark decides the structure (what is a heading, list item, task, paragraph line, table row,
// code or HTML); the text handed to the visitor is the source of that line, as the scanner hands
// it, so the reader sees the same Markdown either way. Deliberate deviations from plain GFM, shared
// with the scanner because they are what note authors mean (see docs/benchmarks.md):
// - any single character in brackets is a task status (`[/]`, `[-]`, `[>]`, as Obsidian reads
//   them), and a bracket with nothing after it (`- [ ]`) is an empty task;
// - Logseq task markers (`TODO`, `DONE`, …) at the start of a bullet are task statuses;
// - HTML blocks other than comments are read as text: notes do not hide content in raw HTML, but
//   template slots such as `<Brief description of purpose>` parse as HTML tags;
// - HTML comments are removed from text, inline ones included;
// - an Obsidian callout's `[!type]` marker is not text.
import type { Heading, List, ListItem, Nodes, Parent, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BlockVisitor } from './blocks';
import type { StructureScanner } from './note';

const LOGSEQ_MARKERS = new Set(['TODO', 'DOING', 'DONE', 'LATER', 'NOW', 'WAITING', 'WAIT', 'CANCELED', 'CANCELLED', 'IN-PROGRESS']);

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** A StructureScanner driven by a remark syntax tree. */
export const referenceScan: StructureScanner = (text, offset, firstLine, visitor) => {
  // The body alone, preceded by as many empty lines as the part before it: line numbers in the
  // tree are then the note's line numbers.
  const source = '\n'.repeat(firstLine - 1) + text.slice(offset);
  const tree = processor.parse(source);
  const walker = createWalker(source, visitor);
  walker.children(tree);
};

function isTextHtml(node: Nodes): boolean {
  return node.type === 'html' && !node.value.startsWith('<!--');
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
      if (n.type === 'html' && n.value.startsWith('<!--') && n.position) out.push({ start: n.position.start.offset!, end: n.position.end.offset! });
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
      let text = content.text;
      if (line === first && quoted && text.startsWith('[!')) {
        // Obsidian callout header `[!note] Title`: the title is plain text.
        const close = text.indexOf(']');
        if (close !== -1) text = text.slice(close + 1).trimStart();
      }
      if (text.trim() === '') continue;
      visitor.text(text, line, content.indent);
    }
  }

  function heading(node: Heading, quoted: boolean): void {
    const start = node.position!.start;
    const atx = source.charCodeAt(start.offset!) === 35 /* # */;
    if (!atx) {
      // Setext: the content lines are paragraph text, the underline makes the last one a heading.
      const last = node.position!.end.line - 1;
      textLines({ ...node, position: { start: node.position!.start, end: { line: last, column: 1 } } }, start.line, quoted);
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
    if (first.type === 'heading' && first.position!.start.line === line) {
      // An outliner bullet holding a heading: `- ## Maturity Criteria`.
      visitor.heading(first.depth, headingText(first), line);
    } else if ((first.type === 'paragraph' || isTextHtml(first)) && first.position!.start.line === line) {
      // HTML other than a comment reads as text, as everywhere (see the deviations above).
      itemParagraph(node, first, ordered, indent, quoted);
    } else {
      // The bullet's first block is code, a table or another list: the bullet has no text.
      visitor.item(indent, ordered, null, '', line);
      block(first, quoted);
    }
    for (const child of rest) block(child, quoted);
  }

  function itemParagraph(item: ListItem, paragraph: Nodes, ordered: boolean, indent: number, quoted: boolean): void {
    const line = paragraph.position!.start.line;
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
        while (source.charCodeAt(close) === 32 || source.charCodeAt(close) === 9) close--;
        check = source[close - 1]!;
      }
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
  }

  function table(node: Table): void {
    for (const row of node.children.slice(1)) {
      const cells = row.children.map((cell) => {
        if (cell.children.length === 0) return '';
        const start = cell.children[0]!.position!.start.offset!;
        const end = cell.children[cell.children.length - 1]!.position!.end.offset!;
        return source.slice(start, end).replace(/\\\|/g, '|').trim();
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
        return;
      default:
        // code, yaml, thematic breaks, definitions: nothing a field can live in.
        return;
    }
  }

  function children(node: Parent, quoted = false): void {
    for (const child of node.children) block(child as Nodes, quoted);
  }

  return { children };
}
