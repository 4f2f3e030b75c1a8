// A graph query's focus menu in a Logseq slot. The slot's markup is serialised for provideUI, so
// nothing fills the menu when the reader opens it (the Obsidian view does): the menu the slot is
// drawn with is all it has. It used to name every component shown, 2,000 `<option>`s built in the
// frame, sanitised and injected by the host and laid out by Chromium in the task that shows the
// slot (52–143 ms there, benchmarks.md session 19). Now it names a bounded set, and a Find field
// asks the model for the rest.
import { afterEach, describe, expect, it } from 'vitest';
import type { MaturityIndex } from '../../src/core/index';
import type { queryView } from '../../src/logseq/query-slot';
import { FOCUS_MENU, FOCUS_MENU_MOST, fillBoundedFocusMenu } from '../../src/logseq/graph-focus-menu';
import { contextFromIndex } from '../../src/render/index';
import { generatedGraph } from './generated-graph';
import { generatedIndex, graphSlotPieces, slotDocument } from './graph-slot-fixture';
import { loadPlugin, macro, quiet, slotElement, until, viewComplete, type Loaded } from './harness';

/** Options a slot's focus menu may hold as drawn, whatever the graph's size (on main: every component shown). */
const MENU_BOUND = FOCUS_MENU_MOST;

const doc = slotDocument;

/** Every piece of a graph query's slot, written into one host-like tree (head, then each piece into its container). */
async function drawnSlot(index: MaturityIndex, state: Parameters<typeof queryView>[4]): Promise<Element> {
  const { head, parts } = await graphSlotPieces(index, 'slot__menu', state);
  const root = doc.createElement('div');
  root.innerHTML = head; // eslint-disable-line no-restricted-properties -- the host's injection of our own markup
  for (const part of parts) {
    const holder = doc.createElement('div');
    holder.innerHTML = part.markup(2); // eslint-disable-line no-restricted-properties -- as above
    root.querySelector(`#${part.container}`)?.append(holder);
  }
  return root;
}

describe('a graph slot’s focus menu', () => {
  it('holds a bounded number of options with 2,000 components shown, the focused one selected among them', async () => {
    const index = generatedIndex(2300);
    expect(index.ids().length).toBeGreaterThanOrEqual(2000);
    const far = index.ids()[1900]!;
    const slot = await drawnSlot(index, { limit: 2000, focus: far, find: 'adapter' });
    const options = slot.querySelectorAll('select.mm-graph-focus option');
    expect(options.length).toBeGreaterThan(1);
    expect(options.length).toBeLessThanOrEqual(MENU_BOUND);
    expect(slot.querySelector('select.mm-graph-focus option[selected]')?.getAttribute('value')).toBe(far);
    // The Find text's matches, as many as the menu names, then a line that counts the rest.
    const matches = [...slot.querySelectorAll('select.mm-graph-focus optgroup[label="Named like “adapter”"] option:not([disabled])')];
    expect(matches).toHaveLength(FOCUS_MENU.matches);
    for (const match of matches) expect(match.textContent?.toLowerCase()).toContain('adapter');
    expect(slot.querySelector('select.mm-graph-focus optgroup option[disabled]')?.textContent).toMatch(/^\d+ more match(es)?: type more of the name$/);
    expect((slot.querySelector('input.mm-graph-find') as HTMLInputElement | null)?.getAttribute('value')).toBe('adapter');
  }, 120_000);

  const index = generatedIndex(2300);
  const ctx = contextFromIndex(index, { document: doc, onOpen: () => undefined });
  const shown = index.ids().slice(0, 2000);
  const menuOf = (focus: string | null, find?: string) => {
    const select = doc.createElement('select');
    fillBoundedFocusMenu(ctx, select, shown, focus, find);
    return select;
  };

  it('names each component once: the focused one, its neighbours, the first by name, and counts the rest', () => {
    const focus = shown.find((id) => (index.component(id)?.dependents.length ?? 0) > 2)!;
    const select = menuOf(focus);
    const values = [...select.querySelectorAll('option:not([disabled])')].map((o) => o.getAttribute('value'));
    expect(new Set(values).size).toBe(values.length);
    expect(values.slice(0, 2)).toEqual(['', focus]);
    const next = [...select.querySelectorAll(`optgroup[label^="Next to"] option`)].map((o) => o.getAttribute('value')!);
    expect(next.length).toBeGreaterThan(2);
    for (const id of next) expect([...(ctx.edges().get(focus) ?? []), ...index.component(focus)!.dependents]).toContain(id);
    const byName = [...select.querySelectorAll('optgroup[label="First by name"] option:not([disabled])')].map((o) => o.getAttribute('value'));
    expect(byName).toHaveLength(FOCUS_MENU.byName);
    expect(byName).toEqual(shown.filter((id) => id !== focus && !next.includes(id)).slice(0, FOCUS_MENU.byName));
    const listed = values.length - 1;
    expect(select.querySelector('optgroup[label="First by name"] option[disabled]')?.textContent).toBe(`${(2000 - listed).toLocaleString('en-US')} more not listed: use Find`);
    expect(select.querySelector('option[selected]')?.getAttribute('value')).toBe(focus);
  });

  it('says so when nothing shown is named like the Find text; with no focus, "All components" is selected', () => {
    const select = menuOf(null, 'no such name');
    expect(select.querySelector('optgroup[label="Named like “no such name”"] option[disabled]')?.textContent).toBe('No component shown is named like “no such name”');
    expect(select.querySelector('option[selected]')?.textContent).toBe('All components (2,000)');
    expect(select.querySelectorAll('option').length).toBeLessThanOrEqual(FOCUS_MENU_MOST);
  });

  it('keeps hostile Find text as text through serialising', () => {
    const hostile = '"><img src=x onerror=alert(1)>';
    const parsed = doc.createElement('div');
    parsed.innerHTML = menuOf(null, hostile).outerHTML; // eslint-disable-line no-restricted-properties -- reading back our own serialised tree
    expect(parsed.querySelector('img')).toBeNull();
    expect(parsed.querySelector('optgroup')?.getAttribute('label')).toBe(`Named like “${hostile}”`);
  });
});

