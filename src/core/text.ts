import { isValid, parseISO } from 'date-fns';

// Small string helpers for reading Markdown values. No regex lookbehind anywhere in the core:
// Obsidian mobile on iOS before 16.4 rejects it.

// Pictographs, regional indicators, and the joiners/selectors that compose emoji sequences.
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\uFE0F|\u200D|\u20E3/gu;
// Link text stops at the next bracket: otherwise every `[` of a long `[[[[…` line rescans the rest
// of the line (quadratic). Obsidian link targets cannot hold brackets anyway.
const WIKI_LINK = /\[\[([^\][|]*)(?:\|([^\][]*))?\]\]/g;
const MD_LINK = /\[([^\][]*)\]\((?:[^()]|\([^()]*\))*\)/g;

/** Drop emoji and variation selectors. */
export function stripEmoji(text: string): string {
  return mayHoldEmoji(text) ? text.replace(EMOJI, '') : text;
}

// In the BMP, EMOJI matches only below U+3300 and U+FE0F; everything else it matches is astral
// (surrogate pairs). A table of those BMP characters lets most lines skip the regex.
const BMP_EMOJI_LIMIT = 0x3300;
let bmpEmoji: Uint8Array | null = null;

function emojiTable(): Uint8Array {
  if (bmpEmoji) return bmpEmoji;
  const table = new Uint8Array(BMP_EMOJI_LIMIT);
  const single = new RegExp(`^(?:${EMOJI.source})$`, 'u');
  for (let c = 0x80; c < BMP_EMOJI_LIMIT; c++) if (single.test(String.fromCharCode(c))) table[c] = 1;
  return (bmpEmoji = table);
}

function mayHoldEmoji(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (c === 0xfe0f) return true;
    if (c < BMP_EMOJI_LIMIT && emojiTable()[c] === 1) return true;
  }
  return false;
}

/**
 * The visible text of a Markdown fragment: emphasis markers, code ticks, link syntax and emoji
 * removed, whitespace collapsed. Wiki links keep their display text (or target).
 */
export function plain(text: string): string {
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
  return isCollapsed(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** True when `collapse` would return the text unchanged: no runs of space, no other whitespace, no ends. */
function isCollapsed(text: string): boolean {
  let prevSpace = true; // a leading space needs trimming
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (c < 32 ? c >= 9 && c <= 13 : c > 127 && isUnicodeSpace(c)) {
      return false;
    } else {
      prevSpace = false;
    }
  }
  return !prevSpace || text.length === 0;
}

/** What `\s` matches beyond ASCII. */
function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Key used for case-insensitive name matching: lower case, `_`/`-`/spaces collapsed to one space. */
export function nameKey(text: string): string {
  return collapse(text.toLowerCase().replace(/[_\s]+/g, ' ').replace(/\s*-\s*/g, '-'));
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
  return isValid(parseISO(m[0])) ? m[0] : null;
}

/** Copy a substring so it does not keep the whole note text alive in memory. */
export function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
