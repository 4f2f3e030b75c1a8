// The components' name order (compareComponents in text.ts: English collation, numeric, base
// sensitivity, then ids) without asking the collator at every comparison. Sorting 10,000 names
// with Intl.Collator.compare took ~30 ms in Node and up to 56 ms in a Logseq task
// (docs/benchmarks.md, sessions 17 and 18); sorting sort keys with `<` costs a quarter of that.
//
// A name of printable ASCII (what nearly every component name is) gets a key: each character's
// primary weight under the collator, case folded, one character of the key each, and each run of
// digits as its number (the digit weight, its length without leading zeros, its digits), which is
// how numeric collation compares them. At base sensitivity the collator compares exactly these
// weights, so two keyed names compare with `<` as the collator compares them; the weights are
// read from the collator itself on first use. Any other name (accents, emoji, controls) has no
// key, and a comparison that involves one collates. test/core/name-order.property.test.ts pins the
// keys' order to the collator's.
import { lazy } from './lazy';
import { compareCodeUnits, compareNames } from './text';

const FIRST = 0x20;
const LAST = 0x7e;
const ZERO = 0x30;
const NINE = 0x39;
/** Longest run of digits a key spells out (ICU splits longer runs; those names collate). */
const MAX_DIGITS = 200;
/** Key characters start here, so every weight and digit count is one printable Latin-1 character. */
const WEIGHT_BASE = 0x21;

/**
 * Each printable ASCII character's primary weight as a key character (0 for one the key cannot
 * stand for: one the collator ignores), read from the collator: the characters in collation
 * order, one weight for those it holds equal (a letter and its capital).
 */
const weights = lazy((): Uint16Array => {
  const chars: string[] = [];
  for (let c = FIRST; c <= LAST; c++) chars.push(String.fromCharCode(c));
  chars.sort(compareNames);
  const table = new Uint16Array(LAST + 1);
  let weight = WEIGHT_BASE;
  chars.forEach((char, i) => {
    if (i > 0 && compareNames(chars[i - 1]!, char) !== 0) weight++;
    table[char.charCodeAt(0)] = compareNames(char, '') === 0 ? 0 : weight;
  });
  return digitsInOrder(table) ? table : new Uint16Array(LAST + 1);
});

/** Numeric collation puts a number where its digits are: the ten digits must weigh one after another, nothing between. */
function digitsInOrder(table: Uint16Array): boolean {
  for (let c = ZERO + 1; c <= NINE; c++) if (table[c] !== table[c - 1]! + 1) return false;
  return table[ZERO] !== 0;
}

/** The name's sort key, or null when it is not printable ASCII (it collates). */
export function nameSortKey(name: string): string | null {
  const table = weights();
  const key: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < FIRST || c > LAST || table[c] === 0) return null;
    if (c < ZERO || c > NINE) {
      key.push(table[c]!);
      continue;
    }
    let start = i;
    while (start < name.length - 1 && name.charCodeAt(start) === ZERO && isDigit(name.charCodeAt(start + 1))) start++;
    let end = start + 1;
    while (end < name.length && isDigit(name.charCodeAt(end))) end++;
    if (end - start > MAX_DIGITS) return null;
    key.push(table[ZERO]!, WEIGHT_BASE + end - start);
    for (let d = start; d < end; d++) key.push(name.charCodeAt(d));
    i = end - 1;
  }
  return keyString(key);
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** One flat string of the key's characters (a concatenated one would be flattened by its first comparison). */
function keyString(key: readonly number[]): string {
  let out = '';
  for (let from = 0; from < key.length; from += 4096) out += String.fromCharCode(...key.slice(from, from + 4096));
  return out;
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
