// Sorting by progress or readiness reads each component's progress once, not at every comparison:
// a sort of n components compares each ~log n times, and progress reads the note's transitions
// (a compact note's tape is read back for it).
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../src/core/settings';
import { createPipeline } from '../../src/core/stages';
import { progress, sortComponents, type Sortable } from '../../src/core/query-sort';
import type { MaturityNote } from '../../src/core/model';
import { compareComponents, compareNames } from '../../src/core/text';
import { createQueryRun, type QuerySource } from '../../src/core/query-run';

const pipeline = createPipeline(DEFAULT_STAGES);

/** n components at Staging, met/total criteria towards Production spread over 0–1; reads of `transitions` counted. */
function components(n: number): { list: Sortable[]; reads: () => number } {
  let reads = 0;
  const list = Array.from({ length: n }, (_, i): Sortable => {
    const transitions = [{ from: 'staging', to: 'production', met: (i * 7919) % 11, total: 10 }];
    const note = { stage: { id: 'staging' } } as unknown as MaturityNote;
    Object.defineProperty(note, 'transitions', { get: () => (reads++, transitions) });
    return { id: `c${i}.md`, name: `Component ${String(i).padStart(4, '0')}`, note };
  });
  return { list, reads: () => reads };
}

describe('sortComponents', () => {
  it.each(['progress', 'readiness'] as const)('by %s reads each progress once, and orders as progress does', (sort) => {
    const { list, reads } = components(2000);
    const expected = list.map((c) => progress(c, { pipeline })).sort((a, b) => b - a);
    const before = reads();
    sortComponents(list, { sort, order: 'desc' }, { pipeline });
    expect(reads() - before).toBe(list.length);
    expect(list.map((c) => progress(c, { pipeline }))).toEqual(expected);
  });
});

describe('sortComponents breaks ties by the index name order', () => {
  /** n components on 3 stages and 4 teams; reads of `name` counted (each collation reads two). */
  function tied(n: number): { list: Sortable[]; nameReads: () => number; ids: string[] } {
    let reads = 0;
    const teams = ['storage', 'Storage', 'payments', 'élan'];
    const list = Array.from({ length: n }, (_, i): Sortable => {
      const note = { stage: { id: DEFAULT_STAGES[i % 3]!.id }, owner: { value: teams[i % 4] }, transitions: [] } as unknown as MaturityNote;
      const name = `Service ${(i * 7919) % n}`;
      const c = { id: `s${i}.md`, note } as Sortable;
      Object.defineProperty(c, 'name', { get: () => (reads++, name), enumerable: true });
      return c;
    });
    const ids = [...list].sort(compareComponents).map((c) => c.id);
    return { list, nameReads: () => reads, ids: ids.slice() };
  }

  it.each(['stage', 'owner'] as const)('by %s: no name collated, the same order as collating', (sort) => {
    const { list, nameReads, ids } = tied(3000);
    const collated = [...list];
    sortComponents(collated, { sort, order: 'desc' }, { pipeline });
    const before = nameReads();
    sortComponents(list, { sort, order: 'desc' }, { pipeline, ids: () => ids });
    expect(nameReads() - before).toBe(0);
    expect(list.map((c) => c.id)).toEqual(collated.map((c) => c.id));
  });

  it('owner values that collate equal (case) are one tie, broken by name', () => {
    const { list, ids } = tied(8);
    sortComponents(list, { sort: 'owner' }, { pipeline, ids: () => ids });
    const owners = list.map((c) => c.note.owner!.value);
    expect(owners.slice(0, 2)).toEqual(['élan', 'élan']);
    expect(new Set(owners.slice(4))).toEqual(new Set(['storage', 'Storage']));
    const storage = list.slice(4);
    expect(storage.map((c) => c.id)).toEqual([...storage].sort(compareComponents).map((c) => c.id));
  });
});

