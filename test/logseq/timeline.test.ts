// `{{renderer :maturity-query, view=timeline}}` in the BUILT Logseq plugin (fake 0.10.x host, real
// SDK): a row per dated component of the query, undated ones listed apart, segments placed by
// their style (kept through the host's DOMPurify), naming their source line, and opening the
// component's page on click through the model (data-on-click).
import { afterEach, describe, expect, it } from 'vitest';
import { parseQueryOptions, runQuery } from '../../src/core/index';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';
import { filesOf, loadPlugin, macroAll, until, type Loaded } from './harness';

const files = filesOf(EXAMPLE_VAULT);
let t: Loaded | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function expected(options: string[]): string[] {
  const parsed = parseQueryOptions(Object.fromEntries(options.map((o) => o.split('=') as [string, string])));
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return runQuery(loadFolder(EXAMPLE_VAULT), parsed.query).map((c) => c.id).sort();
}

describe('view=timeline in the Logseq query macro', () => {
  it('draws the query’s dated components as rows, lists the undated apart, and opens a page on click', async () => {
    t = await loadPlugin({ files });
    const { el } = await macroAll(t, 'Daily/2026-11-20.md', '{{renderer :maturity-query, view=timeline}}');
    const rows = [...el.querySelectorAll('.mm-tl-row')].map((r) => r.getAttribute('data-mm-id')!);
    const undated = [...el.querySelectorAll('.mm-tl-undated li')].map((r) => r.getAttribute('data-mm-id')!);
    expect(rows.length).toBeGreaterThan(3);
    expect([...rows, ...undated].sort()).toEqual(expected(['view=timeline']));
    const items = [...el.querySelectorAll<HTMLElement>('.mm-tl-item')];
    expect(items.length).toBeGreaterThanOrEqual(rows.length);
    for (const item of items) {
      expect(item.getAttribute('title')).toBeTruthy();
      expect(item.getAttribute('style')).toMatch(/--mm-at:\s*[\d.]+%/);
      expect(item.getAttribute('data-on-click')).toBe('mmOpen');
    }
    items[0]!.click();
    await until(t, () => t!.fake.navigations.length > 0, 'a navigation');
    expect(t.fake.navigations.at(-1)!.route).toBe('page');
  });

  it('keeps the query’s filter (stage=production)', async () => {
    t = await loadPlugin({ files });
    const { el } = await macroAll(t, 'Daily/2026-11-20.md', '{{renderer :maturity-query, stage=production, view=timeline}}');
    const shown = [...el.querySelectorAll('.mm-tl-row, .mm-tl-undated li')].map((r) => r.getAttribute('data-mm-id')!).sort();
    expect(shown).toEqual(expected(['stage=production']));
    expect(shown.length).toBeGreaterThan(0);
  });
});
