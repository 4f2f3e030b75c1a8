// Maturity Map for Obsidian: wires the core index and the shared views into the app. Everything is
// registered through the Plugin/Component API, so unloading removes every listener, view and timer.
// First: it reads the page's globals before any bundled library's top level runs (page-globals.ts).
import { ownPageGlobals, releasePageGlobals } from './page-globals';
import type { Extension } from '@codemirror/state';
import { debounce, Plugin, type Component, type HoverParent } from 'obsidian';
import { createApi, type MaturityMapApi } from './api';
import { cardBlock, queryBlock } from './code-blocks';
import { registerCommands } from './commands';
import { startLayoutWorker } from './graph-layout';
import type { Host } from './host';
import { hoverLink, HOVER_SOURCE } from './links';
import { headerExtension } from './live-preview';
import { yieldToUI } from './index/slices';
import { registerReadingHeaders } from './reading-header';
import { viewContext, type LayoutWorker, type ViewContext } from './render-kit';
import { indexOptions, parseSettings, type PluginSettings } from './settings';
import { MaturitySettingTab, type SettingsOwner } from './settings-tab';
import { registerStatusBar } from './status-bar';
import { VaultIndexer } from './vault-indexer';
import { DASHBOARD_VIEW, DashboardView } from './views/dashboard-view';
import { GRAPH_VIEW, GraphView } from './views/graph-view';
import { openNote, openView } from './workspace';

/** The page globals this bundle's libraries set as it was evaluated: put back when the plugin unloads. */
const PAGE_GLOBALS = ownPageGlobals();

/** How long typing in a settings field may pause before the index is rebuilt with it. */
const SETTINGS_PAUSE_MS = 1500;

export default class MaturityMapPlugin extends Plugin implements Host, SettingsOwner {
  settings!: PluginSettings;
  indexer!: VaultIndexer;
  /** The public API: `app.plugins.plugins['maturity-map'].api`. */
  api!: MaturityMapApi;
  /** Registered once; emptied or filled when the header setting changes. */
  private readonly editorExtensions: Extension[] = [];
  private readonly adopted = new Set<Component>();
  private readonly reindexSoon = debounce(() => void this.indexer.reconfigure(indexOptions(this.settings)), SETTINGS_PAUSE_MS, true);
  private syncReadingHeaders: () => void = () => {};
  /** Lays graphs out off the main thread: made for the first view, its worker started with the first graph drawn. */
  private layout: LayoutWorker | null = null;

  override async onload(): Promise<void> {
    this.settings = parseSettings(await this.loadData());
    this.indexer = this.addChild(new VaultIndexer(this.app, indexOptions(this.settings), this.manifest.version));
    this.api = createApi(this.indexer);
    this.register(() => this.layout?.close());
    this.register(() => releasePageGlobals(PAGE_GLOBALS));

    this.registerHoverLinkSource(HOVER_SOURCE, { display: 'Maturity Map', defaultMod: true });
    this.registerView(DASHBOARD_VIEW, (leaf) => new DashboardView(leaf, this));
    this.registerView(GRAPH_VIEW, (leaf) => new GraphView(leaf, this));
    this.syncReadingHeaders = registerReadingHeaders(this, this);
    this.registerMarkdownCodeBlockProcessor('maturity', cardBlock(this));
    this.registerMarkdownCodeBlockProcessor('maturity-query', queryBlock(this));
    this.registerEditorExtension(this.editorExtensions);
    this.applyEditorExtensions();
    this.addRibbonIcon('layout-dashboard', 'Open maturity dashboard', () => void openView(this.app, DASHBOARD_VIEW, 'tab'));
    registerCommands(this, this);
    registerStatusBar(this, this);
    this.addSettingTab(new MaturitySettingTab(this.app, this, this));
    this.register(() => this.reindexSoon.cancel());
    this.register(() => {
      for (const child of [...this.adopted]) child.unload();
    });
    // Indexing waits for the layout: start-up stays fast and the vault's load-time events are skipped.
    this.app.workspace.onLayoutReady(() => this.indexer.start());
  }

  viewContext(sourcePath: string, hoverParent: HoverParent): ViewContext {
    return viewContext(
      this.indexer.index,
      (id, event, line) => openNote(this.app, id, sourcePath, event, line),
      // Page preview (the core plugin) shows the note on hover, with Ctrl/⌘ as for other sources.
      (id, event, target) => hoverLink(this.app, hoverParent, id, event, target, sourcePath),
      { graphLayout: this.layoutWorker().layout, nextTask: yieldToUI },
    );
  }

  private layoutWorker(): LayoutWorker {
    this.layout ??= startLayoutWorker();
    return this.layout;
  }

  adopt(child: Component): void {
    this.adopted.add(child);
    child.register(() => this.adopted.delete(child));
  }

  async updateSettings(patch: Partial<PluginSettings>, reindex: boolean): Promise<void> {
    this.settings = { ...this.settings, ...patch };
    await this.saveData(this.settings);
    if ('autoHeader' in patch) {
      this.applyEditorExtensions();
      this.syncReadingHeaders();
    }
    if (reindex) this.reindexSoon();
    else this.indexer.events.trigger('change', { revision: this.indexer.index.revision(), changed: [...this.indexer.index.ids()], removed: [], reason: 'build' });
  }

  applyPendingSettings(): void {
    this.reindexSoon.run();
  }

  private applyEditorExtensions(): void {
    this.editorExtensions.length = 0;
    if (this.settings.autoHeader) this.editorExtensions.push(headerExtension(this));
    this.app.workspace.updateOptions();
  }
}
