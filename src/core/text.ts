// Small string helpers for reading Markdown values. No regex lookbehind anywhere in the core:
// Obsidian mobile on iOS before 16.4 rejects it.
import { isIsoDay } from './dates';
import { intern } from './intern';
import { lazy } from './lazy';

// Pictographs, regional indicators, and the joiners/selectors that compose emoji sequences.
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\uFE0F|\u200D|\u20E3/gu;
// Link text stops at the next bracket: otherwise every `[` of a long `[[[[…` line rescans the rest
// of the line (quadratic). Obsidian link targets cannot hold brackets anyway.
const WIKI_LINK = /\[\[([^\][|]*)(?:\|([^\][]*))?\]\]/g;
const MD_LINK = /\[([^\][]*)\]\((?:[^()]|\([^()]*\))*\)/g;

/** Drop emoji and variation selectors (what EMOJI matches), without running the regex. */
export function stripEmoji(text: string): string {
  let out = '';
  let from = 0; // start of the text not yet copied to `out`
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    let width = 0;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff && isAstralEmoji(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000, text, i)) width = 2;
    } else if (c === 0xfe0f || (c < BMP_EMOJI_LIMIT && emojiTable()[c] === 1)) {
      width = 1;
    }
    if (width === 0) continue;
    out += text.slice(from, i);
    from = i + width;
    i += width - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

// In the BMP, EMOJI matches only below U+3300 and U+FE0F; everything else it matches is astral
// (surrogate pairs): regional indicators, or pictographs the regex itself recognises.
const BMP_EMOJI_LIMIT = 0x3300;
const SINGLE_EMOJI = new RegExp(`^(?:${EMOJI.source})$`, 'u');
let bmpEmoji: Uint8Array | null = null;

function emojiTable(): Uint8Array {
  if (bmpEmoji) return bmpEmoji;
  const table = new Uint8Array(BMP_EMOJI_LIMIT);
  for (let c = 0x80; c < BMP_EMOJI_LIMIT; c++) if (SINGLE_EMOJI.test(String.fromCharCode(c))) table[c] = 1;
  return (bmpEmoji = table);
}

function isAstralEmoji(codePoint: number, text: string, at: number): boolean {
  if (codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff) return true;
  return SINGLE_EMOJI.test(text.slice(at, at + 2));
}

/**
 * The visible text of a Markdown fragment: emphasis markers, code ticks, link syntax and emoji
 * removed, whitespace collapsed. Wiki links keep their display text (or target).
 */
export function plain(text: string): string {
  // No memo: one was measured saving 0.8% of the parse (docs/benchmarks.md, shortcut ledger).
  return isPlainAlready(text) ? text : intern(plainUncached(text));
}

/**
 * plain()'s text without sharing it: for a text only tested, or kept by one note alone (its
 * title). Looking such text up among the shared strings costs a miss and crowds out the strings
 * that do recur (docs/benchmarks.md, session 29).
 */
export function visibleText(text: string): string {
  return isPlainAlready(text) ? text : plainUncached(text);
}

/** plain(text) from its visibleText already made: shared where it is not the text itself. */
export function sharedVisible(text: string, visible: string): string {
  return visible === text ? text : intern(visible);
}

/**
 * Text without Markdown markers, emoji or spacing to fold, single-spaced and trimmed: plain() would
 * return it unchanged. Most criteria and values are like this (`Unit tests passing (≥70%
 * coverage)` too): one scan, then nothing to copy or share.
 */
function isPlainAlready(text: string): boolean {
  const last = text.length - 1;
  if (last < 0 || text.charCodeAt(0) === 32 || text.charCodeAt(last) === 32) return last < 0;
  let prev = 0;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c > 126 ? !keptAsIs(c) : c < 32 || c === 91 || c === 96 || c === 42 || c === 95 || c === 126 || (c === 32 && prev === 32)) return false;
    prev = c;
  }
  return true;
}

/** A character above ASCII that plain() keeps as it is: not an emoji part, a surrogate (an astral emoji, maybe) or a space. */
function keptAsIs(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c < BMP_EMOJI_LIMIT) return emojiTable()[c] !== 1 && !isUnicodeSpace(c);
  return c !== 0xfe0f && !isUnicodeSpace(c);
}

function plainUncached(text: string): string {
  let s = text;
  if (s.indexOf('[') !== -1) {
    s = s.replace(WIKI_LINK, (_m, target: string, alias?: string) => alias ?? target);
    s = s.replace(MD_LINK, (_m, label: string) => label);
  }
  if (s.indexOf('`') !== -1) {
    // Code spans keep their text verbatim; emphasis is removed only outside them.
    s = s
      .split('`')
      .map((part, i) => (i % 2 === 1 ? part : stripEmphasis(part)))
      .join('');
  } else if (s.indexOf('*') !== -1 || s.indexOf('_') !== -1 || s.indexOf('~') !== -1) {
    s = stripEmphasis(s);
  }
  s = stripEmoji(s);
  return collapse(s);
}

