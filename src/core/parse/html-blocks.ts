// HTML blocks (CommonMark's seven kinds), as data: how each starts and where it ends. A comment
// block hides its lines; every other HTML block is read as text, as the remark reference does
// (notes hold template slots such as `<Brief description of purpose>`, which parse as tags).

/** The end conditions; NO_HTML when the line starts no HTML block. */
export const NO_HTML = 0;
export const END_RAW_TAG = 1;
export const END_COMMENT = 2;
export const END_PROCESSING = 3;
export const END_DECLARATION = 4;
export const END_CDATA = 5;
export const END_BLANK = 6;
/** Kind 7 ends at a blank line like kind 6, but cannot interrupt a paragraph. */
export const END_BLANK_TAG = 7;

const RAW_TAG = /^<(?:pre|script|style|textarea)(?:[ \t>]|$)/i;
const RAW_END = /<\/(?:pre|script|style|textarea)>/i;
const BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
// A complete open tag (attributes bounded, so a hostile line cannot make it backtrack) or a
// closing tag, alone on the line.
const LONE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]{0,99}(?:[ \t]{1,99}[A-Za-z_:][A-Za-z0-9_.:-]{0,99}(?:[ \t]*=[ \t]*(?:[^ \t\n"'=<>`]{1,999}|'[^'\n]{0,999}'|"[^"\n]{0,999}"))?){0,99}[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]{0,99}[ \t]*>)[ \t]*$/;

/** Which HTML block `rest` (a line from its first visible character) opens, if any. */
export function htmlBlockStart(rest: string, interruptsParagraph: boolean): number {
  if (rest.charCodeAt(0) !== 60 /* < */) return NO_HTML;
  const c = rest.charCodeAt(1);
  if (c === 33 /* ! */) {
    if (rest.startsWith('<!--')) return END_COMMENT;
    if (rest.startsWith('<![CDATA[')) return END_CDATA;
    const d = rest.charCodeAt(2) | 32;
    return d >= 97 && d <= 122 ? END_DECLARATION : NO_HTML;
  }
  if (c === 63 /* ? */) return END_PROCESSING;
  if (RAW_TAG.test(rest)) return END_RAW_TAG;
  if (BLOCK_TAG.test(rest)) return END_BLANK;
  if (!interruptsParagraph && LONE_TAG.test(rest)) return END_BLANK_TAG;
  return NO_HTML;
}

/** Whether `line` holds the end of an HTML block of kinds 1–5 (kinds 6 and 7 end at a blank line). */
export function htmlBlockEnds(end: number, line: string, from: number): boolean {
  switch (end) {
    case END_RAW_TAG:
      return RAW_END.test(from === 0 ? line : line.slice(from));
    case END_COMMENT:
      return line.indexOf('-->', from) !== -1;
    case END_PROCESSING:
      return line.indexOf('?>', from) !== -1;
    case END_DECLARATION:
      return line.indexOf('>', from) !== -1;
    case END_CDATA:
      return line.indexOf(']]>', from) !== -1;
    default:
      return false;
  }
}
