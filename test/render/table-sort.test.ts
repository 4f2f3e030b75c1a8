// @vitest-environment happy-dom
// Sorting the table by a column ranks each distinct value once and breaks ties by the index's name
// order, instead of collating at every comparison: the same order as collating (checked against
// the comparator it replaced, on generated components whose names and values differ by case,
// accent and digits), and no name is read to break a tie.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFromSnapshot, DEFAULT_COLUMNS, sortByColumn, type SortOrder, type TableColumn, type ViewContext } from '../../src/render/index';
import { createIndex, type Component } from '../../src/core/index';
import { compareComponents, compareNames } from '../../src/core/text';

/** The comparator sortByColumn used before: the oracle. */
function collatingSort(components: readonly Component[], column: TableColumn, order: SortOrder, ctx: ViewContext): Component[] {
  const compareValues = (a: string | number | null, b: string | number | null): number => {
    if (a === b) return 0;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return compareNames(String(a), String(b));
  };
  const keyed = components.map((c) => ({ c, key: column.sortValue(c, ctx) }));
  keyed.sort((x, y) => {
    if (x.key === null || y.key === null) {
      if (x.key !== y.key) return x.key === null ? 1 : -1;
    } else {
      const cmp = compareValues(x.key, y.key);
      if (cmp !== 0) return order === 'asc' ? cmp : -cmp;
    }
    return compareComponents(x.c, y.c);
  });
  return keyed.map((k) => k.c);
}

const STAGES = ['development', 'staging', 'production', null] as const;
const WORDS = ['Billing', 'billing', 'Élan', 'elan', 'Worker 2', 'Worker 10', 'worker 2', 'Zeta'];

/** A context over `components`, in name order as an index gives them. */
function contextOf(components: Component[]): ViewContext {
  const index = createIndex({});
  const sorted = [...components].sort(compareComponents);
  return contextFromSnapshot({ stages: index.config.stages, today: '2026-11-24', components: sorted, cycles: [], diagnostics: [] }, { document, onOpen: () => undefined });
}

function component(i: number, name: string, stage: (typeof STAGES)[number], owner: string | null, updated: string | null): Component {
  return {
    id: `c/${i}.md`,
    name,
    note: {
      stage: stage ? { id: stage } : null,
      owner: owner === null ? null : { value: owner },
      group: null,
      lastUpdated: updated === null ? null : { value: updated },
      transitions: [],
      blockers: [],
      diagnostics: [],
    },
    diagnostics: [],
    dependencies: [],
    dependents: [],
    stale: false,
    ageDays: null,
  } as unknown as Component;
}

const components = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...STAGES), fc.option(fc.constantFrom(...WORDS)), fc.option(fc.constantFrom('2026-01-02', '2025-12-31'))), { maxLength: 40 })
  .map((rows) => rows.map(([name, stage, owner, updated], i) => component(i, name, stage, owner, updated)));

/** A column whose values are sometimes numbers and sometimes text. */
const MIXED: TableColumn = { id: 'mixed', label: 'Mixed', sortValue: (c) => (c.name.length % 2 === 0 ? c.name.length : c.name), cell: () => '' };

describe('sortByColumn', () => {
  it('orders every column as collating at each comparison did', () => {
    fc.assert(
      fc.property(components, fc.constantFrom<SortOrder>('asc', 'desc'), (list, order) => {
        const ctx = contextOf(list);
        for (const column of [...DEFAULT_COLUMNS.filter((c) => c.id !== 'readiness' && c.id !== 'problems' && c.id !== 'progress'), MIXED]) {
          expect(sortByColumn(list, column, order, ctx).map((c) => c.id)).toEqual(collatingSort(list, column, order, ctx).map((c) => c.id));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('orders a part of the components, some listed twice, as collating did', () => {
    fc.assert(
      fc.property(components, fc.nat(), fc.constantFrom<SortOrder>('asc', 'desc'), (list, cut, order) => {
        const ctx = contextOf(list);
        const part = list.slice(cut % (list.length + 1));
        const listed = [...part, ...part.filter((_, i) => i % 3 === 0)];
        for (const column of DEFAULT_COLUMNS.filter((c) => c.id === 'name' || c.id === 'owner')) {
          expect(sortByColumn(listed, column, order, ctx).map((c) => c.id)).toEqual(collatingSort(listed, column, order, ctx).map((c) => c.id));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads no name to break the ties of a column with few values (3,000 components on 3 stages)', () => {
    let reads = 0;
    const list = Array.from({ length: 3000 }, (_, i) => {
      const c = component(i, '', STAGES[i % 3]!, null, null);
      const name = `Service ${(i * 7919) % 3000}`;
      Object.defineProperty(c, 'name', { get: () => (reads++, name), enumerable: true });
      return c;
    });
    const ctx = contextOf(list);
    const stage = DEFAULT_COLUMNS.find((c) => c.id === 'stage')!;
    const expected = collatingSort(list, stage, 'desc', ctx).map((c) => c.id);
    reads = 0;
    const sorted = sortByColumn(list, stage, 'desc', ctx);
    expect(reads).toBe(0);
    expect(sorted.map((c) => c.id)).toEqual(expected);
  });
});
