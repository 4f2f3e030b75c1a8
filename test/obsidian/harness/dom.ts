// Obsidian's DOM helpers (the global augmentation in obsidian.d.ts), installed on a window's
// prototypes the way the app does: createEl/createDiv/createSpan/createSvg, empty, detach,
// setText, addClass/removeClass/toggleClass/hasClass, setAttr, isShown, setCssProps/setCssStyles,
// appendText, and the global createEl/createDiv/createSpan/createFragment.

export interface ElementInfo {
  cls?: string | string[];
  text?: string | DocumentFragment;
  attr?: Record<string, string | number | boolean | null>;
  title?: string;
  parent?: Node;
  value?: string;
  type?: string;
  prepend?: boolean;
  placeholder?: string;
  href?: string;
}

type Callback<T> = ((el: T) => void) | undefined;

function classes(value: string | string[] | undefined): string[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : value.split(' ')).filter(Boolean);
}

function apply(el: Element, info: ElementInfo | string | undefined): void {
  if (info === undefined) return;
  if (typeof info === 'string') info = { cls: info };
  el.classList.add(...classes(info.cls));
  if (info.text !== undefined) {
    if (typeof info.text === 'string') el.textContent = info.text;
    else el.appendChild(info.text);
  }
  for (const [name, value] of Object.entries(info.attr ?? {})) {
    if (value === null || value === false) el.removeAttribute(name);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  if (info.title !== undefined) el.setAttribute('title', info.title);
  const input = el as HTMLInputElement;
  if (info.value !== undefined) input.value = info.value;
  if (info.type !== undefined) input.setAttribute('type', info.type);
  if (info.placeholder !== undefined) input.setAttribute('placeholder', info.placeholder);
  if (info.href !== undefined) el.setAttribute('href', info.href);
}

/** Install the helpers on `win`'s prototypes and globals. Idempotent. */
export function installDomHelpers(win: Window & typeof globalThis): void {
  const proto = win.Node.prototype as unknown as Record<string, unknown>;
  if (proto['createEl']) return;
  const doc = win.document;

  function createEl(this: Node | undefined, tag: string, info?: ElementInfo | string, callback?: Callback<HTMLElement>): HTMLElement {
    const el = doc.createElement(tag);
    apply(el, info);
    const parent = this ?? (typeof info === 'object' ? info.parent : undefined);
    const prepend = typeof info === 'object' && info.prepend;
    if (parent) {
      if (prepend) parent.insertBefore(el, parent.firstChild);
      else parent.appendChild(el);
    }
    callback?.(el);
    return el;
  }
  function createSvg(this: Node | undefined, tag: string, info?: ElementInfo | string, callback?: Callback<SVGElement>): SVGElement {
    const el = doc.createElementNS('http://www.w3.org/2000/svg', tag);
    apply(el, info);
    if (this) this.appendChild(el);
    callback?.(el);
    return el;
  }

  Object.assign(proto, {
    createEl,
    createDiv(this: Node, info?: ElementInfo | string, cb?: Callback<HTMLDivElement>) {
      return createEl.call(this, 'div', info, cb as Callback<HTMLElement>);
    },
    createSpan(this: Node, info?: ElementInfo | string, cb?: Callback<HTMLSpanElement>) {
      return createEl.call(this, 'span', info, cb as Callback<HTMLElement>);
    },
    createSvg,
    empty(this: Node) {
      while (this.firstChild) this.removeChild(this.firstChild);
    },
    detach(this: Node) {
      this.parentNode?.removeChild(this);
    },
    setText(this: Node, text: string | DocumentFragment) {
      (this as unknown as { empty(): void }).empty();
      if (typeof text === 'string') this.textContent = text;
      else this.appendChild(text);
    },
    appendText(this: Node, text: string) {
      this.appendChild(doc.createTextNode(text));
    },
    instanceOf(this: Node, type: abstract new (...args: never[]) => unknown) {
      return this instanceof type;
    },
  });

  const element = win.Element.prototype as unknown as Record<string, unknown>;
  Object.assign(element, {
    addClass(this: Element, ...names: string[]) {
      this.classList.add(...names.flatMap(classes));
    },
    addClasses(this: Element, names: string[]) {
      this.classList.add(...names.flatMap(classes));
    },
    removeClass(this: Element, ...names: string[]) {
      this.classList.remove(...names.flatMap(classes));
    },
    removeClasses(this: Element, names: string[]) {
      this.classList.remove(...names.flatMap(classes));
    },
    toggleClass(this: Element, names: string | string[], value: boolean) {
      for (const name of classes(names)) this.classList.toggle(name, value);
    },
    hasClass(this: Element, name: string) {
      return this.classList.contains(name);
    },
    setAttr(this: Element, name: string, value: string | number | boolean | null) {
      if (value === null || value === false) this.removeAttribute(name);
      else this.setAttribute(name, value === true ? '' : String(value));
    },
    setAttrs(this: Element, attrs: Record<string, string | number | boolean | null>) {
      for (const [k, v] of Object.entries(attrs)) (this as unknown as { setAttr(k: string, v: unknown): void }).setAttr(k, v);
    },
    getText(this: Element) {
      return this.textContent ?? '';
    },
  });

  const html = win.HTMLElement.prototype as unknown as Record<string, unknown>;
  const svg = win.SVGElement.prototype as unknown as Record<string, unknown>;
  const styling = {
    /** As documented: attached to the document, and neither it nor an ancestor is display: none. */
    isShown(this: HTMLElement) {
      if (!this.isConnected) return false;
      for (let el: Element | null = this as Element; el; el = el.parentElement) {
        if ((el as HTMLElement).hidden) return false;
        if (win.getComputedStyle(el).display === 'none') return false;
      }
      return true;
    },
    setCssProps(this: HTMLElement, props: Record<string, string>) {
      for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
    },
    setCssStyles(this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
      Object.assign(this.style, styles);
    },
    show(this: HTMLElement) {
      this.style.removeProperty('display');
    },
    hide(this: HTMLElement) {
      this.style.setProperty('display', 'none');
    },
    toggle(this: HTMLElement, show: boolean) {
      if (show) this.style.removeProperty('display');
      else this.style.setProperty('display', 'none');
    },
  };
  Object.assign(html, styling);
  Object.assign(svg, { setCssProps: styling.setCssProps, setCssStyles: styling.setCssStyles });

  const globals = win as unknown as Record<string, unknown>;
  globals['createEl'] = (tag: string, info?: ElementInfo | string, cb?: Callback<HTMLElement>) => createEl.call(undefined, tag, info, cb);
  globals['createDiv'] = (info?: ElementInfo | string, cb?: Callback<HTMLElement>) => createEl.call(undefined, 'div', info, cb);
  globals['createSpan'] = (info?: ElementInfo | string, cb?: Callback<HTMLElement>) => createEl.call(undefined, 'span', info, cb);
  globals['createSvg'] = (tag: string, info?: ElementInfo | string, cb?: Callback<SVGElement>) => createSvg.call(undefined, tag, info, cb);
  globals['createFragment'] = (cb?: (f: DocumentFragment) => void) => {
    const fragment = doc.createDocumentFragment();
    cb?.(fragment);
    return fragment;
  };
  globals['activeDocument'] = doc;
  globals['activeWindow'] = win;
}
