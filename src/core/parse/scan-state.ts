// The block scanner's state, one plain object per note (micromark-style: the recognisers in
// containers.ts and leaves.ts read and update it): the line being read with a cursor in
// columns, the open containers (block quotes, list items) and the one open leaf block.
import type { BlockVisitor } from './visitor';

/** The open leaf block, inside the innermost open container. */
export const NONE = 0;
export const PARAGRAPH = 1;
export const FENCE = 2;
export const HTML = 3;
export const CODE = 4;
export const TABLE = 5;

export interface Container {
  quote: boolean;
  /** List items: the column their content starts at (lines indented this far stay inside). */
  contentCol: number;
  /** A list item that began with a blank line and holds nothing yet (a second blank ends it). */
  empty: boolean;
}

/** A list item opened on this line whose event waits for the block its content starts with. */
export interface PendingItem {
  indent: number;
  ordered: boolean;
  line: number;
}

export interface ScanState {
  readonly text: string;
  readonly visitor: BlockVisitor;
  /** The line being read: its number, text, and the offset where the next line starts. */
  line: number;
  raw: string;
  next: number;
  /** Cursor: offset in `raw`, its column, and columns of a tab at `i` already consumed. */
  i: number;
  col: number;
  partial: number;
  /** Column of the line's first visible character before any `>` (what events report). */
  indent: number;
  containers: Container[];
  /** Block quotes among the open containers (text in a quote may hold a callout header). */
  quotes: number;
  leaf: number;
  fenceChar: number;
  fenceLength: number;
  fenceIndent: number;
  /** HTML blocks: the end condition (html-blocks.ts), the first and last non-blank line, whether it is a comment. */
  htmlEnd: number;
  htmlFrom: number;
  htmlLast: number;
  /** The open paragraph: its last line's text (a setext heading's name), in a quote, only link definitions so far. */
  lastText: string;
  paragraphQuoted: boolean;
  paragraphFirst: number;
  definitionsOnly: boolean;
  tableColumns: number;
  /** The next line is the delimiter row under a table's header (checked when the header was read). */
  skipDelimiter: boolean;
  pending: PendingItem | null;
  /** Lines still to pass over: the rest of a link definition that spans lines. */
  skipLines: number;
  /** Lines until an inline comment that spans paragraph lines closes (0: none open). */
  inlineCommentLines: number;
  /** Lines before this one belong to a paragraph in which no open inline comment closes. */
  noCloseBefore: number;
  /**
   * The whitespace run the cursor is in, measured once per run (see whitespaceRun): a line
   * indented by thousands of columns under as many open items is measured once, not once per item.
   */
  wsLine: number;
  wsStart: number;
  wsEnd: number;
  wsEndCol: number;
}

export function createScanState(text: string, visitor: BlockVisitor): ScanState {
  return {
    text,
    visitor,
    line: 0,
    raw: '',
    next: 0,
    i: 0,
    col: 0,
    partial: 0,
    indent: 0,
    containers: [],
    quotes: 0,
    leaf: NONE,
    fenceChar: 0,
    fenceLength: 0,
    fenceIndent: 0,
    htmlEnd: 0,
    htmlFrom: 0,
    htmlLast: 0,
    lastText: '',
    paragraphQuoted: false,
    paragraphFirst: 0,
    definitionsOnly: false,
    tableColumns: 0,
    skipDelimiter: false,
    pending: null,
    skipLines: 0,
    inlineCommentLines: 0,
    noCloseBefore: 0,
    wsLine: -1,
    wsStart: 0,
    wsEnd: 0,
    wsEndCol: 0,
  };
}

/**
 * The column after a space or tab (code `c`) at `col`: a tab fills to the next multiple of 4.
 * The tab stop is worked out for every character, so optimised code has run this arithmetic
 * before the first tab (an operation never run before compiles as a deoptimisation, and the
 * first tab-indented note used to throw the whole optimised scanner away).
 */
export function nextColumn(col: number, c: number): number {
  const tabStop = col + 4 - (col & 3);
  return c === 9 ? tabStop : col + 1;
}

/** Measure the whitespace run at the cursor, unless the cursor is still inside the one measured. */
function whitespaceRun(s: ScanState): void {
  if (s.wsLine === s.line && s.i >= s.wsStart && s.i <= s.wsEnd) return;
  let col = s.col;
  let i = s.i;
  if (s.partial > 0) {
    col += s.partial;
    i++;
  }
  for (; i < s.raw.length; i++) {
    const c = s.raw.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    col = nextColumn(col, c);
  }
  s.wsLine = s.line;
  s.wsStart = s.i;
  s.wsEnd = i;
  s.wsEndCol = col;
}

/** Columns of whitespace from the cursor (a partly consumed tab counts what is left of it). */
export function indentAhead(s: ScanState): number {
  whitespaceRun(s);
  return s.wsEndCol - s.col;
}

/** Offset of the first non-whitespace character from the cursor (the line's length if none). */
export function firstNonSpace(s: ScanState): number {
  whitespaceRun(s);
  return s.wsEnd;
}

/** Move the cursor `columns` columns on through whitespace, splitting a tab when needed. */
export function advanceColumns(s: ScanState, columns: number): void {
  let left = columns;
  while (left > 0 && s.i < s.raw.length) {
    const c = s.raw.charCodeAt(s.i);
    // Both tests, and a tab's width (what is left of a split one, or to the next tab stop), are
    // worked out for every character: see nextColumn. A space is one column (never split: left ≥ 1).
    const isTab = c === 9;
    const isSpace = c === 32;
    if (!isTab && !isSpace) return;
    const partial = s.partial;
    const tab = partial > 0 ? partial : 4 - (s.col & 3);
    const width = isTab ? tab : 1;
    // A tab wider than what is left is split: the rest of it stays for the next call.
    const taken = width > left ? left : width;
    s.partial = width - taken;
    s.col += taken;
    left -= taken;
    if (s.partial > 0) return;
    s.i++;
  }
}

/** Move the cursor to the first non-whitespace character. */
export function advanceToNonSpace(s: ScanState): void {
  advanceColumns(s, indentAhead(s));
}

/** Whether the rest of the line from the cursor is blank. */
export function restIsBlank(s: ScanState): boolean {
  return firstNonSpace(s) >= s.raw.length;
}
