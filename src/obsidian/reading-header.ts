// Reading view: one header per Markdown view, placed above the rendered note (the first child of
// the view's scroller, as Breadcrumbs places its trail). Obsidian re-renders and reuses sections by
// their text, so a header living inside a section would double or vanish on edits; a per-view
// header does neither, and costs nothing per section.
import { Component, MarkdownView, type Plugin, type TFile } from 'obsidian';
import { HEADER_CLASS, mountHeader } from './header';
import type { Host } from './host';

interface Mounted {
  owner: Component;
  el: HTMLElement;
  file: TFile;
}

/** The scroller of a view's own reading mode (embeds have `.markdown-preview-view` too, but not under `.markdown-reading-view`). */
function readingScroller(view: MarkdownView): HTMLElement | null {
  return view.containerEl.querySelector<HTMLElement>('.markdown-reading-view > .markdown-preview-view');
}

export function registerReadingHeaders(plugin: Plugin, host: Host): () => void {
  const mounted = new Map<MarkdownView, Mounted>();

  const unmount = (view: MarkdownView) => {
    const entry = mounted.get(view);
    if (!entry) return;
    mounted.delete(view);
    entry.owner.unload();
    entry.el.remove();
  };

  const place = (view: MarkdownView) => {
    const file = view.file;
    const scroller = view.getMode() === 'preview' && host.settings.autoHeader ? readingScroller(view) : null;
    if (!file || !scroller) return unmount(view);
    const entry = mounted.get(view);
    if (entry && entry.file === file && scroller.contains(entry.el)) return;
    unmount(view);
    const el = createDiv({ cls: [HEADER_CLASS, 'maturity-map-header-reading', 'is-empty'] });
    scroller.prepend(el);
    const owner = new Component();
    owner.load();
    // Gone with the view, or with the plugin.
    view.addChild(owner);
    host.adopt(owner);
    owner.register(() => {
      el.remove();
      if (mounted.get(view)?.owner === owner) mounted.delete(view);
    });
    mountHeader(owner, el, host, () => file.path);
    mounted.set(view, { owner, el, file });
  };

  const sync = () => {
    const views = new Set<MarkdownView>();
    for (const leaf of plugin.app.workspace.getLeavesOfType('markdown')) if (leaf.view instanceof MarkdownView) views.add(leaf.view);
    for (const view of [...mounted.keys()]) if (!views.has(view)) unmount(view);
    for (const view of views) place(view);
  };

  plugin.registerEvent(plugin.app.workspace.on('layout-change', sync));
  plugin.registerEvent(plugin.app.workspace.on('file-open', sync));
  plugin.registerEvent(plugin.app.workspace.on('active-leaf-change', sync));
  plugin.register(() => {
    for (const view of [...mounted.keys()]) unmount(view);
  });
  plugin.app.workspace.onLayoutReady(sync);
  return sync;
}
