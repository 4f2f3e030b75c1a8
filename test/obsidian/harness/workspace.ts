// Workspace, WorkspaceLeaf, View, ItemView and MarkdownView. Leaves live in the root split (tabs)
// or the right sidebar; in each split only the active leaf is displayed, so a background tab is
// not shown (isShown() is false) exactly as in the app. MarkdownView renders reading view with the
// registered processors, or live preview as a real CodeMirror 6 editor with the registered
// editor extensions.
import { Compartment, EditorState, StateField, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { ViewStateResult } from 'obsidian';
import { Component, Events } from './events';
import { Editor } from './editor';
import { asHost, asPlugin } from './host-work';
import { ReadingRenderer } from './markdown';
import type { TFile, Vault } from './vault';
import type { App } from './plugin';
import { notifyVisibility } from './observers';

export interface MarkdownFileInfoLike {
  app: App;
  file: TFile | null;
}

/** The StateFields Obsidian exports for editor extensions. */
export const editorInfoField = StateField.define<MarkdownFileInfoLike | null>({ create: () => null, update: (v) => v });
export const editorLivePreviewField = StateField.define<boolean>({ create: () => false, update: (v) => v });

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

/** What plugins registered: view creators by type, editor extensions. */
export const viewRegistry = new Map<string, ViewCreator>();
export const editorExtensions: Extension[][] = [];

export abstract class View extends Component {
  app: App;
  icon = '';
  /** As documented: false for static views (file explorer, dashboards), true for views that show a file. */
  navigation = false;
  containerEl: HTMLElement;
  constructor(readonly leaf: WorkspaceLeaf) {
    super();
    this.app = leaf.app;
    this.containerEl = createDiv({ cls: 'workspace-leaf-content' });
  }
  abstract getViewType(): string;
  abstract getDisplayText(): string;
  getIcon(): string {
    return this.icon;
  }
  getState(): Record<string, unknown> {
    return {};
  }
  async setState(state: unknown, result: ViewStateResult): Promise<void> {
    void state;
    void result;
  }
  async onOpen(): Promise<void> {}
  async onClose(): Promise<void> {}
  onResize(): void {}
  async open(parent: HTMLElement): Promise<void> {
    parent.appendChild(this.containerEl);
    this.load();
    await this.onOpen();
  }
  async close(): Promise<void> {
    await this.onClose();
    this.unload();
    this.containerEl.remove();
  }
}

export abstract class ItemView extends View {
  contentEl: HTMLElement;
  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.containerEl.createDiv({ cls: 'view-header' });
    this.contentEl = this.containerEl.createDiv({ cls: 'view-content' });
  }
  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.containerEl.firstElementChild!.createEl('a', { cls: 'view-action', attr: { 'aria-label': title, 'data-icon': icon } });
    el.addEventListener('click', callback as EventListener);
    return el;
  }
}

class EmptyView extends ItemView {
  override navigation = true;
  getViewType(): string {
    return 'empty';
  }
  getDisplayText(): string {
    return 'New tab';
  }
}

/**
 * Obsidian's Canvas core plugin: a `.canvas` file opens in a 'canvas' view, which parses the file
 * as JSON Canvas; a file it cannot parse leaves the view empty with an error.
 */
export class CanvasView extends ItemView {
  file: TFile | null = null;
  /** Harness: the parsed canvas, or null. */
  data: { nodes?: unknown[]; edges?: unknown[] } | null = null;
  /** Harness: why the file could not be read as a canvas. */
  error: string | null = null;
  getViewType(): string {
    return 'canvas';
  }
  getDisplayText(): string {
    return this.file?.basename ?? '';
  }
  override getState(): Record<string, unknown> {
    return { file: this.file?.path };
  }
  override async setState(state: unknown): Promise<void> {
    const path = (state as { file?: string } | null)?.file;
    this.file = path ? this.app.vault.getFileByPath(path) : null;
    this.data = null;
    this.error = null;
    if (!this.file) return;
    try {
      const parsed: unknown = JSON.parse(await this.app.vault.read(this.file));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a canvas object');
      this.data = parsed as { nodes?: unknown[]; edges?: unknown[] };
    } catch (err) {
      this.error = (err as Error).message;
    }
  }
}

