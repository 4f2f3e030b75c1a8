// Sorting a table's rows by a column: each value read once, text ranked by collation once per
// distinct value, names by their place in the index's name order (table.ts draws the rows).
import type { Component } from '../core/index';
import { compareComponents, compareNames } from '../core/text';
import type { ViewContext } from './context';
import type { SortOrder, TableColumn } from './table';

/**
 * Sort a copy of `components` by a column; missing values last, ties by name. Text values are
 * collated once per distinct value, and names by their place in the index's name order: a sort of
 * 9,000 components used to collate ~120,000 pairs, more than its click could spend. Each
 * component's value and place are looked up once, not at each of the sort's comparisons.
 */
export function sortByColumn(components: readonly Component[], column: TableColumn, order: SortOrder, ctx: ViewContext): Component[] {
  const place = namePlaces(ctx);
  const keyed: Keyed[] = components.map((c) => ({ c, key: column.sortValue(c, ctx), value: 0, place: place.get(c.id) }));
  assignValues(keyed, column);
  const sign = order === 'asc' ? 1 : -1;
  keyed.sort((x, y) => {
    if (x.key === null || y.key === null) {
      if (x.key !== y.key) return x.key === null ? 1 : -1;
    } else {
      const cmp = x.value - y.value;
      if (cmp !== 0) return sign * cmp;
    }
    return x.place !== undefined && y.place !== undefined ? x.place - y.place : compareComponents(x.c, y.c);
  });
  return keyed.map((k) => k.c);
}

/** What each value sorts as: a number as itself, text by its rank (a column of both as text throughout). */
function assignValues(keyed: Keyed[], column: TableColumn): void {
  const texts = keyed.some((k) => typeof k.key === 'string');
  const numbers = keyed.some((k) => typeof k.key === 'number');
  if (!texts) {
    for (const k of keyed) if (k.key !== null) k.value = k.key as number;
    return;
  }
  if (column.nameOrdered && !numbers && keyed.every((k) => k.key === null || k.place !== undefined)) return rankInNameOrder(keyed);
  const rank = collatedRanks(keyed);
  for (const k of keyed) if (k.key !== null) k.value = rank.get(String(k.key))!;
}

/** A component, its value in the column, what that value sorts as, and its place in the name order. */
interface Keyed {
  c: Component;
  key: string | number | null;
  value: number;
  place: number | undefined;
}

/** Each component's place in the name order. */
function namePlaces(ctx: ViewContext): Map<string, number> {
  const place = new Map<string, number>();
  ctx.ids().forEach((id, i) => place.set(id, i));
  return place;
}

/** Values ranked by collation (numbers as their text, as a column of both always compared them), equal ranks for values that collate equal. */
function collatedRanks(keyed: readonly Keyed[]): Map<string, number> {
  const texts = [...new Set(keyed.flatMap((k) => (k.key === null ? [] : [String(k.key)])))].sort(compareNames);
  const rank = new Map<string, number>();
  texts.forEach((text, i) => rank.set(text, i > 0 && compareNames(texts[i - 1]!, text) === 0 ? rank.get(texts[i - 1]!)! : i));
  return rank;
}

/** The same for values that follow the name order: walked in that order, neighbours collated once each. */
function rankInNameOrder(keyed: readonly Keyed[]): void {
  const inOrder = keyed.filter((k) => k.key !== null).sort((x, y) => x.place! - y.place!);
  const rank = new Map<string, number>();
  let previous: string | null = null;
  inOrder.forEach((k, i) => {
    const text = k.key as string;
    const known = rank.get(text);
    if (known !== undefined) {
      k.value = known;
      return;
    }
    k.value = previous !== null && compareNames(previous, text) === 0 ? rank.get(previous)! : i;
    rank.set(text, k.value);
    previous = text;
  });
}
