// A query builds component views only where a filter or the order needs them, stops at its limit
// in name order, and can be run a slice at a time; its results are those of the plain query that
// builds every view and then filters, sorts and limits (written out here as the reference).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIndex, createQueryRun, queryIds, runQuery, sortComponents, type Component, type ComponentQuery, type MaturityIndex } from '../../src/core/index';
import type { QuerySource } from '../../src/core/query-run';
import { isBlocked } from '../../src/core/serialize';
import { matchesText } from '../../src/core/text-match';
import { resetWorkCount, workCount } from '../../src/core/work-count';
import { generateNotes } from '../../bench/generator/vault';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';

function generatedIndex(notes: number, seed: number): MaturityIndex {
  const index = createIndex({ today: '2026-11-01' });
  index.batch(() => {
    for (const note of generateNotes({ notes, seed })) index.upsert(note.path, note.text);
  });
  return index;
}

/** The query as it was: every view built, then each filter, the sort and the limit. */
function plainQuery(index: MaturityIndex, q: ComponentQuery): string[] {
  const stages = q.stage?.map((s) => s.toLowerCase());
  const stageOf = (c: Component) => {
    const id = c.note.stage?.id ?? null;
    return (word: string) => (word === 'unknown' || word === 'none' ? id === null : index.pipeline.words.some((w) => w.word === word && w.id === id));
  };
  const has = (value: string | undefined, needle: string | undefined) => needle === undefined || needle.trim() === '' || (value ?? '').toLowerCase().includes(needle.trim().toLowerCase());
  let list = index.components().filter((c) =>
    (!stages?.length || stages.some(stageOf(c))) &&
    (!q.tag || q.tag.some((t) => c.note.tags.some((nt) => nt.toLowerCase() === t.toLowerCase() || nt.toLowerCase().startsWith(`${t.toLowerCase()}/`)))) &&
    has(c.note.owner?.value, q.owner) &&
    has(c.note.group?.value, q.group) &&
    (q.blocked === undefined || isBlocked(c, index) === q.blocked) &&
    (q.stale === undefined || c.stale === q.stale) &&
    (q.hasErrors === undefined || c.diagnostics.some((d) => d.severity === 'error') === q.hasErrors) &&
    (q.ready === undefined || c.readiness!.ready === q.ready) &&
    (q.text === undefined || q.text.trim() === '' || matchesText(c, q.text.trim().toLowerCase())),
  );
  if ((q.sort ?? 'name') !== 'name') sortComponents(list, q, index);
  else if (q.order === 'desc') list = list.reverse();
  return list.slice(0, q.limit ?? list.length).map((c) => c.id);
}

const FILTERS = ['stage', 'tag', 'owner', 'group', 'text', 'blocked', 'stale', 'hasErrors', 'ready'] as const;

const fullQueryArb: fc.Arbitrary<ComponentQuery> = fc.record(
  {
    stage: fc.subarray(['development', 'staging', 'production', 'prod', 'unknown'], { minLength: 1 }),
    tag: fc.subarray(['TTA', 'payments', 'platform', 'storage'], { minLength: 1 }),
    owner: fc.constantFrom('team', 'payments', 'a', 'zz-none'),
    group: fc.constantFrom('core', 'e', 'zz-none'),
    text: fc.constantFrom('pay', 'service', 'e', ' cache '),
    blocked: fc.boolean(),
    stale: fc.boolean(),
    hasErrors: fc.boolean(),
    ready: fc.boolean(),
    sort: fc.constantFrom('name' as const, 'stage' as const, 'updated' as const, 'progress' as const, 'owner' as const, 'group' as const, 'readiness' as const),
    order: fc.constantFrom('asc' as const, 'desc' as const),
    limit: fc.integer({ min: 1, max: 40 }),
  },
  { requiredKeys: [] },
);

/** At most two filters, so that results often run past the limit (where the order matters most). */
const queryArb: fc.Arbitrary<ComponentQuery> = fc.tuple(fullQueryArb, fc.subarray([...FILTERS], { maxLength: 2 })).map(([query, kept]) => {
  const out: ComponentQuery = { ...query };
  for (const key of FILTERS) if (!kept.includes(key)) delete out[key];
  return out;
});

