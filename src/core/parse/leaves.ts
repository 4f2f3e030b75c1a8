// Leaf blocks, one recogniser per construct, tried on what is left of a line after its
// containers: ATX and setext headings, fences, HTML blocks (comments hide, the rest is text),
// thematic breaks, link reference definitions, GFM tables, indented code and paragraphs.
import { atxHeading, isSetextUnderline, isThematicBreak, openingFence, tableCells } from './block-lines';
import { closeContainers, closeLeaf, flushPendingItem, setLeaf } from './containers';
import { END_BLANK, END_BLANK_TAG, END_COMMENT, htmlBlockEnds, htmlBlockStart, NO_HTML } from './html-blocks';
import { inlineText, itemLine, paragraphLine } from './paragraphs';
import { definitionLines } from './definitions';
import { CODE, FENCE, HTML, NONE, PARAGRAPH, TABLE, firstNonSpace, indentAhead, type ScanState } from './scan-state';
import { delimiterRowBelow, mayBeDelimiterRow, rowCount } from './tables';

/**
 * Read what is left of the line (from the cursor) as a leaf block. Where the line stands: how many
 * containers it continued (`matched`) and how many it opened (two numbers, not an object a line).
 */
export function readLeaf(s: ScanState, matched: number, opened: number): void {
  const raw = s.raw;
  const at = firstNonSpace(s);
  const continues = opened === 0 && matched === s.containers.length;
  const lazy = opened === 0 && !continues && s.leaf === PARAGRAPH;
  // Containers the line keeps: those it continued and those it opened.
  const keep = matched + opened;
  if (at >= raw.length) return blankLine(s, keep);
  if (indentAhead(s) >= 4) {
    if (s.leaf === PARAGRAPH && (continues || lazy)) return paragraphLine(s, at, false);
    return startBlock(s, keep, CODE);
  }
  const c = raw.charCodeAt(at);
  if (c === 35 /* # */ && heading(s, keep, at)) return;
  if ((c === 96 || c === 126) && fence(s, keep, at)) return;
  if (c === 60 /* < */ && html(s, keep, at, continues)) return;
  if ((c === 61 || c === 45) && continues && s.leaf === PARAGRAPH && !s.definitionsOnly && isSetextUnderline(raw, at)) {
    s.visitor.heading(c === 61 ? 1 : 2, s.lastText, s.line - 1);
    s.leaf = NONE;
    return;
  }
  if ((c === 45 || c === 42 || c === 95) && isThematicBreak(raw, at)) return void startBlock(s, keep, NONE);
  if (s.leaf === TABLE && continues) return s.visitor.row(cells(raw.slice(at)), s.line);
  if (c === 91 /* [ */ && definition(s, keep, at, s.leaf === PARAGRAPH && (continues || lazy))) return;
  // A table's header row may interrupt a paragraph (GFM), but cannot be a lazy line.
  if (!lazy && tableHeader(s, keep, at)) return;
  if (s.leaf === PARAGRAPH && (continues || lazy)) return paragraphLine(s, at, false);
  startBlock(s, keep, PARAGRAPH);
  s.definitionsOnly = false;
  s.paragraphFirst = s.line;
  s.paragraphQuoted = s.quotes > 0;
  if (s.pending !== null) itemLine(s, at);
  else paragraphLine(s, at, true);
}

/** Close what the line does not continue, then open `leaf` (NONE: the line is a block of its own). */
function startBlock(s: ScanState, keep: number, leaf: number): void {
  closeContainers(s, keep);
  if (leaf !== PARAGRAPH) flushPendingItem(s);
  setLeaf(s, leaf);
}

function blankLine(s: ScanState, keep: number): void {
  closeContainers(s, keep);
  flushPendingItem(s);
  if (s.leaf === PARAGRAPH || s.leaf === TABLE || (s.leaf === HTML && (s.htmlEnd === END_BLANK || s.htmlEnd === END_BLANK_TAG))) closeLeaf(s);
  s.visitor.blank?.(s.line);
}

function heading(s: ScanState, keep: number, at: number): boolean {
  const found = atxHeading(s.raw, at);
  if (!found) return false;
  closeContainers(s, keep);
  setLeaf(s, NONE);
  s.pending = null; // an outliner bullet holding a heading (`- ## Criteria`) is the heading
  s.visitor.heading(found.depth, inlineText(found.text), s.line);
  return true;
}

function fence(s: ScanState, keep: number, at: number): boolean {
  const open = openingFence(s.raw, at);
  if (!open) return false;
  startBlock(s, keep, FENCE);
  s.fenceChar = open.char;
  s.fenceLength = open.length;
  return true;
}

