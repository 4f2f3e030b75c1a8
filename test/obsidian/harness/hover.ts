// The Page preview core plugin as plugins meet it: a `hover-link` event from a registered source
// opens a HoverPopover owned by `hoverParent`. A parent holds one popover: hovering the same target
// again keeps it, another target replaces it. A fresh parent per hover never replaces anything,
// so previews stack up, as they do in the app.
import { Component } from './events';
import { Keymap } from './keymap';
import type { App } from './plugin';

export interface HoverParent {
  hoverPopover: HoverPopover | null;
}

export const openPopovers = new Set<HoverPopover>();

export class HoverPopover extends Component {
  hoverEl: HTMLElement;
  state = 0;

  constructor(
    readonly parent: HoverParent,
    readonly targetEl: HTMLElement | null,
  ) {
    super();
    parent.hoverPopover?.hide();
    parent.hoverPopover = this;
    this.hoverEl = document.body.createDiv({ cls: 'popover hover-popover' });
    openPopovers.add(this);
    this.load();
  }

  hide(): void {
    if (!openPopovers.delete(this)) return;
    this.hoverEl.remove();
    if (this.parent.hoverPopover === this) this.parent.hoverPopover = null;
    this.unload();
  }
}

interface HoverLinkEvent {
  event: MouseEvent;
  source: string;
  hoverParent: HoverParent;
  targetEl: HTMLElement | null;
  linktext: string;
  sourcePath?: string;
}

/** Start the core plugin: it answers `hover-link` from registered sources. */
export function startPagePreview(app: App): void {
  app.workspace.on('hover-link', (...args: unknown[]) => {
    const info = args[0] as HoverLinkEvent;
    const source = app.hoverLinkSources[info.source];
    if (!source) return;
    if (source.defaultMod && !Keymap.isModEvent(info.event)) return;
    const current = info.hoverParent.hoverPopover;
    if (current && openPopovers.has(current) && current.targetEl === info.targetEl) return;
    const file = app.metadataCache.getFirstLinkpathDest(info.linktext, info.sourcePath ?? '');
    const popover = new HoverPopover(info.hoverParent, info.targetEl);
    popover.hoverEl.setText(file ? `Preview of ${file.path}` : `No note "${info.linktext}"`);
  });
}
