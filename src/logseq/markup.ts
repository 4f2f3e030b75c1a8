// Markup for `provideUI`. Logseq injects slot templates into its own document through DOMPurify
// (no scripts, no inline handlers); the only interactivity is `data-on-<event>="modelMethod"`,
// which calls a `provideModel` method with the element's dataset. So the shared views are built
// as DOM in the plugin's own frame and serialised.
//
// Why serialising is safe here: the tree is ours. The shared views put every note string in with
// `textContent` / `setAttribute` (never as markup), so a title like `<img onerror=…>` is a text
// node; serialising escapes text and attribute values (`<`, `&`, `"`), so the host parses back
// exactly the tree we built, and DOMPurify runs on it once more. Nothing else in this plugin
// produces markup from strings, and this function must only ever see trees built that way.
// `test/logseq/markup.test.ts` feeds it hostile notes.

/** Serialise a tree built by the shared views (text via textContent only). */
export function serializeTrustedTree(root: Element): string {
  // eslint-disable-next-line no-restricted-properties -- see the comment above: our own DOM, note text went in as text.
  return root.outerHTML;
}

/** Model methods the injected markup calls (`data-on-<event>`). */
export const OPEN_METHOD = 'mmOpen';
export const SIDEBAR_METHOD = 'mmSidebar';
export const SLOT_METHOD = 'mmSlot';

/**
 * How many times the host calls a control's model method for one event (`data-mm-calls`; absent:
 * once). Logseq 0.10.x's `setupInjectedUI` (logseq/logseq `libs/src/helpers.ts`, tag 0.10.15, lines
 * 446–462) puts one listener per event type on each injected root, which finds the control with
 * `event.target.closest('[data-on-<type>]')` and calls the model; it never stops the event. A
 * piece injected into a container inside another injected piece is inside both roots, so the event
 * bubbles through both and its controls are called once per root around them, one call right after
 * the other. The serialised event (`transformableEvent`, lines 493–523: type, value, id, className,
 * dataset, rect) has nothing that tells one DOM event from the next, so the count is declared here.
 */
export const CALLS_ATTRIBUTE = 'data-mm-calls';

/** The event types the host listens for on each injected root (same file, lines 433–446). */
const HOST_EVENTS = ['click', 'focus', 'focusin', 'focusout', 'blur', 'dblclick', 'keyup', 'keypress', 'keydown', 'change', 'input', 'contextmenu'];
const CONTROL_SELECTOR = HOST_EVENTS.map((type) => `[data-on-${type}]`).join(', ');

/** Declares on every control in `root` (itself included) that the host will call it `roots` times an event: the piece is injected inside `roots` injected roots. */
export function declareCalls(root: Element, roots: number): void {
  if (roots <= 1) return;
  const controls = root.matches(CONTROL_SELECTOR) ? [root, ...root.querySelectorAll(CONTROL_SELECTOR)] : root.querySelectorAll(CONTROL_SELECTOR);
  for (const control of controls) control.setAttribute(CALLS_ATTRIBUTE, String(roots));
}

function on(el: Element, method: string, event = 'click'): void {
  el.setAttribute(`data-on-${event}`, method);
  if (event === 'click') el.setAttribute('data-prevent-default', 'true');
}

/** A control that changes its slot's view state: `mmSlot` with the slot, an action and an argument. */
function slotAction(el: Element, slot: string, action: string, arg = '', event = 'click'): void {
  on(el, SLOT_METHOD, event);
  el.setAttribute('data-mm-slot', slot);
  el.setAttribute('data-mm-action', action);
  el.setAttribute('data-mm-arg', arg);
}

const ZOOM_ACTIONS: Record<string, string> = { 'Zoom in': 'in', 'Zoom out': 'out', 'Fit the whole graph': 'fit' };

/** The graph toolbar and the table's sort headers, which only work with listeners, as model calls. */
function wireSlotControls(root: Element, slot: string): void {
  for (const button of root.querySelectorAll('th button.mm-sort')) {
    const column = /mm-col-([\w-]+)/.exec(button.closest('th')?.getAttribute('class') ?? '')?.[1];
    if (column) slotAction(button, slot, 'sort', column);
  }
  for (const select of root.querySelectorAll('select.mm-graph-focus')) slotAction(select, slot, 'focus', '', 'change');
  for (const input of root.querySelectorAll('input.mm-graph-hops')) slotAction(input, slot, 'hops', '', 'change');
  for (const input of root.querySelectorAll('input.mm-graph-find')) slotAction(input, slot, 'find', '', 'change');
  for (const input of root.querySelectorAll('input.mm-graph-externals')) slotAction(input, slot, 'externals', '', 'change');
  for (const button of root.querySelectorAll('.mm-graph-toolbar button')) {
    const zoom = ZOOM_ACTIONS[button.getAttribute('aria-label') ?? ''];
    if (zoom) slotAction(button, slot, 'zoom', zoom);
  }
  for (const more of root.querySelectorAll('button.mm-show-more')) slotAction(more, slot, 'more', more.getAttribute('data-mm-show') ?? '');
}

