// Loading the core builds no name collator: every host imports src/core/text.ts, and building the
// collator (ICU's collation data) took 10-12 ms of the standalone page's script evaluation in
// Chromium (docs/benchmarks.md, session 22). It is made by the first comparison of names, once, with
// the options that fix the order every output uses. Counted, not timed: the constructor's calls.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLE_VAULT, TODAY, listMarkdown, readNote } from '../helpers/vault';
import { RealCollator, countCollators, restoreCollator } from '../helpers/collators';

describe('the name collator', () => {
  afterEach(() => {
    restoreCollator();
    vi.resetModules();
  });

  it('is made by the first comparison of names, not by loading the core or creating an index', async () => {
    const made = countCollators();
    vi.resetModules();
    const core = await import('../../src/core/index');
    const index = core.createIndex({ today: TODAY });
    expect(made).toEqual([]);

    for (const path of listMarkdown(EXAMPLE_VAULT)) index.upsert(path, readNote(EXAMPLE_VAULT, path));
    const ids = index.ids();
    expect(made).toEqual([['en', { numeric: true, sensitivity: 'base' }]]);

    const reference = new RealCollator('en', { numeric: true, sensitivity: 'base' });
    const nameOf = (id: string) => index.entry(id)!.identity.name;
    const expected = [...ids].sort((a, b) => reference.compare(nameOf(a), nameOf(b)) || (a < b ? -1 : a > b ? 1 : 0));
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).toEqual(expected);
    expect(['Worker 10', 'worker 2', 'Zeta', 'Ärger'].sort(core.compareNames)).toEqual(['Ärger', 'worker 2', 'Worker 10', 'Zeta']);
    expect(made).toHaveLength(1);
  });
});
