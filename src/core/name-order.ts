// The components' name order (compareComponents in text.ts: English collation, numeric, base
// sensitivity, then ids) without asking the collator at every comparison. Sorting 10,000 names
// with Intl.Collator.compare took ~30 ms in Node and up to 56 ms in a Logseq task
// (docs/benchmarks.md, sessions 17 and 18); sorting sort keys with `<` costs a quarter of that.
//
// A name of printable ASCII (what nearly every component name is) gets a key: each character's
// primary weight under the collator as one key character (a small letter for a letter of either
// case), and each run of digits as its number, which is how numeric collation compares them. At
// base sensitivity the collator compares exactly these weights, so two keyed names compare with
// `<` as the collator compares them; the order is read from the collator itself on first use. Any other name (accents, emoji, controls) has no
// key, and a comparison that involves one collates. test/core/name-order.property.test.ts pins the
// keys' order to the collator's.
import { lazy } from './lazy';
import { compareCodeUnits, compareNames } from './text';

const FIRST = 0x20;
const LAST = 0x7e;
const SPACE = 0x20;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
/** Longest run of digits a key spells out (ICU splits longer runs; those names collate). */
const MAX_DIGITS = 200;

/**
 * Each printable ASCII character's key character, read from the collator: the characters in
 * collation order, one key character for those it holds equal. The collator puts the space first,
 * then punctuation and symbols, then digits, then letters (a capital with its small letter), so the
 * space and the letters can be their own small selves: a name of letters and spaces is keyed by
 * `toLowerCase()` alone. Punctuation and symbols take the characters after the space in their
 * order, the digits one character after them (a number follows it). Null when the collator does
 * not order them so (every name then collates).
 */
const keyChars = lazy((): Uint8Array | null => {
  const chars: string[] = [];
  for (let c = FIRST; c <= LAST; c++) chars.push(String.fromCharCode(c));
  chars.sort(compareNames);
  const groups: string[][] = [];
  chars.forEach((char, i) => {
    if (i > 0 && compareNames(chars[i - 1]!, char) === 0) groups.at(-1)!.push(char);
    else groups.push([char]);
  });
  const table = new Uint8Array(LAST + 1);
  let next = SPACE + 1;
  for (const group of groups) {
    const c = group[0]!.charCodeAt(0);
    if (compareNames(group[0]!, '') === 0) return null; // an ignorable character: no key stands for it
    if (c === SPACE && group.length === 1 && next === SPACE + 1) table[c] = SPACE;
    else if (isDigit(c)) table[c] = next;
    else if (isLetter(c)) for (const letter of group) table[letter.charCodeAt(0)] = c | 0x20;
    else {
      const k = next++;
      for (const other of group) table[other.charCodeAt(0)] = k;
    }
  }
  return laidOut(table, groups) ? table : null;
});

/**
 * The key characters follow the collation order: each group's above the one before (the digits,
 * consecutive in it, share one), the space first, each letter its small self, every character keyed.
 */
function laidOut(table: Uint8Array, groups: readonly string[][]): boolean {
  let previous = -1;
  for (const group of groups) {
    const c = group[0]!.charCodeAt(0);
    const k = table[c]!;
    if (group.some((other) => table[other.charCodeAt(0)] !== k)) return false;
    if (k < previous || (k === previous && !(isDigit(c) && isDigit(c - 1)))) return false;
    previous = k;
  }
  for (let c = LOWER_A; c <= LOWER_Z; c++) if (table[c] !== c || table[c - 0x20] !== c) return false;
  return table[SPACE] === SPACE && table.subarray(FIRST).every((k) => k >= SPACE);
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isLetter(c: number): boolean {
  const small = c | 0x20;
  return small >= LOWER_A && small <= LOWER_Z;
}

/**
 * The name's sort key, or null when it is not printable ASCII (it collates). The key is the name
 * in small letters, each other character its key character, and each run of digits the digits'
 * key character, the run's length without leading zeros and those digits: numeric collation
 * compares numbers by value, and a longer number is a larger one.
 */
export function nameSortKey(name: string): string | null {
  const table = keyChars();
  if (table === null) return null;
  const lower = name.toLowerCase();
  let key = '';
  let from = 0; // start of the part of `lower` not yet in `key`
  for (let i = 0; i < lower.length; i++) {
    // The name's own character: a non-ASCII one may lower-case to ASCII (the Kelvin sign to `k`).
    const own = name.charCodeAt(i);
    if (own < FIRST || own > LAST) return null;
    const c = lower.charCodeAt(i);
    if (!isDigit(c) && table[c] === c) continue;
    key += lower.slice(from, i);
    if (!isDigit(c)) {
      key += String.fromCharCode(table[c]!);
      from = i + 1;
      continue;
    }
    const run = digitRun(lower, i);
    if (run.end - run.start > MAX_DIGITS) return null;
    key += String.fromCharCode(table[c]!, ZERO + run.end - run.start) + lower.slice(run.start, run.end);
    from = run.end;
    i = run.end - 1;
  }
  return from === 0 ? lower : key + lower.slice(from);
}

/** The run of digits from `at`: its digits without leading zeros (at least one digit kept). */
function digitRun(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start < text.length - 1 && text.charCodeAt(start) === ZERO && isDigit(text.charCodeAt(start + 1))) start++;
  let end = start + 1;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  return { start, end };
}

interface Keyed<T> {
  item: T;
  key: string | null;
}

function compareKeyed<T extends { name: string; id: string }>(a: Keyed<T>, b: Keyed<T>): number {
  const byName = a.key !== null && b.key !== null ? compareCodeUnits(a.key, b.key) : compareNames(a.item.name, b.item.name);
  return byName || compareCodeUnits(a.item.id, b.item.id);
}

/** `items` in name order (compareComponents), a new array: each name keyed once, keyed names compared with `<`. */
export function sortByName<T extends { name: string; id: string }>(items: readonly T[]): T[] {
  const keyed = items.map((item): Keyed<T> => ({ item, key: nameSortKey(item.name) }));
  return keyed.sort(compareKeyed).map((k) => k.item);
}