export class MarkdownView extends ItemView {
  override navigation = true;
  file: TFile | null = null;
  private mode: 'preview' | 'source' = 'preview';
  /** In 'source' mode: live preview (default) or plain source (`state.source: true`). */
  private livePreview = true;
  private reader: ReadingRenderer | null = null;
  /** Obsidian's Editor (source mode); `editor.cm` is the CodeMirror view. */
  editor: Editor | null = null;
  /** Typed text not yet saved to the file (the app saves about two seconds after the last key). */
  dirty = false;
  private saveTimer: number | null = null;
  private extensions = new Compartment();
  getViewType(): string {
    return 'markdown';
  }
  getDisplayText(): string {
    return this.file?.basename ?? '';
  }
  getMode(): 'preview' | 'source' {
    return this.mode;
  }
  override getState(): Record<string, unknown> {
    return { file: this.file?.path, mode: this.mode, source: !this.livePreview };
  }
  override onload(): void {
    this.registerEvent(this.app.vault.on('modify', (changed) => void this.onModify(changed as TFile)) as never);
  }
  override async setState(state: unknown): Promise<void> {
    const s = (state ?? {}) as { file?: string; mode?: 'preview' | 'source'; source?: boolean };
    const file = s.file ? this.app.vault.getFileByPath(s.file) : null;
    await this.save();
    this.file = file;
    this.mode = s.mode ?? this.mode;
    this.livePreview = s.source !== true;
    this.teardown();
    if (!file) return;
    const text = await this.app.vault.read(file);
    if (this.mode === 'preview') {
      const sizer = this.contentEl.createDiv({ cls: 'markdown-reading-view' }).createDiv({ cls: 'markdown-preview-view markdown-rendered' }).createDiv({ cls: 'markdown-preview-sizer markdown-preview-section' });
      this.reader = this.addChild(new ReadingRenderer(sizer, () => this.file?.path ?? ''));
      this.reader.set(text);
    } else {
      const host = this.contentEl.createDiv({ cls: `markdown-source-view mod-cm6${this.livePreview ? ' is-live-preview' : ''}` });
      // The editor's info field is the view itself: its `file` is the TFile the app renames in place.
      const cm = new EditorView({
        parent: host,
        state: EditorState.create({
          doc: text,
          extensions: [editorInfoField.init(() => this), editorLivePreviewField.init(() => this.livePreview), this.extensions.of(editorExtensions.map((e) => [...e]))],
        }),
      });
      this.editor = new Editor(cm);
      this.editor.onEdit = () => this.typed();
    }
  }
  /** An edit in the editor: the file is saved a little later, as the app does. */
  private typed(): void {
    this.dirty = true;
    if (this.saveTimer !== null) window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => void this.save(), 2000);
  }
  /** Write unsaved editor text to the file. */
  async save(): Promise<void> {
    if (this.saveTimer !== null) window.clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.dirty || !this.editor || !this.file) return;
    this.dirty = false;
    await this.app.vault.modify(this.file, this.editor.getValue());
  }
  /** The app shows external edits: reading view re-renders changed sections, the editor takes the new text. */
  private async onModify(file: TFile): Promise<void> {
    if (file !== this.file) return;
    const text = await this.app.vault.read(file);
    if (this.reader) this.reader.set(text);
    if (this.editor && this.editor.getValue() !== text) {
      this.dirty = false;
      this.editor.replaceFromDisk(text);
    }
  }
  /** The reading view's renderer handle: `rerender(full)` renders every section again. */
  previewMode = {
    rerender: (full = false) => {
      if (!this.reader || !this.file) return;
      const text = this.reader.currentText();
      if (full) this.reader.clear();
      this.reader.set(text);
    },
  };
  reconfigure(): void {
    this.editor?.cm.dispatch({ effects: this.extensions.reconfigure(editorExtensions.map((e) => [...e])) });
  }
  /** Harness: the rendered reading view. */
  get previewEl(): HTMLElement | null {
    return this.contentEl.querySelector('.markdown-preview-sizer');
  }
  private teardown(): void {
    if (this.reader) this.removeChild(this.reader);
    this.reader = null;
    this.editor?.cm.destroy();
    this.editor = null;
    this.contentEl.empty();
  }
  override async onClose(): Promise<void> {
    await this.save();
    this.teardown();
  }
}

