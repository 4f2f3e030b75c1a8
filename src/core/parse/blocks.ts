// The fast structural pass: one walk over the lines that tells a visitor which lines are
// headings, list items, paragraph text and table rows. Fenced code, indented code and HTML
// comments are skipped here, so nothing inside them can count. It follows CommonMark/GFM where
// notes depend on it; `reference.ts` derives the same events from a remark tree for comparison.
import {
  LINK_DEFINITION,
  LOGSEQ_MARKERS,
  atxHeading,
  canInterrupt,
  closesFence,
  isSetextUnderline,
  isTableDelimiter,
  isThematicBreak,
  listMarker,
  openingFence,
  peekLine,
  tableCells,
  trimEnd,
} from './block-lines';
import { closesInParagraph, commentEnd, cutComments } from './comments';

// Editing commands split table rows the way the scanner does.
export { tableCells } from './block-lines';

export interface BlockVisitor {
  heading(depth: number, text: string, line: number): void;
  /**
   * A list item. `check` is the checkbox character (`' '`, `'x'`, `'/'`…), a Logseq task marker
   * (`TODO`, `DONE`…), or null for a plain item. `indent` is the marker's column.
   */
  item(indent: number, ordered: boolean, check: string | null, text: string, line: number): void;
  /** A paragraph line, or a continuation line inside a list item. */
  text(text: string, line: number, indent: number): void;
  /** A table body row (header and delimiter rows are not reported). */
  row(cells: string[], line: number): void;
  blank(line: number): void;
  /** An HTML comment block opened on `from` never closes: lines `from`–`to` are hidden. */
  unclosedComment?(from: number, to: number): void;
}

