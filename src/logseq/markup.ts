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

/** The model method every component element calls, and the dataset it reads. */
export const OPEN_METHOD = 'mmOpen';

/**
 * Wire a serialised tree to the model: elements that stand for a component (`data-mm-id`, set by
 * the shared views) and the card's "line N" buttons open the component's page. Their own click
 * listeners do not survive serialisation; `data-prevent-default` keeps `href="#"` from changing
 * Logseq's route.
 */
export function delegateOpen(root: Element, pageOf: (id: string) => string | null): void {
  const mark = (el: Element, id: string) => {
    const page = pageOf(id);
    if (page === null) return;
    el.setAttribute('data-on-click', OPEN_METHOD);
    el.setAttribute('data-mm-page', page);
    el.setAttribute('data-prevent-default', 'true');
  };
  // Only the clickable ones: a card or a table row also carries data-mm-id, and a click on its
  // text must not navigate.
  for (const el of root.querySelectorAll('a[data-mm-id], button[data-mm-id], [role="button"][data-mm-id], [role="link"][data-mm-id]')) {
    mark(el, el.getAttribute('data-mm-id')!);
  }
  for (const button of root.querySelectorAll('button.mm-line')) {
    const id = button.closest('[data-mm-id]')?.getAttribute('data-mm-id');
    if (id) {
      button.setAttribute('data-mm-id', id);
      mark(button, id);
    }
  }
  // Buttons that only work with listeners (sorting, claim warnings) are inert in a slot.
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
