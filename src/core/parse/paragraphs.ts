// Paragraph lines and the first line of a list item, as the field reader gets them: the text
// after indentation and block-quote markers, inline comments cut out (one may run on over the
// paragraph's next lines), an Obsidian callout's `[!type]` dropped, a task mark read off.
import { trimEnd } from './block-lines';
import { closesInParagraph, cutComments } from './comments';
import { lineStart } from './leaves';
import type { ScanState } from './scan-state';
import { LOGSEQ_MARKERS } from './visitor';

/** A line of the open paragraph (or the first line of a new one): one text event. */
export function paragraphLine(s: ScanState, at: number, first: boolean): void {
  if (s.definitionsOnly) s.definitionsOnly = false;
  let text = commentFree(s, s.raw.slice(first ? at : lineStart(s.raw)));
  if (s.paragraphQuoted && s.line === s.paragraphFirst && text.startsWith('[!')) {
    // Obsidian callout header `[!note] Title`: the title is plain text.
    const close = text.indexOf(']');
    if (close !== -1) text = text.slice(close + 1).trimStart();
  }
  s.lastText = text;
  if (text.trim() !== '') s.visitor.text(text, s.line, s.indent);
}

/** The first line of a list item that opens with paragraph text: the item event, its task mark read off. */
export function itemLine(s: ScanState, at: number): void {
  const pending = s.pending!;
  s.pending = null;
  let text = commentFree(s, s.raw.slice(at));
  let check: string | null = null;
  if (text.charCodeAt(0) === 91 /* [ */ && text.charCodeAt(2) === 93 /* ] */ && text.charCodeAt(1) !== 93) {
    const after = text.charCodeAt(3);
    if (Number.isNaN(after) || after === 32 || after === 9) {
      check = text[1]!;
      text = text.slice(4);
    }
  }
  const first = text.charCodeAt(0);
  // Every marker starts with two upper-case letters: most bullets ("Core features…") need no word cut.
  const second = text.charCodeAt(1);
  if (check === null && first >= 65 && first <= 90 && second >= 65 && second <= 90) {
    const space = text.indexOf(' ');
    const word = space === -1 ? text : text.slice(0, space);
    if (LOGSEQ_MARKERS.has(word)) {
      check = word;
      text = space === -1 ? '' : text.slice(space + 1);
    }
  }
  s.lastText = text;
  s.visitor.item(pending.indent, pending.ordered, check, text, pending.line);
}

/** The rest of a line inside an inline comment that spans paragraph lines (see paragraphText). */
export function commentLine(s: ScanState): void {
  if (--s.inlineCommentLines > 0) return;
  const text = commentFree(s, s.raw.slice(s.raw.indexOf('-->') + 3));
  s.lastText = text;
  if (text.trim() !== '') s.visitor.text(text, s.line, s.indent);
}

/**
 * A paragraph line's text with its inline comments cut out. A comment left open continues on
 * the next lines when it closes before the paragraph ends; otherwise it was text.
 */
function commentFree(s: ScanState, raw: string): string {
  if (raw.indexOf('<!--') === -1) return trimEnd(raw);
  const cut = cutComments(raw);
  if (cut.open === -1 || s.line < s.noCloseBefore) return trimEnd(cut.text);
  const lines = closesInParagraph(s.text, s.next, s.paragraphQuoted);
  if (lines <= 0) {
    s.noCloseBefore = s.line - lines + 1;
    return trimEnd(cut.text);
  }
  s.inlineCommentLines = lines;
  return trimEnd(cut.text.slice(0, cut.open));
}

/** Heading text and table cells: inline content of one line, its closed comments cut out. */
export function inlineText(raw: string): string {
  return raw.indexOf('<!--') === -1 ? raw : cutComments(raw).text.trim();
}
