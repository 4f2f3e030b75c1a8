// @vitest-environment happy-dom
// Views in a popout window: Obsidian runs the plugin in the main window's realm, while a view moved
// to a popout is built from the popout's document, so `node instanceof Element` (the main window's
// Element) is false for every node in it — the reason Obsidian adds `Node.instanceOf`. Here the
// plugin's realm is made foreign to the view's nodes the other way round: the global Element is
// replaced by another realm's constructor for the duration of the test, which is all instanceof sees
// (happy-dom's windows share their classes, so a second happy-dom Window would not do).
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from './harness/app';
import type { MarkdownView } from './harness/workspace';
import { exampleFiles, startHarness, useHarnessSession } from './helpers';

let h: Harness | null = null;
useHarnessSession();

const mainElement = globalThis.Element;
afterEach(() => {
  globalThis.Element = mainElement;
});

describe('component links in a view whose nodes come from another window', () => {
  const QUERY = 'Reports/Board.md';
  const files = () => ({ ...exampleFiles(), [QUERY]: '# Board\n\n```maturity-query\nview: table\n```\n' });

  it('open the note on a middle click and show the link menu', async () => {
    h = await startHarness({ files: files() });
    const leaf = await h.open(QUERY);
    const link = (leaf.view as MarkdownView).previewEl!.querySelector<HTMLAnchorElement>('.maturity-map-query-block a[data-mm-id="Components/Ledger.md"]')!;
    globalThis.Element = class PopoutRealmElement {} as unknown as typeof Element;
    expect(link instanceof globalThis.Element).toBe(false);
    link.dispatchEvent(new MouseEvent('auxclick', { button: 1, bubbles: true, cancelable: true }));
    await h.settle();
    expect(h.app.workspace.lastOpened).toMatchObject({ linktext: 'Components/Ledger.md', newLeaf: 'tab' });
    link.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    expect(h.menus.at(-1)!.titles()).toContain('Open in new tab');
  });
});
