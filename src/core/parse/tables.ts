// GFM tables: a header row counts its cells, and the line below it must be a delimiter row with
// as many, inside the same containers. The header and delimiter rows are structure, not text.
import type { ScanState } from './scan-state';

const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;

/** Cells of a row: split at unescaped pipes, a leading and a trailing pipe dropped. */
export function rowCount(row: string): number {
  return splitRow(row.trim()).length;
}

function splitRow(row: string): string[] {
  const cells: string[] = [];
  let start = row.charCodeAt(0) === 124 ? 1 : 0;
  for (let i = start; i < row.length; i++) {
    const c = row.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 124 /* | */) {
      cells.push(row.slice(start, i));
      start = i + 1;
    }
  }
  if (start < row.length || cells.length === 0) cells.push(row.slice(start));
  return cells;
}

/**
 * Whether the line starting at `from` may be a delimiter row: it holds a `-` and nothing but
 * pipes, colons, dashes, whitespace and block-quote markers (a cheap test before counting cells).
 */
export function mayBeDelimiterRow(text: string, from: number): boolean {
  let dash = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) dash = true;
    else if (c === 10) break;
    else if (c !== 124 && c !== 58 && c !== 62 && !(c <= 32 || (c > 127 && String.fromCharCode(c).trim() === ''))) return false; // what trim() drops may surround the row
  }
  return dash;
}

/** Whether the next line, inside the first `keep` containers, is a delimiter row of `count` cells. */
export function delimiterRowBelow(s: ScanState, count: number, keep: number): boolean {
  const text = s.text;
  if (s.next >= text.length) return false;
  let end = text.indexOf('\n', s.next);
  if (end === -1) end = text.length;
  const line = text.slice(s.next, end);
  if (line.indexOf('-') === -1) return false;
  const rest = insideContainers(s, line, keep);
  if (rest === null || /^ {0,3}-+[ \t]*$/.test(rest)) return false; // a setext underline
  const trimmed = rest.trim();
  if (indentOf(rest) >= 4 || trimmed === '') return false;
  const cells = splitRow(trimmed);
  return cells.length === count && cells.every((cell) => DELIMITER_CELL.test(cell));
}

/**
 * The line after the open containers' markers, or null when it does not continue them all. The
 * same column arithmetic as matchContainers: a tab may be split between two containers.
 */
function insideContainers(s: ScanState, line: string, keep: number): string | null {
  let i = 0;
  let col = 0;
  let partial = 0; // columns of the tab at `i` still to consume
  // The whitespace run ahead, measured once per run: its end and that end's column.
  let runStart = -1;
  let runEnd = -1;
  let runEndCol = 0;
  for (let n = 0; n < keep; n++) {
    const c = s.containers[n]!;
    if (i < runStart || i > runEnd) {
      runStart = i;
      runEnd = partial > 0 ? i + 1 : i;
      runEndCol = col + partial;
      while (line.charCodeAt(runEnd) === 32 || line.charCodeAt(runEnd) === 9) {
        runEndCol += line.charCodeAt(runEnd) === 9 ? 4 - (runEndCol % 4) : 1;
        runEnd++;
      }
    }
    const j = runEnd;
    const end = runEndCol;
    if (c.quote) {
      if (end - col >= 4 || line.charCodeAt(j) !== 62) return null;
      i = j + 1;
      col = end + 1;
      partial = 0;
      if (line.charCodeAt(i) === 32) {
        i++;
        col++;
      }
      continue;
    }
    if (end - col < c.contentCol && j < line.length) return null;
    let left = c.contentCol;
    while (left > 0 && i < line.length) {
      const width = line.charCodeAt(i) === 9 ? (partial > 0 ? partial : 4 - (col % 4)) : 1;
      if (width > left) {
        partial = width - left;
        col += left;
        break;
      }
      col += width;
      left -= width;
      partial = 0;
      i++;
    }
  }
  return partial > 0 ? ' '.repeat(partial) + line.slice(i + 1) : line.slice(i);
}

function indentOf(line: string): number {
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return col;
}
