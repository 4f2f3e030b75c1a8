// The least a line-by-line reader of these notes decides, written for speed: the reference the
// parser's structure pass is measured against (issue #20 item 3). For each line, its indent and what
// its first characters open: an ATX heading and its depth, a list item and its task mark, a table
// row, a block quote, a code fence (and the lines inside it), an HTML comment, or paragraph text.
// No substring is made and no regular expression runs; it reads no field and knows no container
// beyond a fence, so it is a floor, not a parser.

export const LINE_KINDS = ['blank', 'heading', 'task', 'item', 'row', 'quote', 'fence', 'code', 'comment', 'text'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

const BLANK = 0;
const HEADING = 1;
const TASK = 2;
const ITEM = 3;
const ROW = 4;
const QUOTE = 5;
const FENCE = 6;
const CODE = 7;
const COMMENT = 8;
const TEXT = 9;

/** Lines of each kind in `text`, added to `counts` (indexed as LINE_KINDS); the indent columns summed in `counts[kinds]`. */
export function classifyLines(text: string, counts: Float64Array): void {
  let inFence = false;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let j = i;
    let indent = 0;
    let c = text.charCodeAt(j);
    while (c === 32 || c === 9) {
      indent += c === 9 ? 4 - (indent & 3) : 1;
      c = text.charCodeAt(++j);
    }
    let end = text.indexOf('\n', j);
    if (end === -1) end = n;
    const kind = lineKind(text, j, end, c, inFence);
    if (kind === FENCE) inFence = !inFence;
    counts[kind]! += 1;
    counts[LINE_KINDS.length]! += indent;
    i = end + 1;
  }
}

/** What the line whose first visible character `c` is at `j` opens. */
function lineKind(text: string, j: number, end: number, c: number, inFence: boolean): number {
  if ((c === 96 || c === 126) && text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === c) return FENCE;
  if (inFence) return CODE;
  if (j >= end) return BLANK;
  if (c === 35) {
    let h = j;
    while (text.charCodeAt(h) === 35) h++;
    const after = text.charCodeAt(h);
    return h - j <= 6 && (h === end || after === 32 || after === 9) ? HEADING : TEXT;
  }
  if (c === 45 || c === 42 || c === 43) {
    const after = text.charCodeAt(j + 1);
    if (after !== 32 && after !== 9 && j + 1 !== end) return TEXT;
    return text.charCodeAt(j + 2) === 91 && text.charCodeAt(j + 4) === 93 ? TASK : ITEM;
  }
  if (c >= 48 && c <= 57) {
    let d = j;
    while (text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
    const mark = text.charCodeAt(d);
    return (mark === 46 || mark === 41) && (text.charCodeAt(d + 1) === 32 || d + 1 === end) ? ITEM : TEXT;
  }
  if (c === 124) return ROW;
  if (c === 62) return QUOTE;
  if (c === 60 && text.charCodeAt(j + 1) === 33 && text.charCodeAt(j + 2) === 45 && text.charCodeAt(j + 3) === 45) return COMMENT;
  return TEXT;
}

/** The counts as a record, for tests and reports. */
export function lineCounts(counts: Float64Array): Record<LineKind, number> {
  const out = {} as Record<LineKind, number>;
  LINE_KINDS.forEach((kind, k) => (out[kind] = counts[k]!));
  return out;
}

export function newLineCounts(): Float64Array {
  return new Float64Array(LINE_KINDS.length + 1);
}
