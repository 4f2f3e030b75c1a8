// Modal, Notice, Setting (with its text, toggle, button, colour-picker and extra-button parts),
// PluginSettingTab and setIcon: the widgets the plugin uses, built from plain DOM.
import type { App } from './plugin';

export const notices: string[] = [];
export const openModals = new Set<Modal>();

export class Notice {
  noticeEl: HTMLElement;
  constructor(message: string | DocumentFragment) {
    const text = typeof message === 'string' ? message : (message.textContent ?? '');
    notices.push(text);
    this.noticeEl = createDiv({ cls: 'notice', text });
  }
  setMessage(message: string): this {
    this.noticeEl.setText(message);
    return this;
  }
  hide(): void {}
}

export class Modal {
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  constructor(readonly app: App) {
    this.containerEl = createDiv({ cls: 'modal-container' });
    this.modalEl = this.containerEl.createDiv({ cls: 'modal' });
    this.titleEl = this.modalEl.createDiv({ cls: 'modal-title' });
    this.contentEl = this.modalEl.createDiv({ cls: 'modal-content' });
  }
  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }
  setContent(content: string | DocumentFragment): this {
    this.contentEl.setText(content);
    return this;
  }
  open(): void {
    document.body.appendChild(this.containerEl);
    openModals.add(this);
    this.onOpen();
  }
  close(): void {
    if (!openModals.delete(this)) return;
    this.containerEl.remove();
    this.onClose();
  }
  onOpen(): void {}
  onClose(): void {}
}

/** Obsidian's AbstractTextComponent: `onChange` follows the element's `input` events. */
class AbstractTextComponent<E extends HTMLInputElement | HTMLTextAreaElement> {
  private handler: ((v: string) => unknown) | null = null;
  constructor(readonly inputEl: E) {
    this.inputEl.addEventListener('input', () => this.handler?.(this.inputEl.value));
  }
  setValue(v: string): this {
    this.inputEl.value = v;
    return this;
  }
  getValue(): string {
    return this.inputEl.value;
  }
  setPlaceholder(v: string): this {
    this.inputEl.placeholder = v;
    return this;
  }
  onChange(cb: (v: string) => unknown): this {
    this.handler = cb;
    return this;
  }
}

class TextComponent extends AbstractTextComponent<HTMLInputElement> {
  constructor(parent: HTMLElement) {
    super(parent.createEl('input', { type: 'text' }) as HTMLInputElement);
  }
}

class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
  constructor(parent: HTMLElement) {
    super(parent.createEl('textarea') as HTMLTextAreaElement);
  }
}

class ToggleComponent {
  toggleEl: HTMLInputElement;
  private handler: ((v: boolean) => unknown) | null = null;
  constructor(parent: HTMLElement) {
    this.toggleEl = parent.createEl('input', { type: 'checkbox', cls: 'checkbox-container' }) as HTMLInputElement;
    this.toggleEl.addEventListener('change', () => this.handler?.(this.toggleEl.checked));
  }
  setValue(v: boolean): this {
    this.toggleEl.checked = v;
    return this;
  }
  getValue(): boolean {
    return this.toggleEl.checked;
  }
  onChange(cb: (v: boolean) => unknown): this {
    this.handler = cb;
    return this;
  }
}

class ButtonComponent {
  buttonEl: HTMLButtonElement;
  constructor(parent: HTMLElement) {
    this.buttonEl = parent.createEl('button') as HTMLButtonElement;
  }
  setButtonText(t: string): this {
    this.buttonEl.setText(t);
    return this;
  }
  setCta(): this {
    this.buttonEl.addClass('mod-cta');
    return this;
  }
  setWarning(): this {
    this.buttonEl.addClass('mod-warning');
    return this;
  }
  setDisabled(d: boolean): this {
    this.buttonEl.disabled = d;
    return this;
  }
  setIcon(icon: string): this {
    setIcon(this.buttonEl, icon);
    return this;
  }
  setTooltip(t: string): this {
    this.buttonEl.setAttribute('aria-label', t);
    return this;
  }
  onClick(cb: (evt: MouseEvent) => unknown): this {
    this.buttonEl.addEventListener('click', cb as EventListener);
    return this;
  }
}

