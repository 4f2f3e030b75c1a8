// A slot's "Show more" is a model call (injected markup has no listeners): the button carries the
// rows it asks for, a page more than the slot shows, so a graph that shows 100 components asks
// for more of them (the call once added 50 to 25 whatever the view: 75, fewer than the graph's 100).
import { describe, expect, it } from 'vitest';
import { slotPatch } from '../../src/logseq/register-ui';

describe('"Show more" in a slot', () => {
  it('asks for the rows its button names', () => {
    expect(slotPatch('more', '150', undefined)?.({})).toEqual({ limit: 150 });
    expect(slotPatch('more', '60', undefined)?.({ limit: 10, sort: { column: 'owner', order: 'asc' } })).toEqual({ limit: 60, sort: { column: 'owner', order: 'asc' } });
  });

  it('ignores a call that names no rows', () => {
    expect(slotPatch('more', '', undefined)).toBeNull();
    expect(slotPatch('more', 'x', undefined)).toBeNull();
  });
});

describe('a table header in a slot', () => {
  it('reverses the order shown (the query’s own before any press) and starts again at the first page', () => {
    expect(slotPatch('sort', 'owner', undefined)?.({ limit: 60 })).toEqual({ sort: { column: 'owner', order: 'asc' } });
    expect(slotPatch('sort', 'owner', undefined)?.({ sort: { column: 'owner', order: 'asc' } })).toEqual({ sort: { column: 'owner', order: 'desc' } });
    expect(slotPatch('sort', 'name', undefined)?.({})).toEqual({ sort: { column: 'name', order: 'desc' } });
    expect(slotPatch('sort', 'owner', undefined, { column: 'owner', order: 'asc' })?.({ limit: 60 })).toEqual({ sort: { column: 'owner', order: 'desc' } });
    expect(slotPatch('sort', 'name', undefined, { column: 'owner', order: 'asc' })?.({})).toEqual({ sort: { column: 'name', order: 'asc' } });
  });
});
