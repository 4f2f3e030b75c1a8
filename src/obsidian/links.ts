// Component links behave as Obsidian's internal links wherever the plugin draws them: a click
// opens the note (Ctrl/⌘ or a middle click in a new tab), the context menu is the app's link menu
// (other plugins add to it through 'file-menu'), a drag drops a wiki link into a note, and hovering
// shows the Page preview — one preview per view, since each view is one stable hover parent.
import { Keymap, Menu, Platform, type App, type Component, type HoverParent, type HoverPopover, type PaneType, type TFile } from 'obsidian';

export const HOVER_SOURCE = 'maturity-map';

/** A Component that is also a hover parent: the view, block or header it stands for holds one preview at a time. */
export interface HoverOwner extends Component, HoverParent {}

export function hoverParentOf(component: Component): HoverOwner {
  const owner = component as Component & { hoverPopover?: HoverPopover | null };
  if (!('hoverPopover' in owner)) owner.hoverPopover = null;
  return owner as HoverOwner;
}

const LINK = 'a.internal-link[data-href]';

function linkAt(root: HTMLElement, event: Event): { el: HTMLElement; href: string } | null {
  // By node type, not `instanceof Element`: in a popout window the view's nodes come from another
  // realm than the plugin's globals, and instanceof is false for all of them.
  const target = event.target as Node | null;
  const el = target?.nodeType === 1 ? (target as Element).closest<HTMLElement>(LINK) : null;
  if (!el || !root.contains(el)) return null;
  return { el, href: el.getAttribute('data-href') ?? '' };
}

function open(app: App, href: string, sourcePath: string, pane: PaneType | boolean): void {
  void app.workspace.openLinkText(href, sourcePath, pane);
}

function linkMenu(app: App, event: MouseEvent, file: TFile, sourcePath: string): void {
  const menu = new Menu();
  menu.addItem((item) => item.setSection('open').setIcon('lucide-file-plus').setTitle('Open in new tab').onClick(() => open(app, file.path, sourcePath, 'tab')));
  menu.addItem((item) => item.setSection('open').setIcon('lucide-separator-vertical').setTitle('Open to the right').onClick(() => open(app, file.path, sourcePath, 'split')));
  if (!Platform.isMobile) menu.addItem((item) => item.setSection('open').setIcon('lucide-picture-in-picture-2').setTitle('Open in new window').onClick(() => open(app, file.path, sourcePath, 'window')));
  app.workspace.trigger('file-menu', menu, file, 'link-context-menu');
  menu.showAtMouseEvent(event);
}

/**
 * Handle the internal links inside `root` for as long as `owner` is loaded. Capturing listeners
 * run before the shared views' own click handlers, so each click opens the note exactly once.
 */
export function wireInternalLinks(owner: Component, root: HTMLElement, app: App, sourcePath: () => string): void {
  owner.registerDomEvent(root, 'click', (event) => {
    const link = linkAt(root, event);
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    open(app, link.href, sourcePath(), Keymap.isModEvent(event));
  }, { capture: true });
  owner.registerDomEvent(root, 'auxclick', (event) => {
    const link = linkAt(root, event);
    if (!link || event.button !== 1) return;
    event.preventDefault();
    event.stopPropagation();
    open(app, link.href, sourcePath(), 'tab');
  }, { capture: true });
  owner.registerDomEvent(root, 'contextmenu', (event) => {
    const link = linkAt(root, event);
    const file = link ? app.metadataCache.getFirstLinkpathDest(link.href, sourcePath()) : null;
    if (!link || !file) return;
    event.preventDefault();
    event.stopPropagation();
    linkMenu(app, event, file, sourcePath());
  }, { capture: true });
  owner.registerDomEvent(root, 'dragstart', (event) => {
    const link = linkAt(root, event);
    const file = link ? app.metadataCache.getFirstLinkpathDest(link.href, sourcePath()) : null;
    if (!link || !file || !event.dataTransfer) return;
    const linktext = app.metadataCache.fileToLinktext(file, sourcePath(), true);
    const name = link.el.textContent ?? '';
    event.dataTransfer.setData('text/plain', name && name !== linktext ? `[[${linktext}|${name}]]` : `[[${linktext}]]`);
    event.dataTransfer.effectAllowed = 'link';
  });
}

/** Ask the Page preview core plugin to show a note, owned by `parent` (Ctrl/⌘ as for other sources). */
export function hoverLink(app: App, parent: HoverParent, id: string, event: MouseEvent, target: HTMLElement, sourcePath: string): void {
  app.workspace.trigger('hover-link', { event, source: HOVER_SOURCE, hoverParent: parent, targetEl: target, linktext: id, sourcePath });
}