describe('running a query', () => {
  const generated = generatedIndex(400, 3);
  const example = loadFolder(EXAMPLE_VAULT);

  it('gives the plain query’s results, filter for filter, on the example vault and a generated one', () => {
    fc.assert(
      fc.property(queryArb, fc.boolean(), (query, onGenerated) => {
        const index = onGenerated ? generated : example;
        expect(queryIds(index, query)).toEqual(plainQuery(index, query));
        expect(runQuery(index, query).map((c) => c.id)).toEqual(plainQuery(index, query));
      }),
      { numRuns: 300 },
    );
  });

  it('builds no view to search by text, owner, group or tag, and only the shown ones to show them', () => {
    const index = generatedIndex(400, 5);
    resetWorkCount();
    const ids = queryIds(index, { text: 'e', owner: 'a', stage: ['staging', 'production'] });
    expect(ids.length).toBeGreaterThan(20);
    expect(workCount.viewsBuilt).toBe(0);
    runQuery(index, { text: 'e', owner: 'a', stage: ['staging', 'production'], limit: 20 });
    expect(workCount.viewsBuilt).toBe(20);
  });

  it('stops at its limit in name order, from either end', () => {
    const index = generatedIndex(400, 6);
    const all = queryIds(index, { stage: ['staging'] });
    resetWorkCount();
    const firstFive = runQuery(index, { stage: ['staging'], blocked: false, limit: 5 }).map((c) => c.id);
    // A view for each staging component visited until five unblocked ones were found, not all.
    expect(workCount.viewsBuilt).toBeGreaterThanOrEqual(5);
    expect(workCount.viewsBuilt).toBeLessThan(all.length / 2);
    expect(firstFive).toEqual(all.filter((id) => !isBlocked(index.component(id)!, index)).slice(0, 5));
    expect(queryIds(index, { stage: ['staging'], order: 'desc', limit: 3 })).toEqual([...all].reverse().slice(0, 3));
  });

  it('builds a view for each survivor of the kept filters when a filter reads views, and no other', () => {
    const index = generatedIndex(400, 7);
    const staging = queryIds(index, { stage: ['staging'] }).length;
    resetWorkCount();
    queryIds(index, { stage: ['staging'], hasErrors: true });
    expect(workCount.viewsBuilt).toBe(staging);
  });

  it('run a slice at a time, looks at the clock after every view it builds and ends as one run does', () => {
    const index = generatedIndex(300, 8);
    const query: ComponentQuery = { stage: ['development', 'staging'], sort: 'readiness', order: 'desc', limit: 30 };
    const run = createQueryRun(index, query);
    resetWorkCount();
    let steps = 0;
    let looks = 0;
    let builtSinceLook = 0;
    let mostBetweenLooks = 0;
    let last = workCount.viewsBuilt;
    const spent = () => {
      looks++;
      builtSinceLook += workCount.viewsBuilt - last;
      last = workCount.viewsBuilt;
      mostBetweenLooks = Math.max(mostBetweenLooks, builtSinceLook);
      builtSinceLook = 0;
      return looks % 7 === 0; // a slice ends every seventh look
    };
    while (!run.step(spent)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(mostBetweenLooks).toBe(1);
    expect(run.result()).toEqual(plainQuery(index, query));
  });
});

describe('a query run again', () => {
  it('a warm query reuses every view without looking up a cycle again, until an edge changes', () => {
    const index = generatedIndex(400, 9);
    const loop = (name: string, other: string) =>
      `---\ntags: [maturity]\n---\n# ${name} Component Maturity Status\n\n**Current Stage**: Staging\n**Owner**: team\n\n## Component Overview\n\n**Dependencies**:\n- ${other}\n`;
    const cycleShown = (id: string) => index.component(id)!.diagnostics.some((d) => d.code === 'dependency-cycle');
    const first = runQuery(index, { stage: ['staging'] });
    resetWorkCount();
    const again = runQuery(index, { stage: ['staging'] });
    expect(again.length).toBeGreaterThan(50);
    expect(again.every((c, k) => c === first[k])).toBe(true);
    expect(workCount.viewsBuilt).toBe(0);
    expect(workCount.cycleLookups).toBe(0);

    // New edges: the views made before are looked at again (none rebuilt), the two new ones show their cycle.
    index.upsert('Loop A.md', loop('Loop A', 'Loop B'));
    index.upsert('Loop B.md', loop('Loop B', 'Loop A'));
    resetWorkCount();
    const withLoop = runQuery(index, { stage: ['staging'] });
    expect(withLoop.length).toBe(first.length + 2);
    expect(workCount.viewsBuilt).toBe(2);
    expect(workCount.cycleLookups).toBe(withLoop.length);
    expect(cycleShown('Loop A.md') && cycleShown('Loop B.md')).toBe(true);

    // Once checked, the views are current again; breaking the cycle rebuilds the views that showed it.
    resetWorkCount();
    runQuery(index, { stage: ['staging'] });
    expect(workCount.cycleLookups).toBe(0);
    index.upsert('Loop B.md', loop('Loop B', 'Nothing Here'));
    expect(cycleShown('Loop A.md') || cycleShown('Loop B.md')).toBe(false);
  });

  it('reads no entry when nothing is tested and the name order stands, one a candidate otherwise', () => {
    const index = generatedIndex(400, 10);
    let reads = 0;
    const counted: QuerySource = { ...index, entry: (id) => (reads++, index.entry(id)) };
    const staging = index.idsAtStageByName('staging');
    expect(staging.length).toBeGreaterThan(50);
    expect(queryIds(counted, { stage: ['staging'] })).toEqual(staging);
    expect(queryIds(counted, { stage: ['staging'], order: 'desc', limit: 7 })).toEqual([...staging].reverse().slice(0, 7));
    expect(queryIds(counted, {})).toEqual(index.ids());
    expect(reads).toBe(0);
    queryIds(counted, { stage: ['staging'], tag: ['TTA'] });
    expect(reads).toBe(staging.length);
  });
});