/** `**a**`, `__a__`, `*a*`, `_a_`, `~~a~~` → `a`; intraword underscores (`__init__`, snake_case) stay. */
function stripEmphasis(text: string): string {
  // Each replacement only runs when its marker is present (a replace without a match is a no-op).
  let s = text;
  if (s.indexOf('**') !== -1) s = s.replace(/\*\*(?=\S)([^*]*?\S)?\*\*/g, '$1');
  if (s.indexOf('~~') !== -1) s = s.replace(/~~(?=\S)([^~]*?\S)?~~/g, '$1');
  if (s.indexOf('__') !== -1) s = s.replace(/(^|[^\w])__(?=\S)([^_]*?\S)__(?=$|[^\w])/g, '$1$2');
  if (s.indexOf('*') !== -1 || s.indexOf('_') !== -1) s = s.replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,:;!?])/g, '$1$2');
  if (s.indexOf('**') !== -1) s = s.replace(/\*\*/g, '');
  return s;
}

export function collapse(text: string): string {
  // Most text has single spaces inside; at most its ends need trimming.
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let prevSpace = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return text.replace(/\s+/g, ' ').trim();
      prevSpace = true;
    } else if (isSpace(c)) {
      return text.replace(/\s+/g, ' ').trim();
    } else {
      prevSpace = false;
    }
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** What `\s` matches. */
function isSpace(c: number): boolean {
  return c === 32 || (c < 32 ? c >= 9 && c <= 13 : c > 127 && isUnicodeSpace(c));
}

/** What `\s` matches beyond ASCII. */
function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Key used for case-insensitive name matching: lower case, `_`/`-`/spaces collapsed to one space. */
export function nameKey(text: string): string {
  const lower = text.toLowerCase();
  // Most names hold single spaces and no `_` or `-`: only the ends may need trimming.
  if (lower.indexOf('_') === -1 && lower.indexOf('-') === -1 && !/\s\s|[^\S ]/.test(lower)) return collapse(lower);
  return collapse(lower.replace(/[_\s]+/g, ' ').replace(/\s*-\s*/g, '-'));
}

/** Normalised property key: lower case, spaces and `_` become `-` (Logseq's rule). */
export function propertyKey(key: string): string {
  return key.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

export function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
}

/**
 * Index of `word` in `haystack` (both lower case) at word boundaries, from `from`; -1 if absent.
 */
export function indexOfWord(haystack: string, word: string, from = 0): number {
  let at = haystack.indexOf(word, from);
  while (at !== -1) {
    const before = at === 0 ? 32 : haystack.charCodeAt(at - 1);
    const after = at + word.length >= haystack.length ? 32 : haystack.charCodeAt(at + word.length);
    if (!isWordChar(before) && !isWordChar(after)) return at;
    at = haystack.indexOf(word, at + 1);
  }
  return -1;
}

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

/** First `YYYY-MM-DD` date in the text that is a real calendar date, else null. */
export function findIsoDate(text: string): string | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const date = m[0];
  // Month 01–12 and day 01–28 is a real date in every year; date-fns judges the rest (29–31).
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  if (month < 1 || month > 12 || day < 1) return null;
  if (day <= 28) return date;
  return isIsoDay(date) ? date : null;
}

/** findIsoDate for a date a note keeps: one shared copy of each day (a vault repeats its dates). */
export function keptIsoDate(text: string): string | null {
  const date = findIsoDate(text);
  return date === null ? null : intern(date);
}


// One order for component names everywhere (index, queries, tables, reports): English collation so
// output does not depend on the machine's locale, numeric so "Worker 2" comes before "Worker 10",
// base sensitivity so case and accents do not split names that read the same. Made on the first
// comparison: building it loads ICU's collation data, 10-12 ms of the standalone page's script
// evaluation in Chromium (docs/benchmarks.md, session 22), and every host imports this module.
const nameOrder = lazy(() => new Intl.Collator('en', { numeric: true, sensitivity: 'base' }));

/** Build the name collator now, in a task a host can spare, so the first sort of names does not. */
export function prepareNameOrder(): void {
  nameOrder();
}

/** Compare component names for display order; ties are broken by the caller (usually the id). */
export function compareNames(a: string, b: string): number {
  return nameOrder().compare(a, b);
}

/** Name order, the order of `MaturityIndex.ids()`: names, then ids for components that share one. */
export function compareComponents(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return compareNames(a.name, b.name) || compareCodeUnits(a.id, b.id);
}

/** Plain code-unit order: ids, and ISO dates (which sort as strings). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
