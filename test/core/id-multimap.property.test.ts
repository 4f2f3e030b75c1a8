// The key → ids maps behind name resolution, "used by" and re-resolution: a lone id is stored
// as a string, more as a Set; either way they read like a set of ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addId, idsOf, removeId, type IdMultiMap } from '../../src/core/id-multimap';

describe('id multimap', () => {
  it('behaves like a Map of Sets under any sequence of adds and removes', () => {
    const op = fc.record({ add: fc.boolean(), key: fc.constantFrom('a', 'b', 'c'), id: fc.constantFrom('x.md', 'y.md', 'z.md') });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const map: IdMultiMap<string> = new Map();
        const model = new Map<string, Set<string>>();
        for (const { add, key, id } of ops) {
          if (add) {
            addId(map, key, id);
            if (!model.has(key)) model.set(key, new Set());
            model.get(key)!.add(id);
          } else {
            removeId(map, key, id);
            model.get(key)?.delete(id);
            if (model.get(key)?.size === 0) model.delete(key);
          }
          for (const k of ['a', 'b', 'c']) expect([...idsOf(map, k)].sort()).toEqual([...(model.get(k) ?? [])].sort());
          expect([...map.keys()].sort()).toEqual([...model.keys()].sort());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps one id as a plain string and makes a Set only for the second', () => {
    const map: IdMultiMap<string> = new Map();
    addId(map, 'ledger', 'Ledger.md');
    addId(map, 'ledger', 'Ledger.md');
    expect(map.get('ledger')).toBe('Ledger.md');
    addId(map, 'ledger', 'old/Ledger.md');
    expect(map.get('ledger')).toBeInstanceOf(Set);
    removeId(map, 'ledger', 'Ledger.md');
    expect(map.get('ledger')).toBe('old/Ledger.md');
    removeId(map, 'ledger', 'old/Ledger.md');
    expect(map.has('ledger')).toBe(false);
  });
});
