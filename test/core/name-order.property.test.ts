// The index's name order (ids()) without collating every comparison: a name of printable ASCII has
// a sort key (src/core/name-order.ts) that compares with `<` exactly as the collator compares the
// names (compareNames: English, numeric, base sensitivity); other names are collated. Counted, not
// timed: how often the collator is asked while 3,000 components are put in name order.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIndex } from '../../src/core/index';
import { nameSortKey, sortByName } from '../../src/core/name-order';
import { compareComponents, compareNames } from '../../src/core/text';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Names like the ones people write, with what collation treats specially: case, digits (leading zeros), punctuation, spaces, accents, emoji, controls. */
const PIECES = ['a', 'A', 'b', 'B', 'z', 'Z', 'e', 'é', 'É', 'ß', 'ss', 'æ', 'Ω', '0', '00', '1', '01', '2', '9', '10', '007', '123456789012345678901234567890', ' ', '  ', '-', '_', '.', ',', "'", '"', '(', ')', '/', '&', '#', '+', '~', '$', '%', '`', '^', '<', '|', '\t', '\u0301', '🚀', 'ｱ', 'Service', 'service', 'Worker 2', 'Worker 10', 'API', 'api-v2'];
const name = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(''));
const anyName = fc.oneof(name, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));

describe('nameSortKey', () => {
  it('orders two keyed names as the collator does, and keys a name only when it is printable ASCII', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        const [ka, kb] = [nameSortKey(a), nameSortKey(b)];
        if (ka !== null) expect(/^[\x20-\x7e]*$/.test(a)).toBe(true);
        if (ka !== null && kb !== null) expect(sign(compareKeys(ka, kb))).toBe(sign(compareNames(a, b)));
      }),
      { numRuns: 3000 },
    );
  });

  it('keys the names a vault holds', () => {
    for (const n of ['Payment Gateway', 'Worker 10', 'api-v2 (legacy)', 'A/B test #3', '']) expect(nameSortKey(n)).not.toBeNull();
    for (const n of ['Café', 'Tab\there', '🚀 Launch']) expect(nameSortKey(n)).toBeNull();
  });
});

describe('sortByName', () => {
  it('gives the order compareComponents gives, whatever mix of keyed and collated names', () => {
    const component = fc.record({ name: anyName, id: fc.string({ maxLength: 4 }) });
    fc.assert(
      fc.property(fc.uniqueArray(component, { selector: (c) => c.id, maxLength: 40 }), (list) => {
        expect(sortByName(list).map((c) => c.id)).toEqual([...list].sort(compareComponents).map((c) => c.id));
      }),
      { numRuns: 500 },
    );
  });
});

describe('ids() in name order', () => {
  afterEach(() => vi.restoreAllMocks());

  it('collates fewer names than there are components (a collating sort asks n log n times)', () => {
    const n = 3000;
    const index = createIndex({ today: '2026-11-24' });
    index.batch(() => {
      for (let i = 0; i < n; i++) {
        const number = (i * 7919) % n;
        index.upsert(`c/${i}.md`, `# Service ${number % 97} Worker ${number} Maturity Status\n\n**Current Stage**: Development\n`);
      }
    });
    const collator = Object.getOwnPropertyDescriptor(Intl.Collator.prototype, 'compare')!;
    let asked = 0;
    vi.spyOn(Intl.Collator.prototype, 'compare', 'get').mockImplementation(function (this: Intl.Collator) {
      asked++;
      return collator.get!.call(this) as Intl.Collator['compare'];
    });
    const ids = index.ids();
    expect(ids.length).toBe(n);
    expect(asked).toBeLessThan(n);
    const named = ids.map((id) => ({ id, name: index.entry(id)!.identity.name }));
    expect(ids).toEqual([...named].sort(compareComponents).map((c) => c.id));
  });
});
