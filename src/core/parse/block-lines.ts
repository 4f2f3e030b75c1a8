// Recognisers for single lines of Markdown, used by the block scanner: fences, headings, list
// markers, thematic breaks, setext underlines, table cells.

export function trimEnd(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  return last === 32 || last === 9 || last === 13 ? s.trimEnd() : s;
}

export function openingFence(content: string, i: number): { char: number; length: number } | null {
  const char = content.charCodeAt(i);
  let n = 0;
  while (content.charCodeAt(i + n) === char) n++;
  if (n < 3) return null;
  if (char === 96 && content.indexOf('`', i + n) !== -1) return null; // backtick info strings hold no backticks
  return { char, length: n };
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
