// Dependency resolution on its own: which keys a written dependency may match, which of several
// same-name components wins, how many candidates are reported, and that keeping a ranked list in
// step with additions and removals gives the same answers as ranking from scratch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dependency, NoteIdentity } from '../../src/core/model';
import {
  MAX_CANDIDATES,
  candidateAdded,
  candidateRemoved,
  createCandidates,
  dependencyKeys,
  resolveDependency,
  type Candidates,
} from '../../src/core/resolve';
import { addId, removeId, type IdMultiMap } from '../../src/core/id-multimap';

function dependency(name: string, link = false): Dependency {
  return { name, link, declaredStage: null, declaredRaw: '', declaredBlocked: false, optional: false, note: '', line: 12 };
}

/** A tiny vault: each note's id and the keys it answers to (its own name key first). */
function vault(notes: Array<{ id: string; keys: string[] }>) {
  const keyIndex: IdMultiMap<string> = new Map();
  const entries = new Map<string, { identity: NoteIdentity }>();
  for (const note of notes) {
    entries.set(note.id, { identity: { id: note.id, name: note.keys[0]!, nameSource: 'frontmatter', keys: note.keys } });
    for (const key of note.keys) addId(keyIndex, key, note.id);
  }
  return { keyIndex, entries, candidates: createCandidates(keyIndex, entries) };
}

describe('dependencyKeys', () => {
  it('tries a relative link against the source folder, then the name, its last segment and its cleaned name', () => {
    expect(dependencyKeys(dependency('../search/Search Service.md', true), 'services/api/MATURITY.md')).toEqual([
      'services/search/search service',
      '../search/search service',
      'search service',
    ]);
    expect(dependencyKeys(dependency('Redis Cache Maturity'), 'a.md')).toEqual(['redis cache maturity', 'redis cache']);
  });

  it('reads a plain name that looks relative as a name, not as a path', () => {
    expect(dependencyKeys(dependency('./Neo4j'), 'graph/db.md')).toEqual(['./neo4j', 'neo4j']);
  });
});

describe('resolveDependency', () => {
  it('resolves a unique name without candidates, and an unknown one to null', () => {
    const { candidates } = vault([{ id: 'Neo4j.md', keys: ['neo4j'] }]);
    expect(resolveDependency(dependency('Neo4j'), 'api.md', candidates)).toMatchObject({ id: 'Neo4j.md', candidates: [], candidateCount: 0 });
    expect(resolveDependency(dependency('Postgres'), 'api.md', candidates)).toMatchObject({ id: null, candidates: [], candidateCount: 0 });
  });

  it('keeps every field of the written dependency', () => {
    const { candidates } = vault([{ id: 'Neo4j.md', keys: ['neo4j'] }]);
    const written: Dependency = { ...dependency('Neo4j', true), declaredStage: 'staging', declaredRaw: 'Staging', optional: true, note: 'graph store' };
    expect(resolveDependency(written, 'api.md', candidates)).toEqual({ ...written, id: 'Neo4j.md', candidates: [], candidateCount: 0 });
  });

  it('prefers the component named exactly so over one that only has the name as an alias', () => {
    const { candidates } = vault([
      { id: 'a/Cache Layer.md', keys: ['cache layer', 'redis'] },
      { id: 'z/Redis.md', keys: ['redis'] },
    ]);
    expect(resolveDependency(dependency('Redis'), 'api.md', candidates)).toMatchObject({ id: 'z/Redis.md', candidateCount: 0 });
  });

  it('among notes sharing a name prefers the one whose file agrees, reports the sharers, bounded', () => {
    const notes = Array.from({ length: 20 }, (_, i) => ({ id: `copies/Template copy ${String(i).padStart(2, '0')}.md`, keys: ['search service'] }));
    notes.push({ id: 'services/search/Search Service.md', keys: ['search service'] });
    const { candidates } = vault(notes);
    const result = resolveDependency(dependency('Search Service'), 'api.md', candidates);
    expect(result.id).toBe('services/search/Search Service.md');
    expect(result.candidateCount).toBe(21);
    expect(result.candidates).toHaveLength(MAX_CANDIDATES);
    expect(result.candidates[0]).toBe('services/search/Search Service.md');
    expect(result.candidates.slice(1)).toEqual([...result.candidates.slice(1)].sort());
  });

  it('reads the folder of a MATURITY.md and a Logseq namespace file as the note name', () => {
    const { candidates } = vault([
      { id: 'services/gateway/MATURITY.md', keys: ['gateway'] },
      { id: 'other/Notes.md', keys: ['gateway'] },
    ]);
    expect(resolveDependency(dependency('Gateway'), 'api.md', candidates).id).toBe('services/gateway/MATURITY.md');
    const logseq = vault([
      { id: 'pages/infra___gateway.md', keys: ['infra/gateway'] },
      { id: 'pages/gateway notes.md', keys: ['infra/gateway'] },
    ]);
    expect(resolveDependency(dependency('infra/gateway', true), 'pages/api.md', logseq.candidates).id).toBe('pages/infra___gateway.md');
  });
});

describe('ranked candidates kept in step', () => {
  const ids = ['a/Redis.md', 'b/Redis.md', 'c/Cache.md', 'd/redis-notes.md', 'e/Redis.md', 'f/Store.md'];
  const keysOf = (id: string): string[] =>
    id.includes('Redis') ? ['redis'] : id.includes('redis') ? ['redis notes', 'redis'] : [id.slice(2, -3).toLowerCase(), 'redis'];

  function fresh(present: ReadonlySet<string>): Candidates {
    return vault([...present].map((id) => ({ id, keys: keysOf(id) }))).candidates;
  }

  it('gives the answers ranking from scratch gives, whatever the order of adds and removes', () => {
    const step = fc.record({ id: fc.constantFrom(...ids), add: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const live = vault([ids[0]!, ids[1]!].map((id) => ({ id, keys: keysOf(id) })));
        const present = new Set([ids[0]!, ids[1]!]);
        resolveDependency(dependency('Redis'), 'x.md', live.candidates); // builds the ranked list
        for (const { id, add } of steps) {
          const identity: NoteIdentity = { id, name: id, nameSource: 'filename', keys: keysOf(id) };
          if (add && !present.has(id)) {
            present.add(id);
            live.entries.set(id, { identity });
            for (const key of identity.keys) {
              addId(live.keyIndex, key, id);
              candidateAdded(live.candidates, key, id);
            }
          } else if (!add && present.has(id)) {
            present.delete(id);
            for (const key of identity.keys) {
              candidateRemoved(live.candidates, key, id);
              removeId(live.keyIndex, key, id);
            }
            live.entries.delete(id);
          }
          const expected = resolveDependency(dependency('Redis'), 'x.md', fresh(present));
          expect(resolveDependency(dependency('Redis'), 'x.md', live.candidates)).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