/** Visit the body of a note. `text` uses `\n` line ends; `offset`/`firstLine` locate the body. */
export function scanBlocks(text: string, offset: number, firstLine: number, visitor: BlockVisitor): void {
  let pos = offset;
  let line = firstLine - 1;
  let fence: { char: number; length: number } | null = null;
  /** An open HTML comment block: where it started, its container, its last non-blank line. */
  let commentBlock: { from: number; quoted: boolean; itemCol: number; last: number } | null = null;
  /** Lines left until an inline comment that spans paragraph lines closes (0: none open). */
  let inlineCommentLines = 0;
  /** Lines before this one belong to a paragraph in which no open inline comment closes. */
  let noCloseBefore = 0;
  let prevBlank = true;
  let prevParagraph = false;
  /** The previous line was a list item with text: its paragraph may continue on this line. */
  let prevItemText = false;
  let listOpen = false;
  let tableOpen = false;
  let lastText = '';
  /** The open paragraph is a list item's (its first line or a continuation of it). */
  let paragraphInItem = false;
  /** Column of the last list item's marker, and of its text. */
  let lastItemCol = -1;
  let lastItemContentCol = 0;
  /** The open paragraph is inside a block quote (a setext underline must be too). */
  let paragraphQuoted = false;
  const length = text.length;

  while (pos < length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = length;
    const content = text.slice(pos, end);
    pos = end + 1;
    line++;

    if (fence !== null) {
      if (closesFence(content, fence)) fence = null;
      continue;
    }
    const afterItemText: boolean = prevItemText;
    prevItemText = false;
    if (commentBlock !== null) {
      if (commentContinues(content, commentBlock)) {
        if (content.indexOf('-->') !== -1) commentBlock = null;
        else if (content.trim() !== '') commentBlock.last = line;
        continue;
      }
      visitor.unclosedComment?.(commentBlock.from, commentBlock.last);
      commentBlock = null;
    }
    if (inlineCommentLines > 0) {
      // A paragraph line inside an inline comment: what follows its `-->` continues the text.
      prevItemText = afterItemText;
      if (--inlineCommentLines > 0) continue;
      const rest = paragraphText(content.slice(content.indexOf('-->') + 3), line, paragraphQuoted);
      if (rest !== '') {
        lastText = rest;
        visitor.text(rest, line, indentOf(content));
      }
      continue;
    }

    // Indentation in columns (tabs to the next multiple of 4) and the first visible character.
    let i = 0;
    let col = 0;
    while (i < content.length) {
      const c = content.charCodeAt(i);
      if (c === 32) col++;
      else if (c === 9) col += 4 - (col % 4);
      else break;
      i++;
    }
    if (i === content.length || (content.charCodeAt(i) === 13 && i === content.length - 1)) {
      visitor.blank(line);
      prevBlank = true;
      prevParagraph = false;
      tableOpen = false;
      continue;
    }

    // Block quotes and callouts: read what is inside them.
    let quoted = false;
    while (content.charCodeAt(i) === 62 /* > */) {
      quoted = true;
      i++;
      if (content.charCodeAt(i) === 32) i++;
      while (content.charCodeAt(i) === 32 || content.charCodeAt(i) === 9) i++;
    }
    if (quoted) {
      tableOpen = false; // a block quote ends a table
      if (col === 0) listOpen = false;
      if (i >= content.length) {
        visitor.blank(line);
        prevBlank = true;
        prevParagraph = false;
        continue;
      }
      if (content.charCodeAt(i) === 91 /* [ */ && content.charCodeAt(i + 1) === 33 /* ! */) {
        // Obsidian callout header `[!note] Title`: the title is plain text.
        const close = content.indexOf(']', i);
        if (close !== -1) i = close + 1;
        while (content.charCodeAt(i) === 32) i++;
        if (i >= content.length) continue;
      }
    }

    const first = content.charCodeAt(i);

    // After a blank line, anything but a list item at the left margin ends the list.
    if (listOpen && prevBlank && col === 0 && listMarker(content, i) === -1) listOpen = false;

    // Indented code: four columns in, after a blank line, outside a list.
    if (col >= 4 && !listOpen && !quoted && (prevBlank || !prevParagraph)) {
      prevBlank = false;
      prevParagraph = false;
      continue;
    }

    // A paragraph is open after paragraph text and after a list item's text. A line indented four
    // columns past the paragraph's container cannot start a block: it continues the paragraph.
    const paragraphOpen = prevParagraph || afterItemText;
    const continuation = paragraphOpen && !quoted && col >= (paragraphInItem ? lastItemContentCol : 0) + 4;
    if (!continuation) {
      // An HTML comment block: hidden to the line holding `-->`, or to the end of its container.
      if (first === 60 && content.startsWith('<!--', i)) {
        if (commentEnd(content, i) === -1) commentBlock = { from: line, quoted, itemCol: listOpen && col >= lastItemContentCol ? lastItemContentCol : -1, last: line };
        prevBlank = false;
        prevParagraph = false;
        tableOpen = false;
        continue;
      }

      // Fences: ``` or ~~~ (any indentation: outliner notes indent code under bullets).
      if (first === 96 || first === 126) {
        const open = openingFence(content, i);
        if (open) {
          fence = open;
          prevBlank = false;
          prevParagraph = false;
          continue;
        }
      }

      // ATX heading.
      if (first === 35 /* # */ && (col < 4 || listOpen)) {
        const heading = atxHeading(content, i);
        if (heading) {
          visitor.heading(heading.depth, inlineText(heading.text), line);
          if (col === 0) listOpen = false;
          prevBlank = false;
          prevParagraph = false;
          tableOpen = false;
          continue;
        }
      }

      // Setext underline (`===` / `---` right under paragraph text) makes that text a heading. The
      // text line was already reported as text; the heading event marks the section boundary.
      // Under a list item's text, the underline must be inside the item.
      const insideParagraph = paragraphOpen && quoted === paragraphQuoted && (paragraphInItem ? col >= lastItemContentCol : col < 4);
      if (insideParagraph && (first === 61 || first === 45) && isSetextUnderline(content, i)) {
        visitor.heading(first === 61 ? 1 : 2, lastText, line - 1);
        prevParagraph = false;
        prevBlank = false;
        continue;
      }

      // Thematic break.
      if ((first === 45 || first === 42 || first === 95) && isThematicBreak(content, i)) {
        prevBlank = false;
        prevParagraph = false;
        listOpen = false;
        tableOpen = false;
        continue;
      }

      // List items: `-`, `*`, `+`, `1.`, `1)`. An empty item, or a numbered one not starting at
      // 1, cannot interrupt a paragraph: the line continues it (CommonMark).
      let marker = listMarker(content, i);
      if (marker !== -1 && paragraphOpen && (paragraphInItem ? col >= lastItemContentCol : true) && !canInterrupt(content, i, marker)) marker = -1;
      if (marker !== -1) {
        let j = marker;
        while (content.charCodeAt(j) === 32 || content.charCodeAt(j) === 9) j++;
        const ordered = first >= 48 && first <= 57;
        lastItemCol = col;
        lastItemContentCol = col + (j - i);
        let rest = content.slice(j);
        // An outliner bullet holding a heading: `- ## Maturity Criteria`.
        if (rest.charCodeAt(0) === 35) {
          const heading = atxHeading(rest, 0);
          if (heading) {
            visitor.heading(heading.depth, inlineText(heading.text), line);
            listOpen = true;
            prevBlank = false;
            prevParagraph = false;
            tableOpen = false;
            continue;
          }
        }
        // A bullet opening a code fence (`- ```bash`, as outliners write code): the bullet has no
        // text and what follows is code.
        const restFirst = rest.charCodeAt(0);
        if (restFirst === 96 || restFirst === 126) {
          const open = openingFence(rest, 0);
          if (open) {
            visitor.item(col, ordered, null, '', line);
            fence = open;
            listOpen = true;
            prevBlank = false;
            prevParagraph = false;
            tableOpen = false;
            continue;
          }
        }
        // A bullet opening a comment block (`- <!-- …`): the bullet has no text.
        if (restFirst === 60 && rest.startsWith('<!--')) {
          visitor.item(col, ordered, null, '', line);
          if (commentEnd(rest, 0) === -1) commentBlock = { from: line, quoted, itemCol: lastItemContentCol, last: line };
          listOpen = true;
          prevBlank = false;
          prevParagraph = false;
          tableOpen = false;
          continue;
        }
        let check: string | null = null;
        if (rest.charCodeAt(0) === 91 /* [ */ && rest.charCodeAt(2) === 93 /* ] */ && (rest.length === 3 || rest.charCodeAt(3) === 32 || rest.charCodeAt(3) === 9)) {
          check = rest[1]!;
          rest = rest.slice(4);
        } else if (rest.charCodeAt(0) === 91 && LINK_DEFINITION.test(rest)) {
          // `- [Dependency 1]: [Description]` is a link reference definition: an empty bullet.
          rest = '';
        } else {
          const space = rest.indexOf(' ');
          const word = space === -1 ? rest : rest.slice(0, space);
          if (LOGSEQ_MARKERS.has(word)) {
            check = word;
            rest = space === -1 ? '' : rest.slice(space + 1);
          }
        }
        paragraphQuoted = quoted;
        lastText = paragraphText(rest, line, quoted);
        visitor.item(col, ordered, check, lastText, line);
        prevItemText = rest.trim() !== '';
        paragraphInItem = true;
        listOpen = true;
        prevBlank = false;
        prevParagraph = false;
        tableOpen = false;
        continue;
      }

      // Table rows: `| a | b |`. The row under the header row is the delimiter row.
      if (first === 124 /* | */) {
        const delimiter = isTableDelimiter(content, i);
        if (delimiter) {
          tableOpen = true;
        } else if (tableOpen) {
          visitor.row(rowCells(content, i), line);
        } else if (isTableDelimiter(peekLine(text, pos), 0)) {
          // header row: structure only
        } else {
          const cut = paragraphText(content.slice(i), line, quoted);
          if (cut !== '') visitor.text(cut, line, col);
        }
        prevBlank = false;
        prevParagraph = false;
        continue;
      }

      // A link reference definition cannot interrupt a paragraph; elsewhere it is not text. It
      // opens a paragraph of its own: the lines after it continue that paragraph (CommonMark).
      if (first === 91 && !prevParagraph && !afterItemText && LINK_DEFINITION.test(content.slice(i))) {
        prevBlank = false;
        prevParagraph = true;
        paragraphInItem = listOpen && col >= lastItemContentCol;
        lastText = '';
        tableOpen = false;
        continue;
      }
    }

    // A line under a table that starts no other block is one more row (GFM), pipes or not.
    if (tableOpen) {
      visitor.row(rowCells(content, i), line);
      prevBlank = false;
      prevParagraph = false;
      continue;
    }

    // Anything else is paragraph text (or lazy continuation of a list item's paragraph).
    if (listOpen && col === 0 && (prevBlank || !paragraphOpen)) listOpen = false;
    paragraphInItem = listOpen && (paragraphOpen ? paragraphInItem : col > lastItemCol);
    if (!paragraphOpen) paragraphQuoted = quoted;
    const paragraph = paragraphText(content.slice(i), line, paragraphQuoted);
    if (paragraph !== '') {
      lastText = paragraph;
      visitor.text(lastText, line, col);
    }
    prevBlank = false;
    prevParagraph = true;
    tableOpen = false;
  }
  if (commentBlock !== null) visitor.unclosedComment?.(commentBlock.from, commentBlock.last);

  /**
   * A paragraph line's text with its inline comments cut out. A comment left open continues on
   * the next lines when it closes before the paragraph ends (it is text otherwise).
   */
  function paragraphText(raw: string, at: number, inQuote: boolean): string {
    if (raw.indexOf('<!--') === -1) return trimEnd(raw);
    const cut = cutComments(raw);
    if (cut.open === -1) return trimEnd(cut.text);
    if (at < noCloseBefore) return trimEnd(cut.text);
    const lines = closesInParagraph(text, pos, inQuote);
    if (lines <= 0) {
      noCloseBefore = at - lines + 1;
      return trimEnd(cut.text);
    }
    inlineCommentLines = lines;
    return trimEnd(cut.text.slice(0, cut.open));
  }
}

/** Heading text and table cells: inline content of one line, its closed comments cut out. */
function inlineText(raw: string): string {
  return raw.indexOf('<!--') === -1 ? raw : cutComments(raw).text.trim();
}

function rowCells(content: string, i: number): string[] {
  const cells = tableCells(content, i);
  if (content.indexOf('<!--') === -1) return cells;
  return cells.map(inlineText);
}

/** Whether a line stays inside an HTML comment block's container (a block quote, a list item). */
function commentContinues(content: string, block: { quoted: boolean; itemCol: number }): boolean {
  if (block.quoted) return indentOf(content) < 4 && content.trimStart().charCodeAt(0) === 62;
  if (block.itemCol >= 0) return content.trim() === '' || indentOf(content) >= block.itemCol;
  return true;
}

/** Indentation in columns (tabs to the next multiple of 4). */
function indentOf(content: string): number {
  let col = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return col;
}
