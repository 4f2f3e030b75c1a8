// Equal values the parse makes again and again are kept once: notes written from one template
// hold the same criterion, ticked the same way on the same line, the same `p95: <150ms` target,
// the same `High: 0` count. The index keeps thousands of notes; one frozen object serves every
// note that says the same thing (hash-consing, as intern() does for strings). Switchable as the
// `shareValues` shortcut: the ledger measures it, shortcuts.property.test.ts pins it.
import type { ChecklistItem, Measure, Sourced } from '../model';
import { forgetInterned } from '../text';
import { SHORTCUTS } from './shortcuts';

/**
 * Kept values by key (an interned string): two generations of a bounded size, as intern()'s, so
 * values that stop recurring drop out. One list per key (the same criterion on other lines,
 * ticked or not) in line order, searched by halving: a map per line cost more heap than the
 * sharing saved, and a search through every variant cost a fifth of the parse. The lines are
 * kept in an array of their own: reading `.line` off three kinds of value was a slow, generic
 * property load.
 */
interface Table<T extends Lined> {
  young: Map<string, Variants<T>>;
  old: Map<string, Variants<T>>;
  /** Values kept in the young generation. */
  size: number;
  /** Equal apart from the line (compared first). */
  same: (a: T, b: T) => boolean;
}

interface Lined {
  line: number;
}

/** A key's values and their lines, in line order. */
interface Variants<T> {
  lines: number[];
  values: T[];
}

const VALUES_PER_GENERATION = 32_768;
/** A key's variants kept at most. */
const VARIANTS_PER_KEY = 1024;
/**
 * Variants kept on one line: a criterion followed by an annotation of its own in every note
 * (`- [ ] Load tests - **Currently 41%**`) is never equal to another one, and every variant tried
 * is one comparison more.
 */
const VARIANTS_PER_LINE = 8;

function table<T extends Lined>(same: (a: T, b: T) => boolean): Table<T> {
  return { young: new Map(), old: new Map(), size: 0, same };
}

/** Where the first variant on `line` or below it is. */
function firstAt(lines: number[], line: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function find<T extends Lined>(variants: Variants<T> | undefined, value: T, line: number, same: (a: T, b: T) => boolean): T | undefined {
  if (variants === undefined) return undefined;
  const { lines, values } = variants;
  for (let i = firstAt(lines, line); i < lines.length && lines[i] === line; i++) if (same(values[i]!, value)) return values[i];
  return undefined;
}

/** The kept value equal to `value` (on `line`) under `key`, or `value` itself, frozen and kept from now on. */
function share<T extends Lined>(t: Table<T>, key: string, line: number, value: T): T {
  if (!SHORTCUTS.shareValues) return value;
  let variants = t.young.get(key);
  const young = find(variants, value, line, t.same);
  if (young !== undefined) return young;
  // Kept in the old generation (moves to the young one), or new.
  const result = find(t.old.get(key), value, line, t.same) ?? Object.freeze(value);
  if (t.size >= VALUES_PER_GENERATION) {
    t.old = t.young;
    t.young = new Map();
    t.size = 0;
    variants = undefined;
  }
  if (variants === undefined) t.young.set(key, (variants = { lines: [], values: [] }));
  const at = firstAt(variants.lines, line);
  if (variants.lines.length < VARIANTS_PER_KEY && variants.lines[at + VARIANTS_PER_LINE - 1] !== line) {
    variants.lines.splice(at, 0, line);
    variants.values.splice(at, 0, result);
    t.size++;
  }
  return result;
}

const items = table<ChecklistItem>(
  (a, b) => a.status === b.status && a.checked === b.checked && a.mark === b.mark && a.text === b.text && a.note === b.note,
);
const measures = table<Measure>(
  (a, b) => a.value === b.value && a.unit === b.unit && a.comparator === b.comparator && a.raw === b.raw,
);
const counts = table<Sourced<number | null>>((a, b) => a.value === b.value && a.raw === b.raw);

/** A criterion or checklist item; its text is the key (interned, so its hash is already known). */
export function shareItem(item: ChecklistItem): ChecklistItem {
  return share(items, item.text, item.line, item);
}

/** A performance figure. */
export function shareMeasure(measure: Measure): Measure {
  return share(measures, measure.raw, measure.line, measure);
}

/** A sourced number: security counts, observed days. */
export function shareCount(count: Sourced<number | null>): Sourced<number | null> {
  return share(counts, count.raw, count.line, count);
}

function forget<T extends Lined>(t: Table<T>): void {
  t.young = new Map();
  t.old = new Map();
  t.size = 0;
}

/**
 * Forget every kept value and shared string. Benchmarks call it before measuring the heap an index
 * keeps, so the values it shares are counted in it rather than left over from earlier runs.
 */
export function forgetSharedValues(): void {
  forget(items);
  forget(measures);
  forget(counts);
  forgetInterned();
}
