// The automatic header at the top of a component note: stage badge, criteria progress and the
// dependency strip. Reading view gets it from a post processor; live preview from live-preview.ts.
import { MarkdownRenderChild, type Component, type MarkdownPostProcessorContext } from 'obsidian';
import type { Host } from './host';
import { componentFingerprint, keepLive, neighbourFingerprint, touches } from './live';
import { renderHeader } from './render-kit';

export const HEADER_CLASS = 'maturity-map-header';

/** Fill `el` with the live header for the note at `path`; empty while the note is no component. */
export function mountHeader(owner: Component, el: HTMLElement, host: Host, path: string): void {
  const neighbours = () => {
    const component = host.indexer.index.component(path);
    return component ? [...component.dependencies.flatMap((d) => (d.id ? [d.id] : [])), ...component.dependents] : [];
  };
  keepLive(owner, el, host.indexer, {
    affects: (change) => touches(change, [path, ...neighbours()]),
    fingerprint: () => {
      const index = host.indexer.index;
      const component = index.component(path);
      if (!component || !host.settings.autoHeader) return '';
      return `${index.today()}\u0002${componentFingerprint(component)}\u0002${neighbourFingerprint(index, neighbours())}`;
    },
    draw: (target) => {
      const component = host.indexer.index.component(path);
      target.toggleClass('is-empty', !component || !host.settings.autoHeader);
      if (component && host.settings.autoHeader) renderHeader(target, component, host.viewContext(path));
    },
  });
}

/** 0-based line of the first non-blank line after the front matter, or -1 for an empty note. */
export function firstContentLine(text: string): number {
  const lines = text.split(/\r?\n/);
  let i = 0;
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, n) => n > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (close === -1) return -1; // all front matter, still being written
    i = close + 1;
  }
  while (i < lines.length && lines[i]!.trim() === '') i++;
  return i < lines.length ? i : -1;
}

/** Reading view: put the header into the section that holds the note's first content line. */
export function headerPostProcessor(host: Host) {
  return (el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
    if (!host.settings.autoHeader) return;
    const info = ctx.getSectionInfo(el);
    if (!info) return; // embeds and exports have no section info; the header belongs to the note itself
    const first = firstContentLine(info.text);
    if (first === -1 || first < info.lineStart || first > info.lineEnd) return;
    if (el.querySelector(`:scope > .${HEADER_CLASS}`)) return;
    const holder = createDiv({ cls: [HEADER_CLASS, 'is-empty'] });
    el.prepend(holder);
    const child = new MarkdownRenderChild(holder);
    child.register(() => holder.remove());
    ctx.addChild(child);
    host.adopt(child);
    mountHeader(child, holder, host, ctx.sourcePath);
  };
}
