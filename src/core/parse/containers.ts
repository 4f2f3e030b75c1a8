// Container blocks, as CommonMark has them: block quotes and list items. Each line first matches
// the open containers (a `>` for a quote, enough indentation for an item), then may open new
// ones; what is left of the line goes to the leaf recognisers (leaves.ts).
import { isThematicBreak, listMarker } from './block-lines';
import {
  HTML,
  NONE,
  PARAGRAPH,
  advanceColumns,
  firstNonSpace,
  indentAhead,
  restIsBlank,
  type Container,
  type ScanState,
} from './scan-state';
import { END_COMMENT } from './html-blocks';

/** How many of the open containers the line continues; the cursor ends after their markers. */
export function matchContainers(s: ScanState): number {
  const containers = s.containers;
  let matched = 0;
  for (; matched < containers.length; matched++) {
    const c = containers[matched]!;
    if (c.quote) {
      if (!quoteMarker(s)) break;
    } else if (restIsBlank(s)) {
      if (c.empty) break; // an item may begin with one blank line, not two
      advanceColumns(s, indentAhead(s));
    } else if (indentAhead(s) >= c.contentCol) {
      advanceColumns(s, c.contentCol);
      c.empty = false;
    } else {
      break;
    }
  }
  return matched;
}

/** Consume a block-quote marker (`>` after at most three columns, then one optional space). */
function quoteMarker(s: ScanState): boolean {
  const ahead = indentAhead(s);
  const at = firstNonSpace(s);
  if (ahead >= 4 || at >= s.raw.length || s.raw.charCodeAt(at) !== 62) return false;
  advanceColumns(s, ahead);
  s.i++;
  s.col++;
  s.partial = 0;
  if (s.i < s.raw.length) {
    const c = s.raw.charCodeAt(s.i);
    if (c === 32 || c === 9) advanceColumns(s, 1);
  }
  return true;
}

/**
 * Open the block quotes and list items that start at the cursor. `matched` containers continue
 * from earlier lines; when a new container starts, the unmatched ones close first. Returns how
 * many opened.
 */
export function openContainers(s: ScanState, matched: number): number {
  let opened = 0;
  for (;;) {
    const ahead = indentAhead(s);
    if (ahead >= 4) return opened;
    const at = firstNonSpace(s);
    if (at >= s.raw.length) return opened; // a blank rest opens nothing (and is read in bounds)
    const c = s.raw.charCodeAt(at);
    if (c === 62 /* > */) {
      closeContainers(s, matched + opened);
      if (s.leaf !== NONE) closeLeaf(s);
      flushPendingItem(s);
      quoteMarker(s);
      s.containers.push({ quote: true, contentCol: 0, empty: false });
      s.quotes++;
      opened++;
      continue;
    }
    const interrupting = opened === 0 && matched === s.containers.length && s.leaf === PARAGRAPH;
    if (!listItemStart(s, ahead, at, interrupting, matched + opened)) return opened;
    opened++;
  }
}

/** Open a list item at `at` when one starts there (and may interrupt an open paragraph). */
function listItemStart(s: ScanState, ahead: number, at: number, interrupting: boolean, keep: number): boolean {
  const raw = s.raw;
  const c = raw.charCodeAt(at);
  const bullet = c === 45 || c === 42 || c === 43;
  if (!bullet && !(c >= 48 && c <= 57)) return false;
  const afterMarker = listMarker(raw, at);
  if (afterMarker === -1) return false;
  if (bullet && c !== 43 && isThematicBreak(raw, at)) return false;
  const end = raw.charCodeAt(afterMarker - 1) === 32 || raw.charCodeAt(afterMarker - 1) === 9 ? afterMarker - 1 : afterMarker;
  let blank = true;
  for (let j = end; j < raw.length; j++) {
    const d = raw.charCodeAt(j);
    if (d !== 32 && d !== 9) {
      blank = false;
      break;
    }
  }
  if (interrupting && (blank || (!bullet && !startsAtOne(raw, at)))) return false;
  closeContainers(s, keep);
  if (s.leaf !== NONE) closeLeaf(s);
  flushPendingItem(s);
  const markerIndent = s.indent;
  const startCol = s.col;
  advanceColumns(s, ahead);
  s.col += end - s.i;
  s.i = end;
  s.partial = 0;
  // Columns from the container's content to the marker's end, then to the item's content.
  const toMarkerEnd = s.col - startCol;
  let padding = blank ? 1 : indentAhead(s);
  if (padding >= 5) padding = 1;
  if (!blank) advanceColumns(s, padding);
  s.containers.push({ quote: false, contentCol: toMarkerEnd + padding, empty: blank });
  s.pending = { indent: markerIndent, ordered: !bullet, line: s.line };
  return true;
}

function startsAtOne(raw: string, at: number): boolean {
  let j = at;
  while (raw.charCodeAt(j) === 48) j++;
  const d = raw.charCodeAt(j + 1);
  return raw.charCodeAt(j) === 49 && (d === 46 || d === 41);
}

/** The item event of a list item whose first line holds no paragraph text: an empty bullet. */
export function flushPendingItem(s: ScanState): void {
  const pending = s.pending;
  if (pending === null) return;
  s.pending = null;
  s.visitor.item(pending.indent, pending.ordered, null, '', pending.line);
}

/** Close every container after the first `keep` (and the leaf block inside them). */
export function closeContainers(s: ScanState, keep: number): void {
  if (keep >= s.containers.length) return;
  closeLeaf(s);
  while (s.containers.length > keep) {
    if (s.containers.pop()!.quote) s.quotes--;
  }
}

/** Close the open leaf block; a comment block that never closed reports what it hid. */
export function closeLeaf(s: ScanState): void {
  if (s.leaf === HTML && s.htmlEnd === END_COMMENT) s.visitor.unclosedComment?.(s.htmlFrom, s.htmlLast);
  s.leaf = NONE;
  s.inlineCommentLines = 0;
}

/** Open `leaf` (one of the leaf kinds of scan-state.ts), closing the one that was open. */
export function setLeaf(s: ScanState, leaf: number): void {
  if (s.leaf !== NONE) closeLeaf(s);
  s.leaf = leaf;
}

/** The item that holds the cursor's content, if the innermost container is one. */
export function innermostItem(s: ScanState): Container | null {
  const c = s.containers[s.containers.length - 1];
  return c !== undefined && !c.quote ? c : null;
}