function html(s: ScanState, keep: number, at: number, continues: boolean): boolean {
  const rest = at === 0 ? s.raw : s.raw.slice(at);
  const end = htmlBlockStart(rest, continues && s.leaf === PARAGRAPH);
  if (end === NO_HTML) return false;
  closeContainers(s, keep);
  setLeaf(s, HTML);
  s.htmlEnd = end;
  s.htmlFrom = s.htmlLast = s.line;
  if (end === END_COMMENT) flushPendingItem(s);
  else if (s.pending !== null) itemLine(s, at);
  else htmlText(s, at);
  if (htmlBlockEnds(end, s.raw, at)) s.leaf = NONE;
  return true;
}

/** A line of an HTML block other than a comment: text, as the reference reads it. */
function htmlText(s: ScanState, at: number): void {
  const text = s.raw.slice(at).trimEnd();
  if (text !== '') s.visitor.text(text, s.line, s.indent);
}

/** The next line of an open fence, HTML block or indented code; false when it ends that block. */
export function continueLeaf(s: ScanState): boolean {
  const raw = s.raw;
  const at = firstNonSpace(s);
  if (s.leaf === FENCE) {
    if (indentAhead(s) < 4 && closesFence(raw, at, s.fenceChar, s.fenceLength)) s.leaf = NONE;
    return true;
  }
  if (s.leaf === CODE) {
    if (at >= raw.length || indentAhead(s) >= 4) return true;
    s.leaf = NONE;
    return false;
  }
  // HTML
  const blank = at >= raw.length;
  if (blank && (s.htmlEnd === END_BLANK || s.htmlEnd === END_BLANK_TAG)) {
    s.leaf = NONE;
    return false;
  }
  if (s.htmlEnd !== END_COMMENT) htmlText(s, lineStart(raw));
  else if (!blank) s.htmlLast = s.line;
  if (htmlBlockEnds(s.htmlEnd, raw, 0)) s.leaf = NONE;
  return true;
}

/** After the line's indentation and block-quote markers, as the reference reads text lines. */
export function lineStart(raw: string): number {
  let i = 0;
  for (;;) {
    const c = raw.charCodeAt(i);
    if (c === 32 || c === 9) i++;
    else if (c === 62 /* > */) i++;
    else return i;
  }
}

function closesFence(raw: string, at: number, char: number, length: number): boolean {
  let n = 0;
  while (at + n < raw.length && raw.charCodeAt(at + n) === char) n++;
  if (n < length) return false;
  for (let j = at + n; j < raw.length; j++) {
    const c = raw.charCodeAt(j);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** A link reference definition is not text; it cannot interrupt a paragraph. */
function definition(s: ScanState, keep: number, at: number, inParagraph: boolean): boolean {
  const more = s.leaf === PARAGRAPH && s.definitionsOnly;
  if (inParagraph && !more) return false;
  const lines = definitionLines(at === 0 ? s.raw : s.raw.slice(at), (k) => lineBelow(s, k));
  if (lines === 0) return false;
  if (!more) {
    startBlock(s, keep, PARAGRAPH);
    flushPendingItem(s); // an item that opens with a definition is an empty bullet
    s.definitionsOnly = true;
    s.paragraphFirst = s.line;
    s.lastText = '';
  }
  s.skipLines = lines - 1;
  return true;
}

/** The k-th line below this one without indentation and quote markers; null from a blank line on. */
function lineBelow(s: ScanState, k: number): string | null {
  let from = s.next;
  for (let n = 1; from < s.text.length; n++) {
    let end = s.text.indexOf('\n', from);
    if (end === -1) end = s.text.length;
    const line = s.text.slice(from, end);
    const start = lineStart(line);
    if (start >= line.length) return null;
    if (n === k) return line.slice(start);
    from = end + 1;
  }
  return null;
}

/** A GFM table starts at a row right above a delimiter row with as many cells. */
function tableHeader(s: ScanState, keep: number, at: number): boolean {
  if (!mayBeDelimiterRow(s.text, s.next)) return false; // most lines: the next line starts with a letter or is blank
  const columns = rowCount(s.raw.slice(at));
  if (!delimiterRowBelow(s, columns, keep)) return false;
  startBlock(s, keep, TABLE);
  s.tableColumns = columns;
  s.skipDelimiter = true;
  return true;
}

function cells(row: string): string[] {
  const split = tableCells(row, 0);
  return row.indexOf('<!--') === -1 ? split : split.map(inlineText);
}
