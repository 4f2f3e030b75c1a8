// The automatic header at the top of a component note: stage badge, criteria progress and the
// dependency strip. Reading view gets one header per view, placed above the rendered note
// (reading-header.ts); live preview gets it as an editor widget (live-preview.ts).
import type { Component } from 'obsidian';
import type { Host } from './host';
import { hoverParentOf, wireInternalLinks } from './links';
import { componentFingerprint, keepLive, neighbourFingerprint, touches } from './live';
import { renderHeader } from './render-kit';

export const HEADER_CLASS = 'maturity-map-header';

/**
 * Fill `el` with the live header for the note at `path()`; empty while the note is no component.
 * The path is read each time: Obsidian renames the open TFile in place, and the header follows.
 */
export function mountHeader(owner: Component, el: HTMLElement, host: Host, path: () => string): void {
  const neighbours = () => {
    const component = host.indexer.index.component(path());
    return component ? [...component.dependencies.flatMap((d) => (d.id ? [d.id] : [])), ...component.dependents] : [];
  };
  const hoverParent = hoverParentOf(owner);
  wireInternalLinks(owner, el, host.app, path);
  keepLive(owner, el, host.indexer, {
    affects: (change) => touches(change, [path(), ...neighbours()]),
    fingerprint: () => {
      const index = host.indexer.index;
      const component = index.component(path());
      if (!component || !host.settings.autoHeader) return '';
      return `${index.today()}\u0002${componentFingerprint(component)}\u0002${neighbourFingerprint(index, neighbours())}`;
    },
    draw: (target) => {
      const component = host.indexer.index.component(path());
      target.toggleClass('is-empty', !component || !host.settings.autoHeader);
      if (component && host.settings.autoHeader) renderHeader(target, component, host.viewContext(path(), hoverParent));
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