/** `[[alice]]` in an owner or group field: a link to that page, as Logseq shows a page ref. */
function pageRefs(root: Element): void {
  const doc = root.ownerDocument;
  for (const el of root.querySelectorAll('.mm-card-meta dd > span, td.mm-col-owner, td.mm-col-group, .mm-logseq-cell.mm-col-owner, .mm-logseq-cell.mm-col-group, .mm-owner')) {
    const m = /^\s*\[\[([^\]]+)\]\]\s*$/.exec(el.textContent ?? '');
    if (!m) continue;
    const page = m[1]!.trim();
    if (el.classList.contains('mm-owner')) {
      el.textContent = page; // inside a link already: the name only
      continue;
    }
    const link = doc.createElement('a');
    link.setAttribute('class', 'mm-link mm-page-ref');
    link.setAttribute('href', '#');
    link.setAttribute('data-mm-page', page);
    on(link, OPEN_METHOD);
    link.textContent = page;
    el.replaceChildren(link);
  }
}

/**
 * Wire a serialised tree to the model: elements that stand for a component (`data-mm-id`, set by
 * the shared views) open the component's page, the card's "line N" buttons the block at that
 * line; a slot's sort headers, graph controls and "show more" change its view state. Their own
 * listeners do not survive serialisation; `data-prevent-default` keeps `href="#"` from changing
 * Logseq's route. Buttons left without a model call are disabled.
 */
export function delegateOpen(root: Element, pageOf: (id: string) => string | null, slot: string | null = null): void {
  const mark = (el: Element, id: string) => {
    const page = pageOf(id);
    if (page === null) return;
    on(el, OPEN_METHOD);
    el.setAttribute('data-mm-page', page);
  };
  // Only the clickable ones: a card or a table row also carries data-mm-id, and a click on its
  // text must not navigate.
  for (const el of root.querySelectorAll('a[data-mm-id], button[data-mm-id], [role="button"][data-mm-id], [role="link"][data-mm-id]')) {
    mark(el, el.getAttribute('data-mm-id')!);
  }
  for (const button of root.querySelectorAll('button.mm-line')) {
    const id = button.closest('[data-mm-id]')?.getAttribute('data-mm-id');
    const line = /(\d+)/.exec(button.textContent ?? '')?.[1];
    if (id) {
      button.setAttribute('data-mm-id', id);
      if (line) button.setAttribute('data-mm-line', line);
      mark(button, id);
    }
  }
  for (const button of root.querySelectorAll('button.mm-sidebar')) on(button, SIDEBAR_METHOD);
  if (slot !== null) wireSlotControls(root, slot);
  pageRefs(root);
  for (const button of root.querySelectorAll('button:not([data-on-click])')) button.setAttribute('disabled', '');
}

/** A one-paragraph notice (unsupported graph, unknown component, bad options), built as DOM. */
export function noticeElement(doc: Document, kind: 'info' | 'warning' | 'error', title: string, lines: string[] = []): HTMLElement {
  const box = doc.createElement('div');
  box.setAttribute('class', `mm mm-logseq-notice mm-notice-${kind}`);
  const strong = doc.createElement('strong');
  strong.textContent = title;
  box.appendChild(strong);
  for (const line of lines) {
    const p = doc.createElement('div');
    p.textContent = line;
    box.appendChild(p);
  }
  return box;
}

/** "Show more (N not shown)": asks the slot for `nextLimit` rows (`data-mm-show`, wired by delegateOpen). */
export function showMoreButton(doc: Document, more: number, nextLimit: number): HTMLElement {
  const button = doc.createElement('button');
  button.setAttribute('type', 'button');
  button.setAttribute('class', 'mm-button mm-show-more');
  button.setAttribute('data-mm-show', String(nextLimit));
  button.textContent = `Show more (${more} not shown)`;
  return button;
}
