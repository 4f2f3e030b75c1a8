// The first look's text searches (first-look.ts decides with them): field lines of some labels,
// `#tags`, title words in a level-1 heading, and where a note's header surely ends. Each moves
// forward only, so a note costs about one pass over its text.
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The last word of a label or key: "current stage" → "stage", "maturity-stage" → "stage". */
export function lastWord(label: string): string {
  const words = label.toLowerCase().split(/[\s_-]+/).map((w) => w.replace(/[*_`]/g, '')).filter(Boolean);
  return words[words.length - 1] ?? '';
}

/**
 * A key followed by its colon, as the parser's fields and properties write it: `**Key**: v`,
 * `**Key:** v`, `**Key** (note): v`, `key:: v`, `"key": v`. The key's last word is enough (the
 * words before it may be spaced or decorated in many ways); decoration, quotes and one short
 * parenthesis may sit between the word and the colon.
 */
function keyColonPattern(keys: readonly string[], flags = 'i'): RegExp | null {
  const words = [...new Set(keys.map(lastWord).filter(Boolean))];
  if (words.length === 0) return null;
  const skip = `[\\s*_\`"'\\]]{0,12}`;
  return new RegExp(`(?:${words.map(escapeRegExp).join('|')})${skip}(?:\\([^)\\n]{0,62}\\)${skip})?:`, flags);
}

/**
 * What may stand on a line before a field label's last word, for the parser to read the line as
 * that field: the line's structure (indentation, quote and list markers, a checkbox, heading
 * hashes), a leading emoji and whatever non-word characters follow it (the field reader drops
 * them), bold or italic markers, then the label's other words. `def f(component: str, stage:`
 * or `| 42% | Stage:` cannot be a field line.
 */
function fieldPrefixPattern(labels: readonly string[]): RegExp {
  const extra = new Set<string>();
  for (const label of labels) {
    for (const c of label) if (!/[A-Za-z0-9\s]/.test(c)) extra.add(c).add(c.toUpperCase()).add(c.toLowerCase());
  }
  const escaped = [...extra].map((c) => (c === '-' ? '\\-' : escapeRegExp(c))).join('');
  const labelChars = `[\\w\\s*\`${escaped}]*`;
  return new RegExp(`^[\\s>#*+\\-\\d.)[\\]xX!]*(?:[^\\x00-\\x7f][^\\w*]*)?${labelChars}$`, 'u');
}

/** Field lines of some labels: the labels' last words with their colon, and what may stand before. */
export interface FieldSearch {
  pattern: RegExp;
  prefix: RegExp;
  firstPerLine: boolean;
}

/**
 * A line that may state a field of these labels: the last word, its colon, a possible prefix.
 * Only a line's first match can be the key (a later one has the first one's colon before it), so
 * the search moves to the next line after it: linear however long the lines.
 */
export function hasFieldLine(text: string, search: FieldSearch, from: number): boolean {
  const { pattern, prefix, firstPerLine } = search;
  pattern.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (prefix.test(text.slice(lineStart, m.index))) return true;
    if (!firstPerLine) continue;
    const lineEnd = text.indexOf('\n', m.index);
    if (lineEnd === -1) return false;
    pattern.lastIndex = lineEnd;
  }
  return false;
}

/**
 * `#tag` for some tags: the sticky pattern of the tags with their `#`, and the character codes a
 * tag can start with (lower case; null when a tag starts with anything but an ASCII letter or
 * digit, which the case-insensitive pattern may match in more than two spellings).
 */
export interface HashtagSearch {
  pattern: RegExp;
  firstCodes: ReadonlySet<number> | null;
}

export function hashtagSearch(tags: readonly string[]): HashtagSearch | null {
  const pattern = wordsPattern(tags, '#', 'iy');
  if (!pattern) return null;
  const firsts = tags.map((t) => t.replace(/^#/, '').trim()).filter(Boolean).map((t) => t.charAt(0).toLowerCase());
  return { pattern, firstCodes: firsts.every((c) => /^[a-z0-9]$/.test(c)) ? new Set(firsts.map((c) => c.charCodeAt(0))) : null };
}

/**
 * Whether a tag is written as `#tag` from `from` on. Each `#` is found with indexOf and the
 * words tried there only when the next character can start one (`# Heading` and `##` cannot): a
 * case-insensitive search for the whole pattern cost several times a line scan.
 */
export function hasHashtag(text: string, search: HashtagSearch, from: number): boolean {
  const { pattern, firstCodes } = search;
  for (let at = text.indexOf('#', from); at !== -1; at = text.indexOf('#', at + 1)) {
    // `| 0x20` lower-cases an ASCII letter and leaves digits as they are.
    if (firstCodes !== null && !firstCodes.has(text.charCodeAt(at + 1) | 0x20)) continue;
    pattern.lastIndex = at;
    if (pattern.test(text)) return true;
  }
  return false;
}

/** Whether a tag is written anywhere: in the properties or as `#tag` (may over-count, never under). */
export function mayCarryTag(text: string, words: RegExp, hashtags: HashtagSearch, propertiesEnd: number): boolean {
  words.lastIndex = 0;
  const m = words.exec(text);
  return m !== null && (m.index < propertiesEnd || hasHashtag(text, hashtags, Math.max(0, m.index - 1)));
}

// Only a level-1 heading can be the note's heading (the reader keeps the first `#` heading
// before any `##`): `# ` after indentation, quote markers or list bullets (an outliner's
// `- # Title`), or a paragraph underlined with `=`. Over-reaching is fine; missing one is not.
const LEVEL_ONE_ATX = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[\s>]*)*#(?:[ \t]|$)/;
const UNDERLINE = /\n[ \t>]*=+[ \t]*(?=\r?\n|$)/g;
const BLANK_LINE = /\n[ \t>]*(?:\r?\n|$)/g;

/** The first match of a global pattern at or after `from`, or -1. */
function nextMatch(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? m.index : -1;
}

/**
 * Whether a title word may be in the note's title or first heading: in the properties (`title:`),
 * on a level-1 ATX heading line, or in a paragraph underlined with `=` (a setext heading). One look
 * per line, searches that only move forward: linear.
 */
export function hasTitleWord(text: string, pattern: RegExp, propertiesEnd: number): boolean {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  let underline = -2;
  let blank = -2;
  while ((m = pattern.exec(text))) {
    const at = m.index;
    if (at < propertiesEnd) return true;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = text.length;
    if (LEVEL_ONE_ATX.test(text.slice(lineStart, lineEnd))) return true;
    if (underline !== -1 && underline < at) underline = nextMatch(UNDERLINE, text, at);
    if (blank !== -1 && blank < at) blank = nextMatch(BLANK_LINE, text, at);
    if (underline !== -1 && (blank === -1 || underline < blank)) return true;
    pattern.lastIndex = lineEnd;
  }
  return false;
}

// What can hide a line that looks like a heading from the parser: a code fence, an HTML block or
// comment (all start with `<`), a link reference definition running over lines, or a lone CR (a
// line break to the parser, none to this look).
const MAY_HIDE_A_HEADING = /```|~~~|<|\]:|\r/;

/**
 * Where the note's header surely ends: the first line (after the properties) that opens with a
 * level 2–6 ATX heading, when nothing before it can make that line anything but a heading. The
 * reader takes a stage, header fields and the first heading as the header's only while no
 * heading below level 1 has passed (reader.ts), so a structure claim must sit before this point.
 * Headings it cannot be sure of (indented, in containers, setext) are passed over: the header
 * may end earlier than this, never later.
 */
export function headerEnd(text: string, from: number): number {
  const next = (at: number) => {
    const found = text.indexOf('\n##', at);
    return found === -1 ? -1 : found + 1;
  };
  for (let line = text.startsWith('##', from) ? from : next(from); line !== -1; line = next(line)) {
    let depth = 2;
    while (text.charCodeAt(line + depth) === 35 /* # */) depth++;
    const after = text.charCodeAt(line + depth);
    if (depth <= 6 && (Number.isNaN(after) || after === 32 || after === 9 || after === 10)) {
      return MAY_HIDE_A_HEADING.test(text.slice(0, line)) ? text.length : line;
    }
  }
  return text.length;
}

export function wordsPattern(words: readonly string[], before = '', flags = 'gi'): RegExp | null {
  const clean = [...new Set(words.map((w) => w.replace(/^#/, '').trim()).filter(Boolean))];
  return clean.length === 0 ? null : new RegExp(`${before}(?:${clean.map(escapeRegExp).join('|')})`, flags);
}

export function fieldSearch(labels: readonly string[]): FieldSearch | null {
  const pattern = keyColonPattern(labels, 'gi');
  // A label with a colon of its own could follow another match on its line.
  return pattern ? { pattern, prefix: fieldPrefixPattern(labels), firstPerLine: !labels.some((l) => l.includes(':')) } : null;
}
