// Recognisers for single lines of Markdown, used by the block scanner: fences, headings,
// list markers, thematic breaks, tables, comments, link reference definitions.

// `[label]: destination "title"`, a link reference definition (not a footnote, `[^1]: …`).
export const LINK_DEFINITION = /^\[(?!\^)(?=[^\]]*\S)(?:[^[\]\\]|\\.){1,999}\]:[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;

export const LOGSEQ_MARKERS = new Set(['TODO', 'DOING', 'DONE', 'LATER', 'NOW', 'WAITING', 'WAIT', 'CANCELED', 'CANCELLED', 'IN-PROGRESS']);

export function trimEnd(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  return last === 32 || last === 9 || last === 13 ? s.trimEnd() : s;
}

export function peekLine(text: string, pos: number): string {
  if (pos >= text.length) return '';
  let end = text.indexOf('\n', pos);
  if (end === -1) end = text.length;
  return text.slice(pos, end).trim();
}

export function openingFence(content: string, i: number): { char: number; length: number } | null {
  const char = content.charCodeAt(i);
  let n = 0;
  while (content.charCodeAt(i + n) === char) n++;
  if (n < 3) return null;
  if (char === 96 && content.indexOf('`', i + n) !== -1) return null; // backtick info strings hold no backticks
  return { char, length: n };
}

export function closesFence(content: string, fence: { char: number; length: number }): boolean {
  let i = 0;
  while (content.charCodeAt(i) === 32 || content.charCodeAt(i) === 9) i++;
  let n = 0;
  while (content.charCodeAt(i + n) === fence.char) n++;
  if (n < fence.length) return false;
  return content.slice(i + n).trim() === '';
}

export function atxHeading(content: string, i: number): { depth: number; text: string } | null {
  let depth = 0;
  while (content.charCodeAt(i + depth) === 35) depth++;
  if (depth === 0 || depth > 6) return null;
  const after = content.charCodeAt(i + depth);
  if (!(Number.isNaN(after) || after === 32 || after === 9)) return null;
  let text = content.slice(i + depth).trim();
  // Optional closing sequence: `## Title ##`.
  const closing = /\s#+$/.exec(text);
  if (closing) text = text.slice(0, closing.index).trim();
  else if (/^#+$/.test(text)) text = '';
  return { depth, text };
}

export function isSetextUnderline(content: string, i: number): boolean {
  const char = content.charCodeAt(i);
  let j = i;
  while (content.charCodeAt(j) === char) j++;
  return content.slice(j).trim() === '';
}

export function isThematicBreak(content: string, i: number): boolean {
  const char = content.charCodeAt(i);
  let count = 0;
  for (let j = i; j < content.length; j++) {
    const c = content.charCodeAt(j);
    if (c === char) count++;
    else if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return count >= 3;
}

/** Whether the list item at `marker` may interrupt a paragraph: not empty, and numbered from 1. */
export function canInterrupt(content: string, i: number, marker: number): boolean {
  if (content.slice(marker).trim() === '') return false;
  const c = content.charCodeAt(i);
  if (c < 48 || c > 57) return true;
  let j = i;
  while (content.charCodeAt(j) === 48) j++; // `01.` is 1
  return content.charCodeAt(j) === 49 && (content.charCodeAt(j + 1) === 46 || content.charCodeAt(j + 1) === 41);
}

/** Offset just after a list marker and its following space, or -1. */
export function listMarker(content: string, i: number): number {
  const c = content.charCodeAt(i);
  if (c === 45 || c === 42 || c === 43) {
    const next = content.charCodeAt(i + 1);
    if (Number.isNaN(next)) return i + 1;
    return next === 32 || next === 9 ? i + 2 : -1;
  }
  if (c >= 48 && c <= 57) {
    let j = i;
    while (j - i < 9 && content.charCodeAt(j) >= 48 && content.charCodeAt(j) <= 57) j++;
    const d = content.charCodeAt(j);
    if (d !== 46 && d !== 41) return -1;
    const next = content.charCodeAt(j + 1);
    if (Number.isNaN(next)) return j + 1;
    return next === 32 || next === 9 ? j + 2 : -1;
  }
  return -1;
}

export function isTableDelimiter(content: string, i: number): boolean {
  if (content.length - i < 3) return false;
  let dashes = 0;
  for (let j = i; j < content.length; j++) {
    const c = content.charCodeAt(j);
    if (c === 45) dashes++;
    else if (c !== 124 && c !== 58 && c !== 32 && c !== 9 && c !== 13) return false;
  }
  return dashes > 0 && content.indexOf('|', i) !== -1;
}

/**
 * Split a table row into trimmed cells. `\|` is a pipe inside a cell; every other pipe divides
 * cells, in code spans too (GFM: a pipe in code must be escaped).
 */
export function tableCells(content: string, i: number): string[] {
  const cells: string[] = [];
  let cell = '';
  let start = i;
  if (content.charCodeAt(start) === 124) start++;
  for (let j = start; j < content.length; j++) {
    const ch = content[j]!;
    if (ch === '\\' && content[j + 1] === '|') {
      cell += '|';
      j++;
    } else if (ch === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell.trim() !== '') cells.push(cell.trim());
  return cells;
}

/** Remove `<!-- … -->` spans from a line; `open` when a comment continues past the line. */
export function stripComments(content: string): { text: string; open: boolean } {
  let out = '';
  let pos = 0;
  for (;;) {
    const start = content.indexOf('<!--', pos);
    if (start === -1) return { text: out + content.slice(pos), open: false };
    out += content.slice(pos, start);
    const end = content.indexOf('-->', start + 4);
    if (end === -1) return { text: out, open: true };
    pos = end + 3;
  }
}
