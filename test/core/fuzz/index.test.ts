// Property tests over the index: any sequence of upserts, removes and renames of hostile little
// vaults (duplicate names, self-dependencies, cycles, prototype-named notes) leaves the index in
// exactly the state a fresh index built from the final files has, and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentToJSON, createIndex, findCycles, type MaturityIndex } from '../../../src/core/index';
import { assertPrototypeClean, countCase, fuzzParameters, hostileLine, reportCounts, tally } from '../../helpers/fuzz';

reportCounts('index');

const NAMES = ['Api', 'api', 'Store', 'Queue', 'Web', 'Auth', '__proto__', 'constructor', 'toString', 'A-b', 'Ledger'];
const PATHS = ['Api.md', 'team/Api.md', 'Store.md', 'x/y/Queue.md', 'MATURITY.md', 'svc/MATURITY.md', 'Web.md', '__proto__.md', 'constructor.md', 'pages/A___B___Ledger.md', 'Notes.md'];
const STAGES = ['Development', 'Staging', 'Production', 'Development (BLOCKED)', 'Staging (Promoted 2026-01-01)', '<Development|Staging>', 'QA', ''];

const noteText = fc
  .record({
    name: fc.constantFrom(...NAMES),
    titled: fc.boolean(),
    stage: fc.constantFrom(...STAGES),
    deps: fc.array(fc.record({ name: fc.constantFrom(...NAMES, 'Missing', '../Store', 'team/Api'), link: fc.boolean(), stage: fc.constantFrom('', ' (Current Stage: Staging)', ' (Current Stage: Development - BLOCKED)'), optional: fc.boolean() }), { maxLength: 5 }),
    extra: fc.array(hostileLine, { maxLength: 3 }),
    tag: fc.boolean(),
  })
  .map(({ name, titled, stage, deps, extra, tag }) =>
    [
      ...(titled || tag ? ['---', ...(titled ? [`title: ${name} Maturity Status`] : []), ...(tag ? ['tags: [maturity]'] : []), '---'] : []),
      `# ${name} Maturity Status`,
      '',
      `**Current Stage**: ${stage}`,
      '**Owner**: team',
      '**Last Updated**: 2026-11-01',
      '',
      '**Dependencies**:',
      ...deps.map((d) => `- ${d.optional ? 'Optional: ' : ''}${d.link ? `[[${d.name}]]` : d.name}${d.stage}`),
      '',
      '### Development → Staging',
      '',
      '- [x] done',
      '',
      ...extra,
    ].join('\n'),
  );

type Op = { op: 'upsert'; path: string; text: string } | { op: 'remove'; path: string } | { op: 'rename'; from: string; to: string; withText: boolean };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('upsert' as const), path: fc.constantFrom(...PATHS), text: noteText }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), path: fc.constantFrom(...PATHS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), from: fc.constantFrom(...PATHS), to: fc.constantFrom(...PATHS), withText: fc.boolean() }) },
);

/** Everything a view can see, in a comparable form. */
function state(index: MaturityIndex): unknown {
  return {
    ids: index.ids(),
    components: index.components().map((c) => componentToJSON(c, index)),
    cycles: index.cycles(),
    vault: index.vaultDiagnostics(),
    edges: [...index.edges()].sort(),
    stages: ['development', 'staging', 'production', null].map((s) => [...index.idsAtStage(s)].sort()),
  };
}

describe('index fuzzing', () => {
  it('incremental updates equal a fresh build of the final files', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        countCase('op sequences');
        const files = new Map<string, string>();
        const index = createIndex({ today: '2026-11-24' });
        for (const o of ops) {
          if (o.op === 'upsert') {
            files.set(o.path, o.text);
            index.upsert(o.path, o.text);
          } else if (o.op === 'remove') {
            files.delete(o.path);
            index.remove(o.path);
          } else {
            const text = files.get(o.from);
            if (text === undefined || o.from === o.to || files.has(o.to)) continue; // hosts never rename onto a file
            files.delete(o.from);
            files.set(o.to, text);
            const change = o.withText ? index.rename(o.from, o.to, text) : index.rename(o.from, o.to);
            if (change.needsText) index.upsert(o.to, text);
          }
        }
        const fresh = createIndex({ today: '2026-11-24' });
        for (const [path, text] of [...files].sort()) fresh.upsert(path, text);
        expect(state(index)).toEqual(state(fresh));
        if (index.cycles().length > 0) tally('vaults with cycles');
        if (index.components().some((c) => c.diagnostics.some((d) => d.code === 'duplicate-name'))) tally('vaults with duplicate names');

        // Invariants: dependents are exactly the reverse edges; cycles are the graph's cycles.
        const edges = index.edges();
        for (const id of index.ids()) {
          const dependents = index.ids().filter((other) => (edges.get(other) ?? []).includes(id));
          expect(index.component(id)!.dependents).toEqual(dependents.sort());
        }
        expect(index.cycles()).toEqual(findCycles([...index.ids()].sort(), edges));
        for (const cycle of index.cycles()) for (const id of cycle) expect(index.component(id)!.diagnostics.map((d) => d.code)).toContain('dependency-cycle');
        assertPrototypeClean();
      }),
      fuzzParameters(1),
    );
  });
});