class ColorComponent {
  colorPickerEl: HTMLInputElement;
  private handler: ((v: string) => unknown) | null = null;
  constructor(parent: HTMLElement) {
    this.colorPickerEl = parent.createEl('input', { type: 'color' }) as HTMLInputElement;
    this.colorPickerEl.addEventListener('input', () => this.handler?.(this.colorPickerEl.value));
  }
  setValue(v: string): this {
    this.colorPickerEl.value = v;
    return this;
  }
  getValue(): string {
    return this.colorPickerEl.value;
  }
  onChange(cb: (v: string) => unknown): this {
    this.handler = cb;
    return this;
  }
}

export class Setting {
  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv({ cls: 'setting-item' });
    this.infoEl = this.settingEl.createDiv({ cls: 'setting-item-info' });
    this.nameEl = this.infoEl.createDiv({ cls: 'setting-item-name' });
    this.descEl = this.infoEl.createDiv({ cls: 'setting-item-description' });
    this.controlEl = this.settingEl.createDiv({ cls: 'setting-item-control' });
  }
  setName(name: string): this {
    this.nameEl.setText(name);
    return this;
  }
  setDesc(desc: string): this {
    this.descEl.setText(desc);
    return this;
  }
  setHeading(): this {
    this.settingEl.addClass('setting-item-heading');
    return this;
  }
  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }
  addText(cb: (c: TextComponent) => unknown): this {
    cb(new TextComponent(this.controlEl));
    return this;
  }
  addTextArea(cb: (c: TextAreaComponent) => unknown): this {
    cb(new TextAreaComponent(this.controlEl));
    return this;
  }
  addToggle(cb: (c: ToggleComponent) => unknown): this {
    cb(new ToggleComponent(this.controlEl));
    return this;
  }
  addButton(cb: (c: ButtonComponent) => unknown): this {
    cb(new ButtonComponent(this.controlEl));
    return this;
  }
  addExtraButton(cb: (c: ButtonComponent) => unknown): this {
    cb(new ButtonComponent(this.controlEl));
    return this;
  }
  addColorPicker(cb: (c: ColorComponent) => unknown): this {
    cb(new ColorComponent(this.controlEl));
    return this;
  }
}

export abstract class PluginSettingTab {
  containerEl: HTMLElement;
  constructor(
    readonly app: App,
    readonly plugin: unknown,
  ) {
    this.containerEl = createDiv({ cls: 'vertical-tab-content' });
  }
  abstract display(): void;
  hide(): void {
    this.containerEl.empty();
  }
}

export function setIcon(parent: HTMLElement, icon: string): void {
  parent.empty();
  parent.createSvg('svg', { cls: ['svg-icon', `lucide-${icon}`], attr: { 'data-icon': icon } });
}

/** A context menu: items are recorded; the harness clicks them by title. */
export class MenuItem {
  title = '';
  icon = '';
  section = '';
  callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
  setTitle(title: string | DocumentFragment): this {
    this.title = typeof title === 'string' ? title : (title.textContent ?? '');
    return this;
  }
  setIcon(icon: string | null): this {
    this.icon = icon ?? '';
    return this;
  }
  setSection(section: string): this {
    this.section = section;
    return this;
  }
  setChecked(): this {
    return this;
  }
  setDisabled(): this {
    return this;
  }
  onClick(cb: (evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.callback = cb;
    return this;
  }
}

export const shownMenus: Menu[] = [];

export class Menu {
  items: MenuItem[] = [];
  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem();
    cb(item);
    this.items.push(item);
    return this;
  }
  addSeparator(): this {
    return this;
  }
  showAtMouseEvent(evt: MouseEvent): this {
    void evt;
    shownMenus.push(this);
    return this;
  }
  showAtPosition(): this {
    shownMenus.push(this);
    return this;
  }
  hide(): this {
    return this;
  }
  titles(): string[] {
    return this.items.map((i) => i.title);
  }
  /** Harness: click the item with this title. */
  click(title: string): void {
    const item = this.items.find((i) => i.title === title);
    if (!item) throw new Error(`no menu item "${title}" in ${JSON.stringify(this.titles())}`);
    item.callback?.(new MouseEvent('click'));
  }
}
