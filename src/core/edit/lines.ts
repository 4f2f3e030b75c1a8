// A note as an array of lines that remembers every byte around them: each line's own ending
// (CRLF, LF or a lone CR, exactly as the parser counts lines), the BOM, and whether the last line
// ends with a newline. Edits replace or insert whole lines; everything else is joined back as is.

export type LineEnding = '\r\n' | '\n' | '\r' | '';

export interface Line {
  /** The line's text without its ending (and without the BOM on line 1). */
  content: string;
  ending: LineEnding;
}

export interface LineDocument {
  bom: boolean;
  lines: Line[];
  /** The ending most lines use; new lines get it. LF when the note has no line break. */
  eol: '\r\n' | '\n' | '\r';
}

/** A change to whole lines: at 0-based `index` of the original, remove `remove` lines, insert `insert`. */
export interface LineEdit {
  index: number;
  remove: number;
  insert: string[];
  reason: string;
}

/**
 * One edit as a caller sees it: which lines, before and after. `line` is the 1-based line of the
 * original where it applies (for an insertion, the line it goes before; one past the last line
 * at the end); `newLine` is where the new lines start in the edited text.
 */
export interface Change {
  line: number;
  newLine: number;
  before: string[];
  after: string[];
  reason: string;
}

export interface EditResult {
  text: string;
  changes: Change[];
}

export function splitLines(text: string): LineDocument {
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines: Line[] = [];
  const counts = { '\r\n': 0, '\n': 0, '\r': 0 };
  let start = bom ? 1 : 0;
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const ending: LineEnding = c === 13 ? (text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r') : '\n';
      lines.push({ content: text.slice(start, i), ending });
      counts[ending]++;
      i += ending.length;
      start = i;
    } else {
      i++;
    }
  }
  if (start < n) lines.push({ content: text.slice(start), ending: '' });
  const eol = counts['\r\n'] >= counts['\n'] && counts['\r\n'] >= counts['\r'] && counts['\r\n'] > 0 ? '\r\n' : counts['\r'] > counts['\n'] ? '\r' : '\n';
  return { bom, lines, eol };
}

export function joinLines(doc: LineDocument): string {
  let out = doc.bom ? '\ufeff' : '';
  for (const line of doc.lines) out += line.content + line.ending;
  return out;
}

/**
 * Apply non-overlapping edits to the original lines. A replaced line keeps its own ending; an
 * inserted line takes the ending of its neighbour (the document's usual one); inserting after a
 * last line that has no newline keeps the "no newline at end" shape.
 */
export function applyEdits(doc: LineDocument, edits: LineEdit[]): { doc: LineDocument; changes: Change[] } {
  const sorted = [...edits].sort((a, b) => a.index - b.index || a.remove - b.remove);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    if (sorted[k]!.index < prev.index + prev.remove) throw new Error(`overlapping edits at line ${sorted[k]!.index + 1}`);
  }
  const out: Line[] = [];
  const changes: Change[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.index < 0 || edit.index + edit.remove > doc.lines.length) throw new Error(`edit outside the note at line ${edit.index + 1}`);
    while (cursor < edit.index) out.push(doc.lines[cursor++]!);
    const removed = doc.lines.slice(edit.index, edit.index + edit.remove);
    const newLine = out.length + 1;
    const atEnd = edit.index === doc.lines.length;
    edit.insert.forEach((content, k) => {
      const ending = k < removed.length ? removed[k]!.ending : doc.eol;
      out.push({ content, ending });
    });
    if (removed.length > edit.insert.length && edit.insert.length > 0) {
      // Fewer lines than before: the last new line takes the last removed line's ending.
      out[out.length - 1] = { content: out[out.length - 1]!.content, ending: removed[removed.length - 1]!.ending };
    }
    if (atEnd && edit.insert.length > 0) {
      // Appending: the old last line gains a newline, the new last line takes over its absence.
      const before = out.length - edit.insert.length - 1;
      if (before >= 0 && out[before]!.ending === '') {
        out[before] = { content: out[before]!.content, ending: doc.eol };
        out[out.length - 1] = { content: out[out.length - 1]!.content, ending: '' };
      }
    }
    changes.push({
      line: edit.index + 1,
      newLine,
      before: removed.map((l) => l.content),
      after: [...edit.insert],
      reason: edit.reason,
    });
    cursor = edit.index + edit.remove;
  }
  while (cursor < doc.lines.length) out.push(doc.lines[cursor++]!);
  return { doc: { bom: doc.bom, lines: out, eol: doc.eol }, changes };
}

/** Edit a text by line edits; unchanged text comes back identical (same string). */
export function editText(text: string, edits: LineEdit[]): EditResult {
  const real = edits.filter((e) => e.remove > 0 || e.insert.length > 0);
  if (real.length === 0) return { text, changes: [] };
  const doc = splitLines(text);
  const applied = applyEdits(doc, real);
  const changes = applied.changes.filter((c) => c.before.length !== c.after.length || c.before.some((b, i) => b !== c.after[i]));
  if (changes.length === 0) return { text, changes: [] };
  return { text: joinLines(applied.doc), changes };
}

/** Leading spaces and tabs of a line. */
export function indentOf(content: string): string {
  let i = 0;
  while (i < content.length && (content.charCodeAt(i) === 32 || content.charCodeAt(i) === 9)) i++;
  return content.slice(0, i);
}

/** Trailing whitespace of a line (kept when the line is rewritten). */
export function trailingSpace(content: string): string {
  let i = content.length;
  while (i > 0 && (content.charCodeAt(i - 1) === 32 || content.charCodeAt(i - 1) === 9)) i--;
  return content.slice(i);
}