describe('focusing a component the menu does not name, through the model', () => {
  let open: Loaded | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });

  /** A change event made by the host document's own window (the host's listeners see it). */
  const change = (l: Loaded, el: Element) => el.dispatchEvent(new (l.host as unknown as { Event: typeof Event }).Event('change', { bubbles: true }));

  it('Find lists it (the field and the drawing not written again), then the menu focuses it', async () => {
    const { files, core, somePage } = generatedGraph(500);
    const l = await loadPlugin({ files, settings: { pollSeconds: 0 } });
    open = l;
    const { slot } = await macro(l, somePage, '{{renderer :maturity-query, view=graph}}');
    // Two "Show more" presses: 150 components, more than the menu names.
    for (let press = 0; press < 2; press++) {
      const more = slotElement(l, slot).querySelector('button.mm-show-more') as HTMLElement;
      more.click();
      await until(l, () => slotElement(l, slot).querySelector('button.mm-show-more') !== more && viewComplete(slotElement(l, slot)), 'the next page', 30_000);
    }
    await quiet(l);
    const el = () => slotElement(l, slot);
    const shown = new Set([...el().querySelectorAll('.mm-graph-nodes > .mm-node')].map((n) => n.getAttribute('data-mm-id')!));
    expect(shown.size).toBe(150);
    const menu = () => [...el().querySelectorAll('select.mm-graph-focus option')].map((o) => o.getAttribute('value'));
    expect(menu().length).toBeLessThanOrEqual(FOCUS_MENU_MOST);
    // The last shown component in name order: not in the menu as drawn.
    const target = core.ids().filter((id) => shown.has(id)).at(-1)!;
    const name = core.component(target)!.name;
    expect(menu()).not.toContain(target);

    const drawing = el().querySelector('[data-mm-layers]');
    const layers = el().querySelectorAll('.mm-graph-layer').length;
    const find = el().querySelector('input.mm-graph-find') as HTMLInputElement;
    find.value = name.toLowerCase();
    change(l, find);
    await until(l, () => menu().includes(target), 'the menu to list the match', 30_000);
    await quiet(l);
    expect(el().querySelector('input.mm-graph-find')).toBe(find);
    expect(el().querySelector('select.mm-graph-focus optgroup')?.getAttribute('label')).toBe(`Named like “${name.toLowerCase()}”`);
    // The drawing is the same, so it was not written again (nor any of its layers): only the menu changed.
    expect(el().querySelector('[data-mm-layers]')).toBe(drawing);
    expect(el().querySelectorAll('.mm-graph-layer').length).toBe(layers);

    const select = el().querySelector('select.mm-graph-focus') as HTMLSelectElement;
    select.value = target;
    change(l, select);
    await until(l, () => el().querySelector('select.mm-graph-focus option[selected]')?.getAttribute('value') === target && el().querySelector('.mm-graph-status')?.textContent?.startsWith(name) === true && viewComplete(el()), 'the focused graph', 30_000);
    await quiet(l);
    const drawn = [...el().querySelectorAll('.mm-graph-nodes > .mm-node')].map((n) => n.getAttribute('data-mm-id'));
    expect(drawn).toContain(target);
    expect(drawn.length).toBeLessThan(150);
    // The Find text stays: the menu still lists its matches, the focused one selected among them.
    expect(el().querySelector('input.mm-graph-find')).toBe(find);
    expect(menu().filter((v) => v === target)).toHaveLength(1);
  }, 120_000);
});
