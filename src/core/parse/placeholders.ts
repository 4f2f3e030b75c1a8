// Template placeholders (`XX%`, `<Description>`, `Feature 1`, `YYYY-MM-DD`…): cheap `indexOf`
// tests before each pattern, so most lines run none of them.
import { sharedVisible, visibleText } from '../text';

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
  // Native single-character searches (~20 ns each on a long line) gate the longer searches and
  // the patterns. A JS loop over the characters to find all five at once is slower: ~4 ns per
  // character, 1.5 µs on a 375-character prose line against 0.1 µs for the five searches.
  if (text.indexOf('<') !== -1 && (m = ANGLE.exec(text))) return m[0];
  if (text.indexOf('X') !== -1) {
    if ((m = XX.exec(text))) return m[2]!;
    if ((m = X_OF.exec(text))) return m[0].trim().replace(/^[(*]+/, '');
    if ((m = ISSUE_X.exec(text))) return m[0];
  }
  const y = text.indexOf('Y');
  if (y !== -1 && text.indexOf('YYYY', y) !== -1) return 'YYYY-MM-DD';
  const hash = text.indexOf('#');
  if (hash !== -1 && (text.indexOf('#YYY', hash) !== -1 || text.indexOf('#ZZZ', hash) !== -1)) return '#YYY';
  const bracket = text.indexOf('[');
  if (bracket !== -1 && text.indexOf('[Link', bracket) !== -1 && (m = LINK_SLOT.exec(text))) return m[0];
  if (isItem && mayBeGenericItem(text, bracket !== -1)) {
    const p = visibleText(text);
    if (GENERIC_ITEM.test(p) || COMPONENT_X.test(p)) return sharedVisible(text, p);
  }
  if (fieldValue !== null && fieldValue.indexOf('|') !== -1) {
    const v = visibleText(fieldValue);
    if (OPTION_LIST.test(v)) return sharedVisible(fieldValue, v);
  }
  return null;
}

/**
 * Whether plain(text) could match GENERIC_ITEM or COMPONENT_X, without scanning most of the text.
 * plain() drops markers, emoji, spacing and link syntax and never adds a character: GENERIC_ITEM
 * needs the visible first word to be one of its words and a digit somewhere, COMPONENT_X needs
 * "component" and an upper-case last ASCII letter. Links: a wiki link's visible text (its alias,
 * or its target) is where its last letters are, so only a link before or inside the first word
 * (see startsWithGenericWord) or a Markdown link (whose URL is dropped) leave it open. Most
 * bullets that hold a link (`… see [[Search Watcher]].`) are then decided without plain().
 */
function mayBeGenericItem(text: string, hasBracket: boolean): boolean {
  if (hasBracket && text.indexOf('](') !== -1) return true; // a Markdown link: its URL is dropped
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
const GENERIC_WORDS = ['feature', 'task', 'scenario', 'journey', 'metric', 'alert', 'dependency', 'step', 'item', 'requirement', 'user'];
/** The first word's letters, lower case: compared in place, since a string built a letter at a time for every bullet cost more than the rest of the check. */
const firstWord = new Uint16Array(LONGEST_GENERIC_WORD);

/** Markers plain() may remove between letters: emphasis, code ticks (emoji are non-ASCII). */
function isRemovable(c: number): boolean {
  return c === 42 || c === 95 || c === 126 || c === 96;
}

/**
 * Whether plain(text) may start with a GENERIC_ITEM word. Before any `[`, plain() only drops
 * markers, emoji and spacing: its first word is the text's first letters with those skipped.
 * A non-ASCII character on the way may be a dropped emoji or a letter, a `[` may open a link
 * whose text starts or continues the word: then it may.
 */
function startsWithGenericWord(text: string): boolean {
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) break;
    if (c > 127 || c === 91) return true; // an emoji or a letter; a link's text
    if (!(isRemovable(c) || c === 32 || (c >= 9 && c <= 13))) return false; // plain() would start with it
  }
  let length = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (length === LONGEST_GENERIC_WORD) return false; // longer than every generic word
      firstWord[length++] = c | 32;
    }
    else if (c > 127 || c === 91) return true; // the word may go on in a link
    else if (!isRemovable(c)) break;
  }
  return length >= SHORTEST_GENERIC_WORD && GENERIC_WORDS.some((word) => isFirstWord(word, length));
}

function isFirstWord(word: string, length: number): boolean {
  if (word.length !== length) return false;
  for (let i = 0; i < length; i++) if (word.charCodeAt(i) !== firstWord[i]) return false;
  return true;
}
