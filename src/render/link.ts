// A link to a component's note. A plain click or Enter goes to the host's onOpen; modified clicks
// keep the browser's behaviour when the host gives a real href.
import type { ViewContext } from './context';
import { h, isPlainClick } from './dom';

/** Wire open-on-click and hover preview onto any element that stands for a component. */
export function bindOpen(el: HTMLElement | SVGElement, id: string, ctx: ViewContext, line?: number): void {
  el.addEventListener('click', (event) => {
    const mouse = event as MouseEvent;
    if (!isPlainClick(mouse) && ctx.href(id)) return;
    event.preventDefault();
    ctx.onOpen(id, mouse, line);
  });
  if (el.tagName.toLowerCase() !== 'a' && el.tagName.toLowerCase() !== 'button') {
    el.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key !== 'Enter') return;
      event.preventDefault();
      ctx.onOpen(id, event as KeyboardEvent, line);
    });
  }
  const onHover = ctx.onHover;
  if (onHover) el.addEventListener('mouseover', (event) => onHover(id, event as MouseEvent, el as HTMLElement));
}

export function renderComponentLink(id: string, ctx: ViewContext, label?: string): HTMLAnchorElement {
  const name = label ?? ctx.nameOf(id) ?? id;
  const href = ctx.href(id);
  const link = h(ctx.document, 'a', {
    cls: ctx.linkClass ? `mm-link ${ctx.linkClass}` : 'mm-link',
    text: name,
    attrs: { href: href ?? '#', 'data-mm-id': id, title: id, ...(href ? { 'data-href': href } : {}) },
  });
  bindOpen(link, id, ctx);
  return link;
}
