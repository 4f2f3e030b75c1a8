// @vitest-environment happy-dom
// The timeline view on the example vault: a row per dated component, a segment per stage placed
// by its dates, today's line, observation windows and blocked spans; the source line on hover and
// focus; click and Enter open the note at that line; arrow keys move along and between rows;
// undated notes listed apart; query option `view: timeline`.
import { describe, expect, it } from 'vitest';
import { createIndex, parseQueryOptions } from '../../src/core/index';
import { contextFromIndex, renderQueryResults, renderTimeline } from '../../src/render/index';
import { TODAY } from '../helpers/vault';
import { click, exampleFixture, key } from './helpers';

const at = (el: Element) => parseFloat((el as HTMLElement).style.getPropertyValue('--mm-at'));
const len = (el: Element) => parseFloat((el as HTMLElement).style.getPropertyValue('--mm-len'));

function row(root: Element, id: string): Element {
  const found = [...root.querySelectorAll('.mm-tl-row')].find((r) => r.getAttribute('data-mm-id') === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
}

describe('timeline view', () => {
  const { index, ctx, opened } = exampleFixture();
  const root = renderTimeline(index.components(), ctx);
  document.body.appendChild(root);

  it('draws a row per component with a segment per stage, in date order, and today’s line', () => {
    expect(root.querySelectorAll('.mm-tl-row')).toHaveLength(index.components().length);
    const auth = row(root, 'Components/Auth Gateway.md');
    const stages = [...auth.querySelectorAll('.mm-tl-stage')];
    expect(stages.map((s) => s.querySelector('.mm-tl-text')!.textContent)).toEqual(['Development', 'Staging', 'Production']);
    // Each segment starts where the one before it ends; the last one reaches today's line.
    for (let i = 1; i < stages.length; i++) expect(at(stages[i]!)).toBeCloseTo(at(stages[i - 1]!) + len(stages[i - 1]!), 1);
    const today = parseFloat(root.querySelector<HTMLElement>('.mm-tl-chart')!.style.getPropertyValue('--mm-today'));
    expect(at(stages[2]!) + len(stages[2]!)).toBeCloseTo(today, 1);
    expect(stages[2]!.classList.contains('mm-tl-ongoing')).toBe(true);
    expect(root.querySelector('.mm-tl-today-label')!.textContent).toBe(`Today ${TODAY}`);
  });

  it('shows the source line on hover (title) and in the live detail line on focus', () => {
    const staging = row(root, 'Components/Auth Gateway.md').querySelectorAll('.mm-tl-stage')[1]!;
    expect(staging.getAttribute('title')).toBe('Staging, 2026-08-20 to 2026-09-30 (41 days). line 223: 2026-08-20: Promoted to Staging (Issue #141)');
    expect(staging.getAttribute('aria-label')).toBe(staging.getAttribute('title'));
    (staging as HTMLElement).focus();
    expect(root.querySelector('.mm-tl-detail')!.textContent).toBe(staging.getAttribute('title'));
    const production = row(root, 'Components/Auth Gateway.md').querySelectorAll('.mm-tl-stage')[2]!;
    expect(production.getAttribute('title')).toContain('line 11: Promoted to Production: 2026-09-30 Also line 224: 2026-09-30: Promoted to Production (Issue #187)');
  });

  it('opens the note at the entry’s line on click and on Enter', () => {
    opened.length = 0;
    const staging = row(root, 'Components/Auth Gateway.md').querySelectorAll('.mm-tl-stage')[1]!;
    click(staging);
    expect(opened.map((o) => [o.id, o.line])).toEqual([['Components/Auth Gateway.md', 223]]);
    const window = row(root, 'Components/Rate Quoter.md').querySelector('.mm-tl-window')!;
    expect(window.getAttribute('title')).toBe('7-day observation window (day 5 of 7), 2026-11-19 to 2026-11-26 (7 days). line 10: 7-day observation window (criterion on line 57) from 2026-11-19, day 5 of 7');
    click(window);
    expect(opened.at(-1)).toMatchObject({ id: 'Components/Rate Quoter.md', line: 10 });
  });

  it('draws dated blocked spans and markers', () => {
    const ledger = row(root, 'Components/Ledger.md');
    const blocked = ledger.querySelector('.mm-tl-blocked')!;
    expect(blocked.getAttribute('title')).toMatch(/^Blocked, 2026-11-02 to today \(22 days\)\. line 209: /);
    expect(ledger.querySelector('.mm-flag-blocked')).not.toBeNull();
    const hub = row(root, 'pages/Harbor___Components___Notification Hub.md');
    expect(hub.querySelector('.mm-tl-blocked')!.getAttribute('title')).toMatch(/^Blocked, 2026-09-14 to 2026-10-02 \(18 days\)/);
    expect([...hub.querySelectorAll('.mm-tl-mark')].map((m) => m.className.replace('mm-tl-item mm-tl-mark mm-tl-mark-', ''))).toEqual(['blocked', 'unblocked', 'resolved']);
    expect(row(root, 'Components/Search Indexer.md').querySelector('.mm-tl-mark-requested')!.getAttribute('title')).toBe('Promotion requested, 2026-11-17. line 210: 2026-11-17: Promotion to Staging requested (Issue #255) - on hold for Issue #257');
  });

  it('moves along a row and between rows with the arrow keys, from the component link', () => {
    const first = row(root, 'Components/Auth Gateway.md');
    const link = first.querySelector<HTMLElement>('.mm-tl-label a.mm-link')!;
    link.focus();
    key(link, 'ArrowRight');
    expect(document.activeElement).toBe(first.querySelector('.mm-tl-item'));
    key(document.activeElement!, 'End');
    const items = first.querySelectorAll('.mm-tl-item');
    expect(document.activeElement).toBe(items[items.length - 1]);
    key(document.activeElement!, 'Home');
    expect(document.activeElement).toBe(link);
    key(link, 'ArrowDown');
    expect(document.activeElement).toBe(row(root, 'Components/Billing Engine.md').querySelector('.mm-tl-label a.mm-link'));
    // Entries are reached with the arrow keys, not one Tab stop each.
    expect([...root.querySelectorAll('.mm-tl-item')].every((i) => i.getAttribute('tabindex') === '-1')).toBe(true);
  });

  it('lists notes without dates apart, with the dates it left out and why', () => {
    const idx = createIndex({ today: TODAY });
    idx.upsert('A.md', '---\ntags: [maturity]\ncreated: 2026-11-01\n---\n# A\n\n**Current Stage**: Development\n**Last Updated**: 2026-10-01\n');
    idx.upsert('B.md', '---\ntags: [maturity]\n---\n# B\n\n**Current Stage**: Staging\n**Promoted to Staging**: 2026-09-01\n');
    const view = renderTimeline(idx.components(), contextFromIndex(idx, { document, onOpen: () => undefined }));
    expect([...view.querySelectorAll('.mm-tl-row')].map((r) => r.getAttribute('data-mm-id'))).toEqual(['B.md']);
    const undated = view.querySelector('.mm-tl-undated')!;
    expect(undated.querySelector('h3')!.textContent).toBe('Not on the timeline (1)');
    expect([...undated.querySelectorAll('li')].map((li) => li.getAttribute('data-mm-id'))).toEqual(['A.md']);
    expect(view.querySelector('.mm-tl-aside h3')!.textContent).toBe('Left out (1)');
    expect(view.querySelector('.mm-tl-aside li')!.textContent).toBe("A: 2026-11-01 (front matter: created: 2026-11-01) is not used: it is after Last Updated (2026-10-01): the note file's date, not the component's.");
    const none = renderTimeline([idx.component('A.md')!], contextFromIndex(idx, { document, onOpen: () => undefined }), { headingLevel: 2 });
    expect(none.querySelector('.mm-tl-chart')).toBeNull();
    expect(none.querySelector('.mm-empty')!.textContent).toBe('None of these notes gives a date to place it on the timeline.');
    expect(none.querySelector('.mm-tl-undated h2')!.textContent).toBe('Not on the timeline (1)');
  });

  it('places many components a task at a time behind a placeholder, then draws what it draws at once, a page of rows first', async () => {
    const whole = renderTimeline(index.components(), ctx);
    const sliced = renderTimeline(index.components(), ctx, { atOnce: 5, pageSize: 4 });
    document.body.appendChild(sliced);
    expect(sliced.getAttribute('aria-busy')).toBe('true');
    expect(sliced.querySelector('.mm-tl-waiting')!.textContent).toBe(`Placing ${index.components().length} components on the timeline…`);
    expect(sliced.querySelector('.mm-tl-row')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sliced.hasAttribute('aria-busy')).toBe(false);
    expect(sliced.querySelector('.mm-tl-waiting')).toBeNull();
    const ids = (el: Element) => [...el.querySelectorAll('.mm-tl-row')].map((r) => r.getAttribute('data-mm-id'));
    expect(ids(sliced)).toEqual(ids(whole).slice(0, 4));
    for (let more = sliced.querySelector<HTMLButtonElement>('.mm-show-more'); more; more = sliced.querySelector<HTMLButtonElement>('.mm-show-more')) click(more);
    expect(ids(sliced)).toEqual(ids(whole));
    expect(sliced.querySelector('.mm-tl-chart')!.getAttribute('aria-label')).toBe(whole.querySelector('.mm-tl-chart')!.getAttribute('aria-label'));
    sliced.remove();
  });

  it('is the view a query names with `view: timeline`', () => {
    const parsed = parseQueryOptions({ view: 'timeline', stage: 'production' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const results = index.components().filter((c) => c.note.stage?.id === 'production');
    const el = renderQueryResults(results, parsed.query.view!, ctx);
    expect(el.classList.contains('mm-timeline')).toBe(true);
    expect(el.querySelectorAll('.mm-tl-row')).toHaveLength(4);
    expect(parseQueryOptions({ view: 'gantt' })).toEqual({ ok: false, errors: ['view: expected one of table, list, board, graph, timeline, got "gantt".'] });
  });
});
