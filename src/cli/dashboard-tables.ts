// The dashboard's data as tables, before it is packed (src/cli/dashboard-page.ts); the page reads it
// back with src/render/dashboard/tables.ts. Deflate looks back only 32 KB, so in plain JSON every
// object paid for its keys again and every repeated string (a path in a dependents list, a
// criterion, a diagnostic's message, a stage name) for its bytes again: at 10k, 9,259 components
// held 72,000 distinct strings in 43 MB of JSON. As tables, every string is written once, the most
// used first (their numbers are the shortest), and an object is its shape's number and its values:
//   string → its number in the strings table      number → its digits as a string
//   array  → [0, ...values]                         object → [shape + 1, ...values in the shape's key order]
//   true, false, null → themselves
// JSON.stringify's own rules decide what an object holds (keys with undefined values left out).
import type { TabledValue } from '../core/dashboard-data';

export interface ValueTables {
  /** Key lists, one per shape of object met. */
  shapes: string[][];
  /** Every string the light components hold, most used first. */
  lightStrings: string[];
  /** Strings only details hold; their numbers follow the light ones. */
  detailStrings: string[];
  table(value: unknown): TabledValue;
}

function countStrings(value: unknown, counts: Map<string, number>): void {
  if (typeof value === 'string') counts.set(value, (counts.get(value) ?? 0) + 1);
  else if (Array.isArray(value)) for (const item of value) countStrings(item, counts);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) countStrings(item, counts);
}

/** Most used first; a stable sort, so equal counts keep the data's order and the page is the same each run. */
function byUse(counts: ReadonlyMap<string, number>): string[] {
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
}

/** What JSON.stringify writes of an object: keys with undefined values (and functions) are left out. */
function writtenKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined && typeof record[key] !== 'function');
}

/** Tables for the light components and the details; `table` then turns any part of either into its tabled form. */
export function valueTables(light: unknown, detail: unknown): ValueTables {
  const lightCounts = new Map<string, number>();
  countStrings(light, lightCounts);
  const detailCounts = new Map<string, number>();
  countStrings(detail, detailCounts);
  for (const text of lightCounts.keys()) detailCounts.delete(text);
  const lightStrings = byUse(lightCounts);
  const detailStrings = byUse(detailCounts);
  const numberOf = new Map<string, number>();
  lightStrings.forEach((text, i) => numberOf.set(text, i));
  detailStrings.forEach((text, i) => numberOf.set(text, lightStrings.length + i));
  const shapes: string[][] = [];
  const shapeNumber = new Map<string, number>();
  const shapeOf = (keys: string[]): number => {
    const signature = JSON.stringify(keys);
    let found = shapeNumber.get(signature);
    if (found === undefined) shapeNumber.set(signature, (found = shapes.push(keys)));
    return found;
  };
  const table = (value: unknown): TabledValue => {
    if (typeof value === 'string') return numberOf.get(value)!;
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
    if (typeof value === 'boolean') return value;
    if (value === null || typeof value !== 'object') return null;
    if (Array.isArray(value)) return [0, ...value.map(table)];
    const record = value as Record<string, unknown>;
    const keys = writtenKeys(record);
    return [shapeOf(keys), ...keys.map((key) => table(record[key]))];
  };
  return { shapes, lightStrings, detailStrings, table };
}
