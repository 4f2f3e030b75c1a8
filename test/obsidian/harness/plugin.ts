// App, Plugin and MarkdownRenderChild. Everything a plugin registers (commands, views, processors,
// editor extensions, ribbon icons, setting tabs) is recorded in the app and removed again when the
// plugin unloads, as Obsidian does.
import type { Extension } from '@codemirror/state';
import { Component } from './events';
import { registry, type CodeBlockHandler, type PostProcessor } from './markdown';
import { Notice, type PluginSettingTab } from './ui';
import { FileManager, MetadataCache, Vault } from './vault';
import { editorExtensions, viewRegistry, Workspace, type ViewCreator } from './workspace';

/** A file read's answer: a new task (an immediate under Node, a zero timer in a browser page). */
export function fileReadTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

export interface Command {
  id: string;
  name: string;
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
  editorCallback?: unknown;
}

export interface PluginManifest {
  id: string;
  name: string;
  version: string;
  minAppVersion: string;
  isDesktopOnly?: boolean;
}

export class App {
  vault: Vault;
  metadataCache: MetadataCache;
  workspace: Workspace;
  fileManager: FileManager;
  plugins = { plugins: {} as Record<string, Plugin> };
  commands = {
    commands: {} as Record<string, Command>,
    executeCommandById: (id: string): boolean => {
      const command = this.commands.commands[id];
      if (!command) return false;
      if (command.checkCallback) {
        if (!command.checkCallback(true)) return false;
        command.checkCallback(false);
        return true;
      }
      if (command.callback) {
        command.callback();
        return true;
      }
      return false;
    },
  };
  setting = { tabs: [] as PluginSettingTab[] };
  ribbonEl: HTMLElement;
  statusBarEl: HTMLElement;
  /** Sources registered with the Page preview core plugin. */
  hoverLinkSources: Record<string, { display: string; defaultMod: boolean }> = {};
  /** Harness: each plugin's data.json. */
  pluginData: Record<string, unknown> = {};

  constructor() {
    this.vault = new Vault();
    this.metadataCache = new MetadataCache(this.vault);
    this.vault.metadataCache = this.metadataCache;
    this.fileManager = new FileManager(this.vault);
    this.ribbonEl = document.body.createDiv({ cls: 'side-dock-ribbon' });
    this.statusBarEl = document.body.createDiv({ cls: 'status-bar' });
    this.workspace = new Workspace(this);
  }
}

export class Plugin extends Component {
  constructor(
    readonly app: App,
    readonly manifest: PluginManifest,
  ) {
    super();
  }

  addCommand(command: Command): Command {
    const full = { ...command, id: `${this.manifest.id}:${command.id}`, name: `${this.manifest.name}: ${command.name}` };
    this.app.commands.commands[full.id] = full;
    this.register(() => delete this.app.commands.commands[full.id]);
    return full;
  }

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.app.ribbonEl.createDiv({ cls: 'side-dock-ribbon-action clickable-icon', attr: { 'aria-label': title, 'data-icon': icon } });
    el.addEventListener('click', callback as EventListener);
    this.register(() => el.remove());
    return el;
  }

  /** An item in the status bar (desktop); removed on unload. */
  addStatusBarItem(): HTMLElement {
    const el = this.app.statusBarEl.createDiv({ cls: 'status-bar-item plugin-' + this.manifest.id });
    this.register(() => el.remove());
    return el;
  }

  addSettingTab(tab: PluginSettingTab): void {
    this.app.setting.tabs.push(tab);
    this.register(() => (this.app.setting.tabs = this.app.setting.tabs.filter((t) => t !== tab)));
  }

  registerView(type: string, creator: ViewCreator): void {
    viewRegistry.set(type, creator);
    this.register(() => {
      viewRegistry.delete(type);
      // The leaves stay where they are (restored when the plugin loads again); their views close.
      for (const leaf of this.app.workspace.getLeavesOfType(type)) void leaf.setViewState({ type: 'empty' });
    });
  }

  registerMarkdownPostProcessor(processor: PostProcessor, sortOrder?: number): PostProcessor {
    if (sortOrder !== undefined) processor.sortOrder = sortOrder;
    registry.postProcessors.push(processor);
    this.register(() => (registry.postProcessors = registry.postProcessors.filter((p) => p !== processor)));
    return processor;
  }

  registerMarkdownCodeBlockProcessor(language: string, handler: CodeBlockHandler): void {
    if (registry.codeBlocks.has(language)) throw new Error(`Code block processor for "${language}" already registered`);
    registry.codeBlocks.set(language, handler);
    this.register(() => registry.codeBlocks.delete(language));
  }

  registerEditorExtension(extension: Extension): void {
    // The array itself is kept, so a plugin can change it and call workspace.updateOptions().
    const holder = Array.isArray(extension) ? (extension as Extension[]) : [extension];
    editorExtensions.push(holder);
    this.app.workspace.updateOptions();
    this.register(() => {
      editorExtensions.splice(editorExtensions.indexOf(holder), 1);
      this.app.workspace.updateOptions();
    });
  }

  registerHoverLinkSource(id: string, info: { display: string; defaultMod: boolean }): void {
    this.app.hoverLinkSources[id] = info;
    this.register(() => delete this.app.hoverLinkSources[id]);
  }

  async loadData(): Promise<unknown> {
    // Obsidian reads data.json through the vault adapter (`fs.promises` on desktop, the Capacitor
    // bridge on a phone): the answer arrives in a later task, never in the one that asked.
    await fileReadTurn();
    const data = this.app.pluginData[this.manifest.id];
    return data === undefined ? null : structuredClone(data);
  }

  async saveData(data: unknown): Promise<void> {
    this.app.pluginData[this.manifest.id] = JSON.parse(JSON.stringify(data)) as unknown;
  }
}

export class MarkdownRenderChild extends Component {
  constructor(readonly containerEl: HTMLElement) {
    super();
  }
}

export function normalizePath(path: string): string {
  let p = path.replace(/[\\/]+/g, '/').replace(/\u00a0|\u202f/g, ' ');
  p = p.replace(/^\/+|\/+$/g, '');
  return p === '' ? '/' : p.normalize('NFC');
}

export function debounce<T extends unknown[]>(cb: (...args: T) => unknown, timeout = 0, resetTimer = false) {
  let timer: number | null = null;
  let lastArgs: T | null = null;
  const run = () => {
    timer = null;
    if (lastArgs) cb(...lastArgs);
  };
  const debounced = (...args: T) => {
    lastArgs = args;
    if (timer !== null && resetTimer) {
      window.clearTimeout(timer);
      timer = null;
    }
    if (timer === null) timer = window.setTimeout(run, timeout);
    return debounced;
  };
  debounced.cancel = () => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    return debounced;
  };
  debounced.run = () => {
    if (timer !== null) {
      window.clearTimeout(timer);
      run();
    }
  };
  return debounced;
}

export { Notice };
