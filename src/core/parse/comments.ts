// HTML comments as CommonMark reads them. A line that starts with `<!--` opens a comment block
// that runs to the line holding `-->` (all of that line included), or to the end of its container
// when it never closes. Inside text, `<!-- … -->` is inline HTML and is cut out; it may run over
// the following lines of the same paragraph, and when the paragraph ends first it was plain text.
// Code spans and backslash escapes hide a `<!--`.

/** Offset just after the `-->` closing the comment opened at `open` (`<!-->`, `<!--->` close at once); -1 if none on the line. */
export function commentEnd(text: string, open: number): number {
  const close = text.indexOf('-->', open + 2);
  return close === -1 ? -1 : close + 3;
}

export interface CutText {
  /** The text with its closed comments cut out. */
  text: string;
  /** Offset in `text` of a `<!--` that is not closed on the line, outside code; -1 if none. */
  open: number;
}

/**
 * Cut the inline comments out of one line of inline content. A `<!--` left open is reported,
 * not cut: whether it is a comment depends on the lines after it (see `closesInParagraph`).
 */
export function cutComments(text: string): CutText {
  let out = '';
  let from = 0;
  let i = text.indexOf('<!--') === -1 ? text.length : 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i += 2;
    } else if (c === 96 /* ` */) {
      i = afterCodeSpan(text, i);
    } else if (c === 60 /* < */ && text.startsWith('<!--', i)) {
      const end = commentEnd(text, i);
      if (end === -1) return { text: out + text.slice(from), open: out.length + i - from };
      out += text.slice(from, i);
      from = i = end;
    } else {
      i++;
    }
  }
  return { text: from === 0 ? text : out + text.slice(from), open: -1 };
}

/** Past a code span opened by the backtick run at `at`, or past the run when nothing closes it. */
function afterCodeSpan(text: string, at: number): number {
  let run = 0;
  while (text.charCodeAt(at + run) === 96) run++;
  let i = text.indexOf('`', at + run);
  while (i !== -1) {
    let closing = 0;
    while (text.charCodeAt(i + closing) === 96) closing++;
    if (closing === run) return i + closing;
    i = text.indexOf('`', i + closing);
  }
  return at + run;
}

/**
 * Whether an inline comment left open on the line ending just before `pos` closes before its
 * paragraph ends, at the first `-->` on a following line that continues the paragraph. Returns
 * how many lines after the opening one the closing line is; when the paragraph ends first (a
 * blank line, or a line that starts another block), minus the number of lines it still has.
 */
export function closesInParagraph(text: string, pos: number, quoted: boolean): number {
  let lines = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, end);
    if (interruptsParagraph(line, text, end + 1, quoted)) break;
    lines++;
    if (line.indexOf('-->') !== -1) return lines;
    pos = end + 1;
  }
  return -lines;
}

/**
 * Whether a line ends the paragraph above it: blank, or the start of a block that may interrupt
 * a paragraph (heading, setext underline, fence, thematic break, block quote, a list item with
 * text — numbered ones from 1 —, an HTML comment block, a table header). In a `quoted` paragraph
 * the block-quote markers are read through; elsewhere they start a block quote.
 */
export function interruptsParagraph(line: string, text: string, next: number, quoted: boolean): boolean {
  let i = 0;
  let col = 0;
  for (;;) {
    const c = line.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else if (c === 62 /* > */ && quoted) col = 0;
    else break;
    i++;
  }
  if (i >= line.length) return true;
  if (col >= 4) return false; // indented: continues the paragraph
  const c = line.charCodeAt(i);
  const rest = line.slice(i);
  switch (c) {
    case 35 /* # */:
      return /^#{1,6}(?:[ \t]|$)/.test(rest);
    case 61 /* = */:
      return /^=+[ \t]*$/.test(rest);
    case 45 /* - */:
    case 42 /* * */:
    case 95 /* _ */:
    case 43 /* + */:
      return /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(rest) || /^-+[ \t]*$/.test(rest) || (c !== 95 && /^[-*+][ \t]+\S/.test(rest));
    case 96 /* ` */:
    case 126 /* ~ */:
      return /^(`{3,}(?!.*`)|~{3,})/.test(rest);
    case 60 /* < */:
      return rest.startsWith('<!--');
    case 62 /* > */:
      return true;
    case 49 /* 1 */:
      return /^1[.)][ \t]+\S/.test(rest);
    case 48 /* 0 */:
      return /^0*1[.)][ \t]+\S/.test(rest);
    case 124 /* | */:
      return isDelimiterRow(text, next);
    default:
      return false;
  }
}

function isDelimiterRow(text: string, pos: number): boolean {
  let end = text.indexOf('\n', pos);
  if (end === -1) end = text.length;
  const line = text.slice(pos, end);
  return line.indexOf('|') !== -1 && line.indexOf('-') !== -1 && /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(line.replace(/^[ \t]*(>[ \t]?)*/, ''));
}
