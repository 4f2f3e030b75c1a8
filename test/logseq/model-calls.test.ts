// A press in a Logseq slot acts once, and every press acts. Logseq (libs/src/helpers.ts
// `setupInjectedUI`, tag 0.10.15, lines 446–462; the fake host does the same) listens on each
// injected root and finds the control with `closest('[data-on-…]')`, so a control in a piece
// injected inside another piece is called once per root around it, and the calls carry nothing
// that tells one DOM event from the next. The plugin took identical calls within 50 ms as one
// event: two real presses that close were one, and an echo reaching a busy frame later than that
// acted again. Now each control declares how many calls the host makes for it (data-mm-calls).
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_VAULT } from '../helpers/vault';
import { ZOOM_STEP } from '../../src/logseq/query-slot';
import { generatedGraph } from './generated-graph';
import { filesOf, loadPlugin, macro, quiet, slotElement, until, viewComplete, type Loaded } from './harness';

let open: Loaded | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

async function start(files: Map<string, string>): Promise<Loaded> {
  open = await loadPlugin({ files, settings: { pollSeconds: 0 } });
  return open;
}

const CONTROLS = '[data-on-click], [data-on-change]';

/** The host's injected roots around `el` (itself included): one listener each, and each calls the model. */
function rootsAround(el: Element): number {
  let roots = 0;
  for (let at: Element | null = el.closest('[data-injected-ui]'); at; at = at.parentElement?.closest('[data-injected-ui]') ?? null) roots++;
  return roots;
}

/** A change event made by the host document's own window. */
function change(l: Loaded, el: Element): void {
  const win = l.host as unknown as { Event: typeof Event };
  el.dispatchEvent(new win.Event('change', { bubbles: true }));
}

/** The graph's drawing width (its viewBox): a Zoom in step narrows it, a Zoom out step widens it. */
function drawnWidth(l: Loaded, slot: string): number {
  return Number(slotElement(l, slot).querySelector('.mm-graph-canvas svg')?.getAttribute('viewBox')?.split(/\s+/)[2]);
}

function zoomButton(l: Loaded, slot: string, name: 'Zoom in' | 'Zoom out'): HTMLElement {
  return slotElement(l, slot).querySelector(`.mm-graph-toolbar button[aria-label="${name}"]`) as HTMLElement;
}

/** Waits for the drawing's width to leave `from`, the view complete and the plugin quiet; the new width. */
async function redrawn(l: Loaded, slot: string, from: number, what: string): Promise<number> {
  const changed = () => {
    const width = drawnWidth(l, slot);
    return Number.isFinite(width) && width !== from;
  };
  await until(l, () => changed() && viewComplete(slotElement(l, slot)), what);
  await quiet(l);
  return drawnWidth(l, slot);
}

describe('model calls from a Logseq slot', () => {
  it('every control declares as many calls as the host makes for it: a card, a table and a layered graph', async () => {
    const { files, somePage } = generatedGraph(500);
    const l = await start(files);
    const slots = [
      (await macro(l, somePage, '{{renderer :maturity}}')).slot,
      (await macro(l, somePage, '{{renderer :maturity-query, view=table}}')).slot,
      (await macro(l, somePage, '{{renderer :maturity-query, stage=staging, view=graph}}')).slot,
    ];
    await quiet(l);
    const seen = new Map<number, number>();
    for (const slot of slots) {
      for (const control of slotElement(l, slot).querySelectorAll(CONTROLS)) {
        const roots = rootsAround(control);
        seen.set(roots, (seen.get(roots) ?? 0) + 1);
        expect(Number(control.getAttribute('data-mm-calls') ?? '1'), `${control.tagName} ${control.getAttribute('class') ?? ''} ${control.getAttribute('data-mm-action') ?? control.getAttribute('data-mm-id') ?? ''}`).toBe(roots);
      }
    }
    // The host's `closest` could also find a control outside a piece's root, around it: none is.
    for (const root of l.host.document.querySelectorAll('[data-injected-ui]')) expect(root.parentElement?.closest(CONTROLS) ?? null).toBeNull();
    // The head's controls (the sort headers), the pieces' (rows, card sections, the toolbar, "Show more"), the later layers' nodes.
    expect([...seen.keys()].sort()).toEqual([1, 2, 3]);
  });
});

describe('presses in a Logseq slot', () => {
  it('two presses in one host task both act: Zoom in twice (a piece\'s control) is two steps', async () => {
    const l = await start(filesOf(EXAMPLE_VAULT));
    const { slot } = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, view=graph}}');
    await quiet(l);
    const start0 = drawnWidth(l, slot);
    zoomButton(l, slot, 'Zoom in').click();
    zoomButton(l, slot, 'Zoom in').click();
    const twice = await redrawn(l, slot, start0, 'zoomed in');
    // One press of Zoom out from there is one step: between the two.
    zoomButton(l, slot, 'Zoom out').click();
    const once = await redrawn(l, slot, twice, 'zoomed out');
    // Steps of ZOOM_STEP (query-slot.ts zoomGraph rounds to a tenth).
    expect(twice).toBeCloseTo(start0 / ZOOM_STEP ** 2, 0);
    expect(once).toBeCloseTo(start0 / ZOOM_STEP, 0);
  });

  it('two presses in one host task both act: a sort header (the head\'s control) twice sorts back', async () => {
    const l = await start(filesOf(EXAMPLE_VAULT));
    const table = (await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, view=table}}')).slot;
    await quiet(l);
    expect(rootsAround(slotElement(l, table).querySelector('th.mm-col-stage button')!)).toBe(1);
    const header = () => slotElement(l, table).querySelector('th.mm-col-stage button') as HTMLElement;
    header().click();
    header().click();
    await until(l, () => slotElement(l, table).querySelector('th.mm-col-stage')?.getAttribute('aria-sort') === 'descending', 'sorted by stage and back');
    await quiet(l);
    expect(slotElement(l, table).querySelector('th.mm-col-stage')?.getAttribute('aria-sort')).toBe('descending');
  });

  it('on a busy frame, an echo handled 80 ms after the press does not act again', async () => {
    const l = await start(filesOf(EXAMPLE_VAULT));
    const { slot } = await macro(l, 'Daily/2026-11-20.md', '{{renderer :maturity-query, view=graph}}');
    await quiet(l);
    const externals = slotElement(l, slot).querySelectorAll('.mm-xnode').length;
    expect(externals).toBeGreaterThan(0);
    l.lagFrame(80);
    const toggle = slotElement(l, slot).querySelector('input.mm-graph-externals')!;
    expect(rootsAround(toggle)).toBe(2);
    change(l, toggle);
    await until(l, () => slotElement(l, slot).querySelectorAll('.mm-xnode').length === 0 && viewComplete(slotElement(l, slot)), 'externals hidden');
    await quiet(l);
    await l.settle(200);
    expect(slotElement(l, slot).querySelectorAll('.mm-xnode')).toHaveLength(0);
    const start0 = drawnWidth(l, slot);
    zoomButton(l, slot, 'Zoom in').click();
    const once = await redrawn(l, slot, start0, 'zoomed in');
    await l.settle(200);
    expect(drawnWidth(l, slot)).toBe(once);
    expect(once).toBeCloseTo(start0 / ZOOM_STEP, 0);
  });
});
