// @vitest-environment happy-dom
// "Link dependencies in this note" / "…in every component note" in the built plugin: only the
// brackets go in, through the open editor (undo and unsaved typing survive), and afterwards the
// metadata cache's resolvedLinks — what Obsidian's backlinks pane reads — holds each edge.
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app';
import type { MarkdownView } from './harness/workspace';
import { startHarness, useHarnessSession } from './helpers';
import { dispose } from './harness/session';
import { scheduled } from './harness/timers';

let h: Harness | null = null;
useHarnessSession({ fixedDate: false });
const read = (path: string) => h!.app.vault.read(h!.file(path));

describe('link dependencies commands', () => {
  const billing = 'Components/Billing Engine.md';

  /** A harness with the billing note open in the editor and a line typed there, not saved yet. */
  async function typedButNotSaved() {
    const harness = await startHarness();
    const leaf = await harness.open(billing, 'source');
    const editor = (leaf.view as MarkdownView).editor!;
    editor.replaceRange('Typed but not saved yet.\n', { line: editor.lineCount() - 1, ch: 0 });
    return { harness, editor };
  }

  it('links this note through the editor: one undo step takes it back, unsaved typing stays', async () => {
    const { harness, editor } = await typedButNotSaved();
    h = harness;
    const before = editor.getValue();
    expect(await h.command('link-dependencies')).toBe(true);
    await h.settle();
    const after = editor.getValue();
    expect(after).toBe(before.replace('- Ledger (Current Stage: Development - BLOCKED)', '- [[Ledger]] (Current Stage: Development - BLOCKED)'));
    expect(h.notices.at(-1)).toContain('Linked 1 dependency in 1 note.');
    editor.undo();
    expect(editor.getValue()).toBe(before);
  });

  it('a window closed with unsaved typing saves it then, as Obsidian does: no save timer outlives the app', async () => {
    const { harness, editor } = await typedButNotSaved();
    h = harness;
    const typed = editor.getValue();
    const saveTimers = () => [...scheduled.values()].filter((t) => t.kind === 'timeout' && t.delay === 2000).length;
    expect(saveTimers()).toBe(1);
    const app = h.app;
    dispose(h);
    h = null;
    expect(saveTimers()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await app.vault.read(app.vault.getFileByPath(billing)!)).toBe(typed);
  });

  it('links every component note; resolvedLinks then holds each new edge, and a second run changes nothing', async () => {
    h = await startHarness();
    const ledger = 'Components/Ledger.md';
    const session = 'Components/Session Store.md';
    h.app.metadataCache.getCache(billing);
    h.app.metadataCache.getCache(ledger);
    expect(h.app.metadataCache.resolvedLinks[billing]?.[ledger]).toBeUndefined();
    expect(h.app.metadataCache.resolvedLinks[ledger]?.[session]).toBeUndefined();
    const before = await read(ledger);
    expect(await h.command('link-all-dependencies')).toBe(true);
    await h.settle();
    expect(await read(ledger)).toBe(before.replace('- Session Store (Current Stage: Production)', '- [[Session Store]] (Current Stage: Production)'));
    expect(h.app.metadataCache.resolvedLinks[billing]?.[ledger]).toBe(1);
    expect(h.app.metadataCache.resolvedLinks[ledger]?.[session]).toBe(1);
    expect(h.notices.at(-1)).toMatch(/^Linked 2 dependencies in 2 notes\. Left as text: /);
    const snapshot = await read(billing);
    await h.command('link-all-dependencies');
    await h.settle();
    expect(await read(billing)).toBe(snapshot);
    expect(h.notices.at(-1)).toMatch(/^No dependency to link in the component notes\./);
  });

  it('is offered for component notes only', async () => {
    h = await startHarness();
    await h.open('Guides/Promotion Guide.md');
    expect(await h.command('link-dependencies')).toBe(false);
  });
});