export class WorkspaceLeaf extends Events {
  view: View;
  containerEl: HTMLElement;
  constructor(
    readonly app: App,
    readonly split: 'root' | 'right',
    parent: HTMLElement,
  ) {
    super();
    this.containerEl = parent.createDiv({ cls: 'workspace-leaf' });
    this.view = new EmptyView(this);
    void this.view.open(this.containerEl);
  }
  getViewState(): { type: string; state: Record<string, unknown> } {
    return { type: this.view.getViewType(), state: this.view.getState() };
  }
  async setViewState(viewState: { type: string; state?: Record<string, unknown>; active?: boolean }): Promise<void> {
    if (this.view.getViewType() !== viewState.type) {
      await this.view.close();
      const creator = viewState.type === 'markdown' ? (leaf: WorkspaceLeaf) => new MarkdownView(leaf) : viewState.type === 'canvas' ? (leaf: WorkspaceLeaf) => new CanvasView(leaf) : viewRegistry.get(viewState.type);
      this.view = creator ? creator(this) : new EmptyView(this);
      await this.view.open(this.containerEl);
    }
    await this.view.setState(viewState.state ?? {}, { history: false });
    if (viewState.active) this.app.workspace.setActiveLeaf(this);
    this.app.workspace.trigger('layout-change');
  }
  async openFile(file: TFile, openState?: { state?: { mode?: 'preview' | 'source'; source?: boolean } }): Promise<void> {
    // The app picks the view by extension: a canvas opens in the Canvas view.
    if (file.extension === 'canvas') return this.setViewState({ type: 'canvas', state: { file: file.path }, active: true });
    await this.setViewState({ type: 'markdown', state: { file: file.path, mode: openState?.state?.mode ?? this.app.workspace.defaultMode, source: openState?.state?.source ?? false }, active: true });
  }
  detach(): void {
    void this.view.close();
    this.containerEl.remove();
    this.app.workspace.removeLeaf(this);
  }
}

export class Workspace extends Events {
  containerEl: HTMLElement;
  rootSplit: HTMLElement;
  rightSplit: HTMLElement;
  leaves: WorkspaceLeaf[] = [];
  activeLeaf: WorkspaceLeaf | null = null;
  layoutReady = false;
  /** Harness: the mode notes open in ('preview' = reading view, 'source' = live preview). */
  defaultMode: 'preview' | 'source' = 'preview';
  private readyCallbacks: Array<() => unknown> = [];
  saveRequests = 0;
  /** Harness: the last openLinkText call. */
  lastOpened: { linktext: string; sourcePath: string; newLeaf: boolean | 'tab' | 'split' | 'window'; line: number | null } | null = null;

