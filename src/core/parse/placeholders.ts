// Template placeholders (`XX%`, `<Description>`, `Feature 1`, `YYYY-MM-DD`…): cheap `indexOf`
// tests before each pattern, so most lines run none of them.
import { plain } from '../text';

// The first `|` only (no choice of which pipe to split at): linear on `<||||…`.
const ANGLE = /<([A-Z][^<>\n]{0,100}|[^<>\n|]*\|[^<>\n]*)>/;
const XX = /(^|[^A-Za-z0-9])(X{2,}(?:\.X+)?(?:%|ms|MB|GB)?|X(?:\.X)?%)(?=$|[^A-Za-z0-9])/;
const X_OF = /(^|[\s(*])[XY]\/(\d+|[XY])\b/;
const ISSUE_X = /#(?:X{3}|Y{3}|Z{3})\b/;
const GENERIC_ITEM = /^(feature|task|scenario|journey|metric|alert|dependency|step|item|requirement|user journey)\s+\d+\b(\s*[:(].*)?$/i;
const COMPONENT_X = /\bcomponent [A-Z]\b$/;
const LINK_SLOT = /\[Link[^\][]*\](?!\()/;
const OPTION_LIST = /^[^|]+\|[^|]+(\|[^|]+)*$/;

/**
 * Template placeholder on a line, if any (`XX%`, `<Description>`, `Feature 1`, `YYYY-MM-DD`…).
 */
export function findPlaceholder(text: string, isItem: boolean, fieldValue: string | null): string | null {
  let m: RegExpExecArray | null;
  // One pass over the line finds which trigger characters it holds; a pattern runs only when its
  // character is there (most lines hold none: then no pattern and no longer search runs).
  const seen = triggers(text);
  if (seen & LT && (m = ANGLE.exec(text))) return m[0];
  if (seen & X) {
    if ((m = XX.exec(text))) return m[2]!;
    if ((m = X_OF.exec(text))) return m[0].trim().replace(/^[(*]+/, '');
    if ((m = ISSUE_X.exec(text))) return m[0];
  }
  if (seen & Y && text.indexOf('YYYY') !== -1) return 'YYYY-MM-DD';
  if (seen & HASH && (text.indexOf('#YYY') !== -1 || text.indexOf('#ZZZ') !== -1)) return '#YYY';
  if (seen & BRACKET && text.indexOf('[Link') !== -1 && (m = LINK_SLOT.exec(text))) return m[0];
  if (isItem && mayBeGenericItem(text, (seen & BRACKET) !== 0)) {
    const p = plain(text);
    if (GENERIC_ITEM.test(p) || COMPONENT_X.test(p)) return p;
  }
  if (fieldValue !== null && fieldValue.indexOf('|') !== -1 && OPTION_LIST.test(plain(fieldValue))) return plain(fieldValue);
  return null;
}

const LT = 1;
const X = 2;
const Y = 4;
const HASH = 8;
const BRACKET = 16;

/** Which of `<`, `X`, `Y`, `#`, `[` the text holds, as bits. */
function triggers(text: string): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 60) seen |= LT;
    else if (c === 88) seen |= X;
    else if (c === 89) seen |= Y;
    else if (c === 35) seen |= HASH;
    else if (c === 91) seen |= BRACKET;
  }
  return seen;
}

/**
 * Whether plain(text) could match GENERIC_ITEM or COMPONENT_X, without scanning most of the text.
 * Without a `[`, plain() keeps every ASCII letter in order and only drops markers, emoji and
 * spacing: GENERIC_ITEM needs the text's first word to be one of its words and a digit,
 * COMPONENT_X needs "component" and an upper-case last ASCII letter.
 */
function mayBeGenericItem(text: string, hasBracket: boolean): boolean {
  if (hasBracket) return true; // links may reorder the visible text
  if (startsWithGenericWord(text) && /\d/.test(text)) return true;
  return lastAsciiLetterIsUpper(text) && text.indexOf('component') !== -1;
}

function lastAsciiLetterIsUpper(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
    if (c >= 97 && c <= 122) return false;
  }
  return false;
}

const LONGEST_GENERIC_WORD = 11; // `requirement`
const SHORTEST_GENERIC_WORD = 4; // `task`, `step`, `item`, `user`
const GENERIC_WORDS = new Set(['feature', 'task', 'scenario', 'journey', 'metric', 'alert', 'dependency', 'step', 'item', 'requirement', 'user']);

/** Markers plain() may remove between letters: emphasis, code ticks (emoji are non-ASCII). */
function isRemovable(c: number): boolean {
  return c === 42 || c === 95 || c === 126 || c === 96;
}

/**
 * Whether plain(text) may start with a GENERIC_ITEM word. Without `[`, plain() only drops
 * markers, emoji and spacing: its first word is the text's first letters with those skipped.
 * A non-ASCII character on the way may be a dropped emoji or a letter: then it may.
 */
function startsWithGenericWord(text: string): boolean {
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) break;
    if (c > 127) return true;
    if (!(isRemovable(c) || c === 32 || (c >= 9 && c <= 13))) return false; // plain() would start with it
  }
  let word = '';
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (word.length === LONGEST_GENERIC_WORD) return false; // longer than every generic word
      word += String.fromCharCode(c | 32);
    }
    else if (c > 127) return true;
    else if (!isRemovable(c)) break;
  }
  return word.length >= SHORTEST_GENERIC_WORD && GENERIC_WORDS.has(word);
}
