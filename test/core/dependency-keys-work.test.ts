// Work counted, not timed: how many spellings a dependency's keys normalise (nameKey). Every
// dependency of every component is keyed at a cold index (14k at 10k notes); a plain name is its
// own last segment and its own cleaned name, and is normalised once (three times before session 20).
import { describe, expect, it } from 'vitest';
import { dependencyKeys } from '../../src/core/resolve';
import { resetWorkCount, workCount } from '../../src/core/work-count';
import { createIndex } from '../../src/core/index';
import { generateNotes } from '../../bench/generator/vault';

function keysOf(name: string, link = false, source = 'a.md'): { keys: string[]; normalised: number } {
  resetWorkCount();
  const keys = dependencyKeys({ name, link, declaredStage: null, declaredRaw: '', declaredBlocked: false, optional: false, note: '', line: 1 }, source);
  return { keys, normalised: workCount.dependencyNamesKeyed };
}

describe('a dependency’s keys: spellings normalised', () => {
  it('one for a plain name', () => {
    expect(keysOf('Redis')).toEqual({ keys: ['redis'], normalised: 1 });
    expect(keysOf('Auth Service')).toEqual({ keys: ['auth service'], normalised: 1 });
  });

  it('one per distinct spelling: a path, its last segment, its cleaned name, a relative link joined', () => {
    expect(keysOf('infra/Redis Cache Maturity')).toEqual({ keys: ['infra/redis cache maturity', 'redis cache maturity', 'redis cache'], normalised: 3 });
    expect(keysOf('../search/Search Service.md', true, 'services/api/MATURITY.md')).toEqual({
      keys: ['services/search/search service', '../search/search service', 'search service'],
      normalised: 3,
    });
    expect(keysOf('Redis Cache Maturity')).toEqual({ keys: ['redis cache maturity', 'redis cache'], normalised: 2 });
  });

  it('a cold index of a generated vault: about one a dependency, each dependency keyed once', () => {
    const index = createIndex({ today: '2026-12-06' });
    const notes = [...generateNotes({ notes: 300, seed: 20 })];
    resetWorkCount();
    index.batch(() => notes.forEach((n) => index.upsert(n.path, n.text)));
    let dependencies = 0;
    for (const id of index.ids()) dependencies += index.entry(id)!.note.dependencies.length;
    expect(dependencies).toBeGreaterThan(200);
    expect(workCount.dependencyNamesKeyed).toBeGreaterThanOrEqual(dependencies);
    expect(workCount.dependencyNamesKeyed).toBeLessThan(1.5 * dependencies);
  });
});