  constructor(readonly app: App) {
    super();
    this.containerEl = document.body.createDiv({ cls: 'workspace' });
    this.rootSplit = this.containerEl.createDiv({ cls: 'workspace-split mod-root' });
    this.rightSplit = this.containerEl.createDiv({ cls: 'workspace-split mod-right-split' });
  }

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) void callback();
    else this.readyCallbacks.push(callback);
  }
  /** Harness: the app finished loading its layout. */
  finishLayout(): void {
    asHost(() => {
      this.layoutReady = true;
      for (const cb of this.readyCallbacks.splice(0)) void asPlugin(cb);
      this.trigger('layout-ready');
    });
  }

  /** A new leaf, shown: the app's own work (its DOM), not the plugin's. */
  private newLeaf(split: 'root' | 'right'): WorkspaceLeaf {
    return asHost(() => {
      const leaf = new WorkspaceLeaf(this.app, split, split === 'root' ? this.rootSplit : this.rightSplit);
      this.leaves.push(leaf);
      this.show(leaf);
      return leaf;
    });
  }
  /**
   * As documented: without `newLeaf`, an existing leaf that can be navigated (the active one, else
   * the most recent in the main area); a static view (navigation false) is never replaced.
   */
  getLeaf(newLeaf?: boolean | 'tab' | 'split' | 'window'): WorkspaceLeaf {
    if (!newLeaf) {
      const navigable = (l: WorkspaceLeaf | null | undefined): l is WorkspaceLeaf => !!l && l.split === 'root' && l.view.navigation && this.leaves.includes(l);
      if (navigable(this.activeLeaf)) return this.activeLeaf;
      const recent = [...this.recentLeaves].reverse().find(navigable);
      if (recent) return recent;
    }
    return this.newLeaf('root');
  }
  /** Leaves in the order they were last active. */
  private recentLeaves: WorkspaceLeaf[] = [];
  getRightLeaf(split: boolean): WorkspaceLeaf {
    void split; // one right sidebar leaf per call either way
    return this.newLeaf('right');
  }
  getLeavesOfType(type: string): WorkspaceLeaf[] {
    return this.leaves.filter((l) => l.view.getViewType() === type);
  }
  iterateAllLeaves(cb: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of [...this.leaves]) cb(leaf);
  }
  detachLeavesOfType(type: string): void {
    for (const leaf of this.getLeavesOfType(type)) leaf.detach();
  }
  removeLeaf(leaf: WorkspaceLeaf): void {
    this.leaves = this.leaves.filter((l) => l !== leaf);
    this.recentLeaves = this.recentLeaves.filter((l) => l !== leaf);
    if (this.activeLeaf === leaf) this.activeLeaf = null;
  }
  /** Only one leaf per split is displayed: the one shown last (the app's own work). */
  private show(leaf: WorkspaceLeaf): void {
    asHost(() => {
      for (const other of this.leaves) if (other.split === leaf.split) other.containerEl.toggle(other === leaf);
    });
  }
  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    this.show(leaf);
    leaf.view.onResize();
    this.trigger('layout-change');
    notifyVisibility();
  }
  setActiveLeaf(leaf: WorkspaceLeaf): void {
    this.show(leaf);
    this.activeLeaf = leaf;
    this.recentLeaves = [...this.recentLeaves.filter((l) => l !== leaf), leaf];
    leaf.view.onResize();
    this.trigger('active-leaf-change', leaf);
    notifyVisibility();
  }
  getActiveViewOfType<T>(type: abstract new (...args: never[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? view : null;
  }
  getActiveFile(): TFile | null {
    const view = this.activeLeaf?.view;
    return view instanceof MarkdownView ? view.file : null;
  }
  async openLinkText(linktext: string, sourcePath: string, newLeaf?: boolean | 'tab' | 'split' | 'window', openViewState?: { eState?: { line?: number } }): Promise<void> {
    this.lastOpened = { linktext, sourcePath, newLeaf: newLeaf ?? false, line: openViewState?.eState?.line ?? null };
    const file = this.app.metadataCache.getFirstLinkpathDest(linktext, sourcePath);
    if (!file) throw new Error(`openLinkText: no file for "${linktext}"`);
    await this.getLeaf(newLeaf).openFile(file);
  }
  updateOptions(): void {
    for (const leaf of this.leaves) if (leaf.view instanceof MarkdownView) leaf.view.reconfigure();
  }
  requestSaveLayout(): void {
    this.saveRequests++;
  }
}

export type { Vault };
