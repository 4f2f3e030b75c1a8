// @vitest-environment happy-dom
// The standalone page and the name collator (src/core/text.ts): its first paint compares no names
// (the snapshot comes in name order), so the collator is not made while the script evaluates nor
// while the page draws; the page makes it once the board is on screen, in the task that starts the
// details' inflation, so the table's first sort (which needs it) does not pay the 10-14 ms of ICU's
// collation data in Chromium (benchmarks.md, session 22). Counted, not timed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountPageData } from '../helpers/standalone-page';
import { countCollators, restoreCollator } from '../helpers/collators';
import { element } from '../obsidian/view-work';

describe('the standalone page’s name collator', () => {
  afterEach(() => {
    restoreCollator();
    vi.resetModules();
  });

  it('is made after the board is on screen, once, and the table’s sort finds it made', async () => {
    const { mount } = mountPageData(300, 5);

    // The page's own copy of the core, loaded after the counter is in place.
    const collators = countCollators();
    vi.resetModules();
    await import('../../src/render/dashboard/main');
    await element(() => mount.querySelector('.mm-board-item'));
    expect(collators.length).toBe(0);

    await element(() => (collators.length > 0 ? mount : null));
    expect(collators.length).toBe(1);
    (mount.querySelector('[data-mm-tab="table"]') as HTMLButtonElement).click();
    const table = await element(() => mount.querySelector('.mm-table tbody tr'));
    expect(table).not.toBeNull();
    expect(collators.length).toBe(1);
  });
});
