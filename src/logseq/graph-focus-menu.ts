// A graph slot's focus menu, bounded. The slot's markup is serialised for Logseq's provideUI: no
// listener survives, so the menu cannot be filled when the reader opens it (the shared view does
// that in Obsidian and in the dashboard). Naming every component shown put up to 2,000 <option>s
// in the task that shows the slot (52–143 ms of Chromium's work, benchmarks.md session 19). So
// above a page of components the menu names a bounded set (the focused component, its neighbours,
// the first by name, the matches of what the reader typed in Find), and the Find field asks the
// model for the rest: its text is slot state (`find`), answered by drawing the slot again.
import type { ViewContext } from '../render/index';
import { count, h, plural } from '../render/dom';

export const FOCUS_MENU = {
  /** Up to this many components shown, the menu names them all (one slot's page: GRAPH_PAGE.limited). */
  listAllUpTo: 100,
  /** Matches of the Find text the menu names at most. */
  matches: 50,
  /** Neighbours of the focused component (dependencies and dependents shown) it names at most. */
  neighbours: 20,
  /** Components shown it names at most in name order, besides the above. */
  byName: 30,
  /** The longest Find text kept (what a name could be; the rest is ignored). */
  findLength: 100,
} as const;

/** The most options a bounded menu holds: "All components", the focused one, each group with its note. */
export const FOCUS_MENU_MOST = 2 + FOCUS_MENU.matches + 1 + FOCUS_MENU.neighbours + FOCUS_MENU.byName + 1;

/** What the reader typed in Find, as the slot keeps it: trimmed, bounded, empty as none. */
export function findText(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim().slice(0, FOCUS_MENU.findLength) : '';
  return text === '' ? undefined : text;
}

interface MenuGroups {
  matches: string[];
  /** Components shown whose name holds the Find text, listed or not. */
  matchCount: number;
  neighbours: string[];
  byName: string[];
  shownCount: number;
}

/** The focused component's dependencies and dependents (the drawing's first hop). */
function neighboursOf(ctx: ViewContext, focus: string | null): ReadonlySet<string> {
  if (focus === null) return new Set();
  return new Set([...(ctx.edges().get(focus) ?? []), ...(ctx.component(focus)?.dependents ?? [])]);
}

/**
 * One walk over the components in name order (the index keeps it): each shown one goes to the
 * first group that wants it and has room, so no name is listed twice. Linear in the graph's size;
 * only the shown ones' names are read.
 */
function menuGroups(ctx: ViewContext, shown: ReadonlySet<string>, focus: string | null, find: string | undefined): MenuGroups {
  const needle = find?.toLowerCase();
  const near = neighboursOf(ctx, focus);
  const groups: MenuGroups = { matches: [], matchCount: 0, neighbours: [], byName: [], shownCount: 0 };
  for (const id of ctx.ids()) {
    if (!shown.has(id)) continue;
    groups.shownCount++;
    if (id === focus) continue;
    const matched = needle !== undefined && (ctx.nameOf(id) ?? '').toLowerCase().includes(needle);
    if (matched) groups.matchCount++;
    if (matched && groups.matches.length < FOCUS_MENU.matches) groups.matches.push(id);
    else if (near.has(id) && groups.neighbours.length < FOCUS_MENU.neighbours) groups.neighbours.push(id);
    else if (groups.byName.length < FOCUS_MENU.byName) groups.byName.push(id);
  }
  return groups;
}

function option(doc: Document, value: string, text: string): HTMLOptionElement {
  return h(doc, 'option', { text, attrs: { value } });
}

/** A line of the menu that says something and cannot be chosen. */
function note(doc: Document, text: string): HTMLOptionElement {
  return h(doc, 'option', { text, attrs: { value: '', disabled: true } });
}

function group(doc: Document, label: string, ids: readonly string[], name: (id: string) => string, extra: HTMLOptionElement | null = null): HTMLOptGroupElement | null {
  if (ids.length === 0 && extra === null) return null;
  return h(doc, 'optgroup', { attrs: { label }, children: [...ids.map((id) => option(doc, id, name(id))), extra] });
}

function matchesGroup(doc: Document, groups: MenuGroups, find: string, name: (id: string) => string): HTMLOptGroupElement | null {
  const rest = groups.matchCount - groups.matches.length;
  const extra = groups.matchCount === 0 ? note(doc, `No component shown is named like “${find}”`) : rest > 0 ? note(doc, `${plural(rest, 'more match', 'more matches')}: type more of the name`) : null;
  return group(doc, `Named like “${find}”`, groups.matches, name, extra);
}

/**
 * Fills `select` (emptied first) with the bounded menu for `shown` components; `focus` (null: none)
 * is listed and selected. At most FOCUS_MENU_MOST options, whatever the number shown.
 */
export function fillBoundedFocusMenu(ctx: ViewContext, select: HTMLSelectElement, shown: readonly string[], focus: string | null, find: string | undefined): void {
  const doc = ctx.document;
  const name = (id: string) => ctx.nameOf(id) ?? id;
  const groups = menuGroups(ctx, new Set(shown), focus, find);
  const listed = (focus === null ? 0 : 1) + groups.matches.length + groups.neighbours.length + groups.byName.length;
  const unlisted = groups.shownCount - listed;
  select.replaceChildren(option(doc, '', `All components (${count(groups.shownCount)})`));
  if (focus !== null) select.appendChild(option(doc, focus, name(focus)));
  const parts = [
    find === undefined ? null : matchesGroup(doc, groups, find, name),
    focus === null ? null : group(doc, `Next to ${name(focus)}`, groups.neighbours, name),
    group(doc, 'First by name', groups.byName, name, unlisted > 0 ? note(doc, `${count(unlisted)} more not listed: use Find`) : null),
  ];
  for (const part of parts) if (part) select.appendChild(part);
  for (const el of select.querySelectorAll('option')) if (el.getAttribute('value') === (focus ?? '') && !el.hasAttribute('disabled')) el.setAttribute('selected', '');
}

/**
 * The Find field: the reader types part of a name and presses Enter (a `change`, wired to the model
 * in markup.ts), and the menu beside it lists the matches. Its value is the slot's Find text.
 */
export function findField(doc: Document, find: string | undefined): HTMLElement {
  const input = h(doc, 'input', {
    cls: 'mm-graph-find',
    attrs: { type: 'search', value: find ?? '', placeholder: 'Find a component…', 'aria-label': 'Find a component to focus on', title: 'Type part of a name and press Enter: the focus menu lists the matches', autocomplete: 'off', spellcheck: 'false', maxlength: FOCUS_MENU.findLength },
  });
  return h(doc, 'div', { cls: 'mm-graph-finder', children: [h(doc, 'label', { cls: 'mm-graph-control', children: [doc.createTextNode('Find '), input] })] });
}
