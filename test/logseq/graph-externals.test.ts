// External dependencies in the Logseq graph slot (built plugin, fake 0.10.x host): grey nodes
// drawn, and the toolbar's "External" checkbox, a model call since injected markup has no
// listeners, hides them and shows them again.
import { afterEach, describe, expect, it } from 'vitest';
import { buildGraphModel } from '../../src/core/index';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';
import { filesOf, loadPlugin, macro, slotElement, until, type Loaded, viewComplete } from './harness';

const files = filesOf(EXAMPLE_VAULT);
let t: Loaded | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A change event made by the host document's own window (the fake host runs in its own DOM). */
function change(l: Loaded, el: HTMLElement): void {
  const win = l.host.document.defaultView as unknown as { Event: typeof Event };
  el.dispatchEvent(new win.Event('change', { bubbles: true }));
}

describe('external dependencies in the Logseq graph slot', () => {
  it('draws them and the External checkbox toggles them through the model', async () => {
    t = await loadPlugin({ files });
    const externals = buildGraphModel(loadFolder(EXAMPLE_VAULT)).externals;
    expect(externals.length).toBeGreaterThan(0);
    const { slot, el } = await macro(t, 'Daily/2026-11-20.md', '{{renderer :maturity-query, view=graph}}');
    expect(el.querySelectorAll('.mm-xnode')).toHaveLength(externals.length);
    const toggle = () => slotElement(t!, slot).querySelector<HTMLInputElement>('input.mm-graph-externals')!;
    expect(toggle().hasAttribute('checked')).toBe(true);
    expect(toggle().getAttribute('data-on-change')).toBeTruthy();
    change(t, toggle());
    // The drawing comes a task after the slot's head: wait for both.
    await until(t, () => slotElement(t!, slot).querySelectorAll('.mm-xnode').length === 0 && viewComplete(slotElement(t!, slot)), 'externals hidden');
    expect(toggle().hasAttribute('checked')).toBe(false);
    expect(slotElement(t, slot).querySelectorAll('.mm-node').length).toBeGreaterThan(0);
    change(t, toggle());
    await until(t, () => slotElement(t!, slot).querySelectorAll('.mm-xnode').length === externals.length && viewComplete(slotElement(t!, slot)), 'externals shown again');
  });

  it('a focus change redraws the toolbar and the drawing, never leaving the canvas empty', async () => {
    t = await loadPlugin({ files });
    const { slot } = await macro(t, [...files.keys()][0]!, '{{renderer :maturity-query, view=graph}}');
    const el = slotElement(t, slot);
    const head = el.querySelector('.mm-logseq-slot')!;
    const emptied: number[] = [];
    const host = t.host as unknown as { MutationObserver: typeof MutationObserver };
    const watch = new host.MutationObserver(() => {
      if (!slotElement(t!, slot).querySelector('.mm-graph-canvas svg')) emptied.push(Date.now());
    });
    watch.observe(el, { childList: true, subtree: true });
    const select = el.querySelector('select.mm-graph-focus') as HTMLSelectElement;
    const target = select.options[3]!.value;
    select.value = target;
    change(t, select);
    await until(t, () => slotElement(t!, slot).querySelector('select.mm-graph-focus option[selected]')?.getAttribute('value') === target && viewComplete(slotElement(t!, slot)), 'the focused graph');
    await until(t, () => slotElement(t!, slot).querySelector('.mm-graph-status')?.textContent?.includes('depends on') === true, 'the focus shown');
    watch.disconnect();
    expect(emptied).toEqual([]);
    // The head stayed: only its parts were written again.
    expect(slotElement(t, slot).querySelector('.mm-logseq-slot')).toBe(head);
  });

  it('a node clicked in the drawing (a piece injected into the slot’s head) opens its page once', async () => {
    t = await loadPlugin({ files });
    const { slot } = await macro(t, [...files.keys()][0]!, '{{renderer :maturity-query, view=graph}}');
    const node = slotElement(t, slot).querySelector('.mm-graph-canvas [data-injected-ui] .mm-node[data-on-click]') as HTMLElement;
    expect(node).not.toBeNull();
    // Both injected elements (the head's and the drawing's) hear the click, as in Logseq.
    expect(node.closest('[data-injected-ui]')?.parentElement?.closest('[data-injected-ui]')).not.toBeNull();
    const before = t.fake.calls.length;
    const win = t.host.document.defaultView as unknown as { MouseEvent: typeof MouseEvent };
    node.dispatchEvent(new win.MouseEvent('click', { bubbles: true }));
    await until(t, () => t!.fake.calls.slice(before).some((c) => c.method === 'push_state'), 'the page opened');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.fake.calls.slice(before).filter((c) => c.method === 'push_state')).toHaveLength(1);
  });
});
