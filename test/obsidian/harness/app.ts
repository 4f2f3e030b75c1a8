// The harness: an Obsidian-like app over a folder of notes, with the built main.js loaded into it
// as the app loads a community plugin (CommonJS, `require('obsidian')` resolved to ./obsidian.ts,
// CodeMirror to the real packages). Runs under happy-dom in vitest and in Chromium for screenshots.
import * as cmState from '@codemirror/state';
import * as cmView from '@codemirror/view';
import { installDomHelpers } from './dom';
import { allEvents, live } from './events';
import { registry } from './markdown';
import * as obsidian from './obsidian';
import { App, fileReadTurn, type Plugin, type PluginManifest } from './plugin';
import { dueSoon, installTimers, scheduled, tick } from './timers';
import { notices, openModals } from './ui';
import { pending } from './vault';
import { startPagePreview, openPopovers } from './hover';
import { setPlatform } from './keymap';
import { installTasks } from './tasks';
import { shownMenus } from './ui';
import { notifyVisibility, TrackedIntersectionObserver, TrackedResizeObserver } from './observers';
import { editorExtensions, MarkdownView, viewRegistry, type WorkspaceLeaf } from './workspace';

/** Modules Obsidian provides to plugins at run time; anything else must be bundled. */
const PROVIDED: Record<string, unknown> = { obsidian, '@codemirror/state': cmState, '@codemirror/view': cmView };

export type PluginClass = new (app: App, manifest: PluginManifest) => Plugin & { api?: unknown };

export function evaluatePlugin(code: string): PluginClass {
  const module: { exports: Record<string, unknown> } = { exports: {} };
  const require = (name: string) => {
    if (name in PROVIDED) return PROVIDED[name];
    throw new Error(`main.js requires "${name}", which Obsidian does not provide`);
  };
  // This is how the app loads a plugin's CommonJS bundle.
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  const exported = (module.exports['default'] ?? module.exports) as PluginClass;
  if (typeof exported !== 'function') throw new Error('main.js does not export a plugin class');
  return exported;
}

export interface HarnessOptions {
  files: Record<string, string>;
  mainJs: string;
  manifest: PluginManifest;
  data?: unknown;
  /** Load the plugin after the layout is ready (enabling it in a running app) instead of at start-up. */
  enableLater?: boolean;
  /**
   * The app's own metadata cache: 'warm' (the usual relaunch: nothing to parse) or 'cold' (a
   * first start or a rebuilt cache: every note is parsed again after start-up, in batches, each
   * firing 'changed' per file and 'resolved' per batch, while plugins are already building).
   */
  metadata?: 'warm' | 'cold';
  /** Run as the desktop app (default) or the phone app. */
  platform?: 'desktop' | 'mobile';
  /** Modification times of seeded files (default: one time for all), e.g. to relaunch after an edit. */
  mtimes?: Record<string, number>;
}

export interface Snapshot {
  listeners: number;
  domListeners: number;
  intervals: number;
  components: number;
  commands: number;
  views: number;
  postProcessors: number;
  codeBlocks: number;
  editorExtensions: number;
  ribbonIcons: number;
  settingTabs: number;
  timers: number;
  observers: number;
}

export function installEnvironment(win: Window & typeof globalThis = window): void {
  installDomHelpers(win);
  installTimers(win);
  (win as unknown as Record<string, unknown>)['IntersectionObserver'] = TrackedIntersectionObserver;
  (win as unknown as Record<string, unknown>)['ResizeObserver'] = TrackedResizeObserver;
}

export class Harness {
  app: App;
  plugin: (Plugin & { api?: unknown }) | null = null;
  readonly notices = notices;
  readonly popovers = openPopovers;
  readonly menus = shownMenus;

  constructor(private readonly options: HarnessOptions) {
    installEnvironment();
    setPlatform(options.platform ?? 'desktop');
    installTasks(window, options.platform ?? 'desktop');
    this.app = new App();
    startPagePreview(this.app);
    for (const [path, text] of Object.entries(options.files)) this.app.vault.seed(path, text, options.mtimes?.[path]);
    if (options.data !== undefined) this.app.pluginData[options.manifest.id] = options.data;
  }

