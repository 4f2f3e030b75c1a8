// The cold index's own work made cheaper in session 20, each pinned to the plain code it replaced:
// a dependency's keys (worked out without a closure, a split or a key per repeated spelling), a
// record of metrics written by walking its keys, the parsed-note check by walking a note's keys,
// and the one frozen empty candidate list a resolved dependency shares.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dependency, MaturityNote } from '../../src/core/model';
import { createCandidates, dependencyKeys, resolveDependency } from '../../src/core/resolve';
import { cleanComponentName, withoutMarkdownExtension } from '../../src/core/identity';
import { nameKey } from '../../src/core/text';
import { keyed, slot, writeTape, type TapeWriter } from '../../src/core/tape';
import { compactNote, isCompact } from '../../src/core/compact-note';
import { createIndex, createPipeline, parseNote, resolveConfig } from '../../src/core/index';
import { generateNotes } from '../../bench/generator/vault';

function dependency(name: string, link: boolean): Dependency {
  return { name, link, declaredStage: null, declaredRaw: '', declaredBlocked: false, optional: false, note: '', line: 3 };
}

/** The keys as computed before session 20 (resolve.ts computeKeys), word for word. */
function plainDependencyKeys(dep: Dependency, sourceId: string): string[] {
  const keys: string[] = [];
  const add = (value: string) => {
    const key = nameKey(value);
    if (key !== '' && !keys.includes(key)) keys.push(key);
  };
  const name = withoutMarkdownExtension(dep.name);
  if (dep.link && (name.startsWith('./') || name.startsWith('../'))) add(plainJoin(sourceId, name));
  add(name);
  add(name.split('/').pop() ?? name);
  add(cleanComponentName(name));
  return keys;
}

function plainJoin(sourceId: string, relative: string): string {
  const parts = sourceId.split('/').slice(0, -1);
  for (const piece of relative.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

const pieces = fc.constantFrom(
  'Redis', 'redis', 'Auth Service', 'auth-service', 'auth_service', '  ', ' ', '/', './', '../', '.md', '.MD', '.markdown',
  ' Maturity', ' maturity status', ' Component', ' - Staging Promotion', ': production', '[[', ']]', '___', 'Neo4j', '-', '_', 'x',
);
const texts = fc.array(pieces, { maxLength: 7 }).map((p) => p.join(''));
const sources = fc.constantFrom('a.md', 'services/api/MATURITY.md', 'x/y/z/Note.md', 'Top.md', '/lead.md');

describe('a dependency’s keys', () => {
  it('are the plain code’s keys, in its order, for any spelling (fast-check)', () => {
    fc.assert(
      fc.property(texts, fc.boolean(), sources, (name, link, source) => {
        // A new Dependency each time: dependencyKeys keeps what it worked out per object.
        expect(dependencyKeys(dependency(name, link), source)).toEqual(plainDependencyKeys(dependency(name, link), source));
      }),
      { numRuns: 4000 },
    );
  });

  it('are the plain code’s for every dependency of a generated vault, a long one before each', () => {
    const pipeline = createPipeline(resolveConfig({}).stages);
    const long = dependency(`../../${'Very Long Component Name/'.repeat(8)}Store Maturity.md`, true);
    let compared = 0;
    for (const generated of generateNotes({ notes: 150, seed: 20 })) {
      for (const dep of parseNote(generated.text, pipeline, undefined, 'index').dependencies) {
        dependencyKeys({ ...long }, 'a/b/c/d.md');
        expect(dependencyKeys({ ...dep }, generated.path)).toEqual(plainDependencyKeys(dep, generated.path));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('a metrics record on a tape', () => {
  const codec = keyed(slot<number>());
  /** The record written as before session 20: its Object.keys, then each key and value. */
  function plainWrite(record: Record<string, number>): unknown[] {
    const keys = Object.keys(record);
    const out: unknown[] = [keys.length];
    for (const key of keys) out.push(key, record[key]);
    return out;
  }

  it('is written as Object.keys lists it: own keys, integer-like first, inherited ones left out (fast-check)', () => {
    const key = fc.oneof(fc.constantFrom('p95', 'uptime', '10', '2', 'constructor', 'toString', '__proto__x'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer()), { maxLength: 8 }), fc.boolean(), (pairs, inherit) => {
        const record: Record<string, number> = inherit ? Object.create({ inherited: 1 }) : {};
        for (const [k, v] of pairs) record[k] = v;
        const tape = writeTape((writer: TapeWriter) => codec.put(record, writer));
        expect(tape).toEqual(plainWrite(record));
        const back = codec.take({ tape, at: 0 });
        expect(Object.entries(back)).toEqual(Object.entries(record));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the parsed-note check before compacting', () => {
  const pipeline = createPipeline(resolveConfig({}).stages);
  const parsed = parseNote('# Billing Maturity\n\n**Current Stage**: Staging\n\n## Development → Staging\n- [x] Tests\n', pipeline);

  it('compacts a parsed note, and leaves a note with other keys, fewer keys or keys in another order as it is', () => {
    expect(isCompact(compactNote({ ...parsed }))).toBe(true);
    const extra = { ...parsed, extra: 1 } as unknown as MaturityNote;
    expect(compactNote(extra)).toBe(extra);
    const fewer = { ...parsed } as Partial<MaturityNote>;
    delete fewer.lineCount;
    expect(compactNote(fewer as MaturityNote)).toBe(fewer);
    const { frontmatter, ...rest } = parsed;
    const reordered = { ...rest, frontmatter } as MaturityNote;
    expect(compactNote(reordered)).toBe(reordered);
  });

  it('counts own keys only, as Object.keys did: an inherited key neither adds nor spoils', () => {
    const inheriting = Object.assign(Object.create({ inherited: true }), parsed) as MaturityNote;
    expect(isCompact(compactNote(inheriting))).toBe(true);
    expect(compactNote(inheriting).stage).toEqual(parsed.stage);
  });
});

describe('a resolved dependency without candidates', () => {
  it('shares the one frozen empty list, and an index built on it reports candidates as before', () => {
    const entries = new Map([['Redis.md', { identity: { id: 'Redis.md', name: 'Redis', nameSource: 'title' as const, keys: ['redis'] } }]]);
    const candidates = createCandidates(new Map([['redis', 'Redis.md']]), entries);
    const one = resolveDependency(dependency('Redis', true), 'a.md', candidates);
    const other = resolveDependency(dependency('Postgres', true), 'a.md', candidates);
    expect(one.candidates).toEqual([]);
    expect(Object.isFrozen(one.candidates)).toBe(true);
    expect(other.candidates).toBe(one.candidates);

    const index = createIndex({ today: '2026-12-06' });
    index.batch(() => {
      index.upsert('api.md', '# API Maturity\n\n**Current Stage**: Staging\n**Owner**: a\n\n## Dependencies\n- [[Store]]\n- [[Cache]]\n');
      index.upsert('one/Store.md', '# Store Maturity\n\n**Current Stage**: Staging\n**Owner**: b\n');
      index.upsert('two/Store.md', '# Store Maturity\n\n**Current Stage**: Production\n**Owner**: c\n');
      index.upsert('Cache.md', '# Cache Maturity\n\n**Current Stage**: Staging\n**Owner**: d\n');
    });
    const deps = index.component('api.md')!.dependencies;
    expect(deps.map((d) => [d.id, d.candidates, d.candidateCount])).toEqual([
      ['one/Store.md', ['one/Store.md', 'two/Store.md'], 2],
      ['Cache.md', [], 0],
    ]);
  });
});
