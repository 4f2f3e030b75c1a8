// The fast structural pass: one walk over the lines that tells a visitor which lines are
// headings, list items, paragraph text and table rows. Fenced code, indented code and HTML
// comments are skipped here, so nothing inside them can count. It follows CommonMark/GFM where
// notes depend on it; `reference.ts` derives the same events from a remark tree for comparison.

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
}

// `[label]: destination "title"`, a link reference definition (not a footnote, `[^1]: …`).
const LINK_DEFINITION = /^\[(?!\^)(?=[^\]]*\S)(?:[^[\]\\]|\\.){1,999}\]:[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;

const LOGSEQ_MARKERS = new Set(['TODO', 'DOING', 'DONE', 'LATER', 'NOW', 'WAITING', 'WAIT', 'CANCELED', 'CANCELLED', 'IN-PROGRESS']);

/** Visit the body of a note. `text` uses `\n` line ends; `offset`/`firstLine` locate the body. */
export function scanBlocks(text: string, offset: number, firstLine: number, visitor: BlockVisitor): void {
  let pos = offset;
  let line = firstLine - 1;
  let fence: { char: number; length: number } | null = null;
  let inComment = false;
  let prevBlank = true;
  let prevParagraph = false;
  /** The previous line was a list item with text: its paragraph may continue on this line. */
  let prevItemText = false;
  let listOpen = false;
  let tableOpen = false;
  let lastText = '';
  const length = text.length;

  while (pos < length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = length;
    let content = text.slice(pos, end);
    pos = end + 1;
    line++;

    if (fence !== null) {
      if (closesFence(content, fence)) fence = null;
      continue;
    }
    const afterItemText = prevItemText;
    prevItemText = false;
    if (inComment) {
      const close = content.indexOf('-->');
      if (close === -1) continue;
      content = content.slice(close + 3);
      inComment = false;
      if (content.trim() === '') continue;
    }
    if (content.indexOf('<!--') !== -1) {
      const stripped = stripComments(content);
      content = stripped.text;
      inComment = stripped.open;
      if (content.trim() === '') {
        if (!inComment) {
          visitor.blank(line);
          prevBlank = true;
          prevParagraph = false;
          tableOpen = false;
        }
        continue;
      }
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

    // Indented code: four columns in, after a blank line, outside a list.
    if (col >= 4 && !listOpen && !quoted && (prevBlank || !prevParagraph)) {
      prevBlank = false;
      prevParagraph = false;
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
        visitor.heading(heading.depth, heading.text, line);
        if (col === 0) listOpen = false;
        prevBlank = false;
        prevParagraph = false;
        tableOpen = false;
        continue;
      }
    }

    // Setext underline (`===` / `---` right under paragraph text) makes that text a heading. The
    // text line was already reported as text; the heading event marks the section boundary.
    if (prevParagraph && (first === 61 || first === 45) && isSetextUnderline(content, i)) {
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

    // List items: `-`, `*`, `+`, `1.`, `1)`.
    const marker = listMarker(content, i);
    if (marker !== -1) {
      let j = marker;
      while (content.charCodeAt(j) === 32 || content.charCodeAt(j) === 9) j++;
      const ordered = first >= 48 && first <= 57;
      let rest = content.slice(j);
      // An outliner bullet holding a heading: `- ## Maturity Criteria`.
      if (rest.charCodeAt(0) === 35) {
        const heading = atxHeading(rest, 0);
        if (heading) {
          visitor.heading(heading.depth, heading.text, line);
          listOpen = true;
          prevBlank = false;
          prevParagraph = false;
          tableOpen = false;
          continue;
        }
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
      visitor.item(col, ordered, check, trimEnd(rest), line);
      prevItemText = rest.trim() !== '';
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
        visitor.row(tableCells(content, i), line);
      } else if (isTableDelimiter(peekLine(text, pos), 0)) {
        // header row: structure only
      } else {
        visitor.text(trimEnd(content.slice(i)), line, col);
      }
      prevBlank = false;
      prevParagraph = false;
      continue;
    }

    // A link reference definition cannot interrupt a paragraph; elsewhere it is not text.
    if (first === 91 && !prevParagraph && !afterItemText && LINK_DEFINITION.test(content.slice(i))) {
      prevBlank = false;
      tableOpen = false;
      continue;
    }

    // Anything else is paragraph text (or lazy continuation of a list item).
    if (listOpen && col === 0 && prevBlank) listOpen = false;
    lastText = trimEnd(content.slice(i));
    visitor.text(lastText, line, col);
    prevBlank = false;
    prevParagraph = true;
    tableOpen = false;
  }
}

function trimEnd(s: string): string {
  const last = s.charCodeAt(s.length - 1);
  return last === 32 || last === 9 || last === 13 ? s.trimEnd() : s;
}

function peekLine(text: string, pos: number): string {
  if (pos >= text.length) return '';
  let end = text.indexOf('\n', pos);
  if (end === -1) end = text.length;
  return text.slice(pos, end).trim();
}

function openingFence(content: string, i: number): { char: number; length: number } | null {
  const char = content.charCodeAt(i);
  let n = 0;
  while (content.charCodeAt(i + n) === char) n++;
  if (n < 3) return null;
  if (char === 96 && content.indexOf('`', i + n) !== -1) return null; // backtick info strings hold no backticks
  return { char, length: n };
}

function closesFence(content: string, fence: { char: number; length: number }): boolean {
  let i = 0;
  while (content.charCodeAt(i) === 32 || content.charCodeAt(i) === 9) i++;
  let n = 0;
  while (content.charCodeAt(i + n) === fence.char) n++;
  if (n < fence.length) return false;
  return content.slice(i + n).trim() === '';
}

function atxHeading(content: string, i: number): { depth: number; text: string } | null {
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

function isSetextUnderline(content: string, i: number): boolean {
  const char = content.charCodeAt(i);
  let j = i;
  while (content.charCodeAt(j) === char) j++;
  return content.slice(j).trim() === '';
}

function isThematicBreak(content: string, i: number): boolean {
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
function listMarker(content: string, i: number): number {
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

function isTableDelimiter(content: string, i: number): boolean {
  if (content.length - i < 3) return false;
  let dashes = 0;
  for (let j = i; j < content.length; j++) {
    const c = content.charCodeAt(j);
    if (c === 45) dashes++;
    else if (c !== 124 && c !== 58 && c !== 32 && c !== 9 && c !== 13) return false;
  }
  return dashes > 0 && content.indexOf('|', i) !== -1;
}

/** Split a table row into trimmed cells; `\|` and pipes inside code spans stay in the cell. */
export function tableCells(content: string, i: number): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  let start = i;
  if (content.charCodeAt(start) === 124) start++;
  for (let j = start; j < content.length; j++) {
    const ch = content[j]!;
    if (ch === '\\' && content[j + 1] === '|') {
      cell += '|';
      j++;
    } else if (ch === '`') {
      inCode = !inCode;
      cell += ch;
    } else if (ch === '|' && !inCode) {
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
function stripComments(content: string): { text: string; open: boolean } {
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