describe('a sort reads each component’s key once, and a query run reads it as it visits', () => {
  /** n components with owners, groups and dates; reads of each field counted (a plugin's cached note parses its rest at the first). */
  function counted(n: number): { list: Sortable[]; reads: Map<string, number> } {
    const reads = new Map<string, number>();
    const list = Array.from({ length: n }, (_, i): Sortable => {
      const note = { stage: { id: DEFAULT_STAGES[i % 3]!.id }, transitions: [] } as unknown as MaturityNote;
      const fields = { owner: { value: `team ${i % 17}` }, group: { value: `group ${i % 5}` }, lastUpdated: { value: `2026-0${1 + (i % 9)}-1${i % 10}` } };
      for (const [field, value] of Object.entries(fields)) Object.defineProperty(note, field, { get: () => (reads.set(field, (reads.get(field) ?? 0) + 1), value) });
      return { id: `c${i}.md`, name: `Component ${String((i * 7919) % n).padStart(4, '0')}`, note };
    });
    return { list, reads };
  }

  it.each([['owner', 'owner'], ['group', 'group'], ['updated', 'lastUpdated']] as const)('by %s: %s read once a component, the order the comparator’s', (sort, field) => {
    const { list, reads } = counted(3000);
    const value = (c: Sortable) => (c.note as unknown as Record<string, { value: string }>)[field]!.value;
    const expected = [...list].sort((a, b) => (sort === 'updated' ? (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) : compareNames(value(a), value(b))) || compareComponents(a, b));
    reads.clear();
    sortComponents(list, { sort }, { pipeline });
    expect(reads.get(field)).toBe(list.length);
    expect(list.map((c) => c.id)).toEqual(expected.map((c) => c.id));
  });

  it.each([['owner', 'owner'], ['group', 'group'], ['updated', 'lastUpdated']] as const)('a run sorted by %s reads %s of each component in its visits (its slices), before the sort', (sort, field) => {
    const { list, reads } = counted(600);
    const byId = new Map(list.map((c) => [c.id, c]));
    const ids = [...list].sort(compareComponents).map((c) => c.id);
    const source = { pipeline, ids: () => ids, idsAtStage: () => new Set<string>(), component: () => undefined, entry: (id: string) => ({ identity: { name: byId.get(id)!.name }, note: byId.get(id)!.note }) } as unknown as QuerySource;
    const run = createQueryRun(source, { sort });
    run.step(() => false);
    expect(reads.get(field)).toBe(list.length);
  });
});

describe('a run sorted by readiness or progress reads each hit’s keys in its visits, none at its end', () => {
  /** n views at Staging with a readiness score; reads of `transitions` (progress) and of `readiness` counted. */
  function views(n: number): { source: QuerySource; reads: { transitions: number; readiness: number }; ids: string[] } {
    const reads = { transitions: 0, readiness: 0 };
    const list = Array.from({ length: n }, (_, i): Sortable => {
      const transitions = [{ from: 'staging', to: 'production', met: (i * 7919) % 11, total: 10 }];
      const note = { stage: { id: 'staging' } } as unknown as MaturityNote;
      Object.defineProperty(note, 'transitions', { get: () => (reads.transitions++, transitions) });
      const view = { id: `c${i}.md`, name: `Component ${String((i * 104729) % n).padStart(4, '0')}`, note, diagnostics: [] } as unknown as Sortable;
      const readiness = { score: (i * 31) % 7, ready: false };
      Object.defineProperty(view, 'readiness', { get: () => (reads.readiness++, readiness) });
      return view;
    });
    const byId = new Map(list.map((c) => [c.id, c]));
    const ids = [...list].sort(compareComponents).map((c) => c.id);
    const source = { pipeline, ids: () => ids, idsAtStage: () => new Set<string>(), component: (id: string) => byId.get(id), entry: (id: string) => ({ identity: { name: byId.get(id)!.name }, note: byId.get(id)!.note }) } as unknown as QuerySource;
    return { source, reads, ids };
  }

  it.each(['readiness', 'progress'] as const)('by %s', (sort) => {
    const { source, reads, ids } = views(1500);
    const run = createQueryRun(source, { sort, order: 'desc' });
    run.step(() => false);
    const visited = { ...reads };
    expect(visited.transitions).toBe(ids.length);
    if (sort === 'readiness') expect(visited.readiness).toBe(ids.length);
    const result = run.result();
    expect(reads).toEqual(visited); // the end only compares what the visits read
    const expected = [...ids].map((id) => source.component(id)!);
    sortComponents(expected, { sort, order: 'desc' }, source);
    expect(result).toEqual(expected.map((c) => c.id));
  });
});