  /** Start the app as it starts: plugins load, the vault announces every file, the layout gets ready. */
  async start(): Promise<this> {
    if (this.options.enableLater) {
      this.loadVault();
      this.app.workspace.finishLayout();
    }
    await this.loadPlugin();
    if (!this.options.enableLater) {
      this.loadVault();
      this.app.workspace.finishLayout();
    }
    await this.settle();
    // Work in a real browser's worker threads is invisible to settle(): wait for the plugin's own "ready".
    const api = this.plugin?.api as { ready?: () => Promise<void> } | undefined;
    if (typeof api?.ready === 'function') {
      await api.ready();
      await this.settle();
    }
    return this;
  }

  /** The vault loads: 'create' for everything; a cold metadata cache starts parsing every note. */
  loadVault(): void {
    this.app.vault.announceAll();
    if (this.options.metadata === 'cold') this.app.metadataCache.coldStart();
  }

  async loadPlugin(): Promise<void> {
    // The app reads main.js through the vault adapter before it evaluates it: the evaluation starts
    // a task of its own, never the one in which the app opened the vault.
    await fileReadTurn();
    const PluginCtor = evaluatePlugin(this.options.mainJs);
    const plugin = new PluginCtor(this.app, this.options.manifest);
    this.app.plugins.plugins[this.options.manifest.id] = plugin;
    this.plugin = plugin;
    // The app waits for an async onload before it counts the plugin as loaded.
    const onload = plugin.onload.bind(plugin);
    let done: Promise<unknown> = Promise.resolve();
    plugin.onload = () => {
      done = Promise.resolve(onload());
    };
    plugin.load();
    await done;
  }

  unloadPlugin(): void {
    this.plugin?.unload();
    delete this.app.plugins.plugins[this.options.manifest.id];
    this.plugin = null;
  }

  /** Let queued work finish: metadata indexing, chunked builds, animation frames. */
  async settle(rounds = 20_000): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      await Promise.all([...pending]);
      await tick();
      if (pending.size === 0 && dueSoon(50) === 0) {
        await tick();
        if (pending.size === 0 && dueSoon(50) === 0) return;
      }
    }
    throw new Error('harness did not settle');
  }

  file(path: string) {
    const file = this.app.vault.getFileByPath(path);
    if (!file) throw new Error(`no file ${path}`);
    return file;
  }

  /** Open a note: 'preview' is reading view, 'source' live preview, 'plain' source mode. */
  async open(path: string, mode: 'preview' | 'source' | 'plain' = 'preview', newLeaf: boolean | 'tab' | 'split' = 'tab'): Promise<WorkspaceLeaf> {
    const leaf = this.app.workspace.getLeaf(newLeaf);
    await leaf.openFile(this.file(path), { state: { mode: mode === 'plain' ? 'source' : mode, source: mode === 'plain' } });
    await this.settle();
    return leaf;
  }

  markdownView(leaf: WorkspaceLeaf): MarkdownView {
    if (!(leaf.view instanceof MarkdownView)) throw new Error('not a markdown leaf');
    return leaf.view;
  }

  async edit(path: string, change: (text: string) => string): Promise<void> {
    const file = this.file(path);
    await this.app.vault.modify(file, change(await this.app.vault.read(file)));
    await this.settle();
  }

  async command(id: string): Promise<boolean> {
    const ok = this.app.commands.executeCommandById(`${this.options.manifest.id}:${id}`);
    await this.settle();
    return ok;
  }

  modals(): HTMLElement[] {
    return [...openModals].map((m) => m.modalEl);
  }

  revealed(): void {
    notifyVisibility();
  }

  snapshot(): Snapshot {
    let listeners = 0;
    for (const events of allEvents) listeners += events.listenerCount();
    return {
      listeners,
      domListeners: live.domListeners,
      intervals: live.intervals,
      components: live.loadedComponents,
      commands: Object.keys(this.app.commands.commands).length,
      views: viewRegistry.size,
      postProcessors: registry.postProcessors.length,
      codeBlocks: registry.codeBlocks.size,
      editorExtensions: editorExtensions.length,
      ribbonIcons: this.app.ribbonEl.childElementCount,
      settingTabs: this.app.setting.tabs.length,
      timers: scheduled.size,
      observers: TrackedIntersectionObserver.active() + TrackedResizeObserver.active(),
    };
  }
}
