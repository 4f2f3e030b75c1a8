// The fast structure pass: one walk over the lines, CommonMark/GFM block structure as micromark
// reads it, told to a visitor as headings, list items, paragraph lines and table rows. Each line
// continues or closes the open containers (containers.ts), may open new ones, and what is left
// goes to the leaf recognisers (leaves.ts); code, comments and the structure rows tell nothing.
import { closeLeaf, flushPendingItem, matchContainers, openContainers } from './containers';
import { continueLeaf, readLeaf } from './leaves';
import { commentLine } from './paragraphs';
import { CODE, FENCE, HTML, TABLE, createScanState, nextColumn, type ScanState } from './scan-state';
import type { BlockVisitor } from './visitor';

export type { BlockVisitor } from './visitor';
// Editing commands split table rows the way the scanner does.
export { tableCells } from './block-lines';

/**
 * Visit the body of a note. `text` uses `\n` line ends; `offset`/`firstLine` locate the body.
 * Returns the note's line count (what counting its `\n` gives) when it walked to the end of the
 * text, which tells it; nothing for an empty body.
 */
export function scanBlocks(text: string, offset: number, firstLine: number, visitor: BlockVisitor): number | undefined {
  const s = createScanState(text, visitor);
  s.next = offset;
  s.line = firstLine - 1;
  while (s.next < text.length) {
    let end = text.indexOf('\n', s.next);
    if (end === -1) end = text.length;
    s.raw = text.slice(s.next, end);
    s.next = end + 1;
    s.line++;
    scanLine(s);
  }
  flushPendingItem(s);
  closeLeaf(s);
  // An empty body (a note of front matter or a byte-order mark alone) says nothing of the lines
  // before it. Otherwise the walk ended on the last line, or before the empty one a final `\n` ends.
  if (offset >= text.length) return undefined;
  return text.charCodeAt(text.length - 1) === 10 ? s.line + 1 : s.line;
}

function scanLine(s: ScanState): void {
  s.i = 0;
  s.col = 0;
  s.partial = 0;
  s.indent = leadingColumns(s.raw);
  if (s.inlineCommentLines > 0) return commentLine(s);
  if (s.skipLines > 0) {
    s.skipLines--;
    return;
  }
  const matched = matchContainers(s);
  const all = matched === s.containers.length;
  if (all && (s.leaf === FENCE || s.leaf === HTML || s.leaf === CODE) && continueLeaf(s)) return;
  if (s.skipDelimiter) {
    s.skipDelimiter = false;
    if (all && s.leaf === TABLE) return; // the row under the header: checked when the header was read
  }
  const opened = all && (s.leaf === FENCE || s.leaf === HTML) ? 0 : openContainers(s, matched);
  readLeaf(s, matched, opened);
}

function leadingColumns(raw: string): number {
  let col = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    col = nextColumn(col, c);
  }
  return col;
}
