// Maturity Map for Obsidian: wires the core index and the shared views into the app. Everything is
// registered through the Plugin/Component API, so unloading removes every listener, view and timer.
import type { Extension } from '@codemirror/state';
import { debounce, MarkdownView, Plugin, type Component } from 'obsidian';
import { createApi, type MaturityMapApi } from './api';
import { cardBlock, queryBlock } from './code-blocks';
import { registerCommands } from './commands';
import { headerPostProcessor } from './header';
import type { Host } from './host';
import { headerExtension } from './live-preview';
import { viewContext, type ViewContext } from './render-kit';
import { indexOptions, parseSettings, type PluginSettings } from './settings';
import { MaturitySettingTab, type SettingsOwner } from './settings-tab';
import { VaultIndexer } from './vault-indexer';
import { DASHBOARD_VIEW, DashboardView } from './views/dashboard-view';
import { GRAPH_VIEW, GraphView } from './views/graph-view';
import { openNote, openView } from './workspace';

const HOVER_SOURCE = 'maturity-map';

export default class MaturityMapPlugin extends Plugin implements Host, SettingsOwner {
  settings!: PluginSettings;
  indexer!: VaultIndexer;
  /** The public API: `app.plugins.plugins['maturity-map'].api`. */
  api!: MaturityMapApi;
  /** Registered once; emptied or filled when the header setting changes. */
  private readonly editorExtensions: Extension[] = [];
  private readonly adopted = new Set<Component>();
  private readonly reindexSoon = debounce(() => void this.indexer.reconfigure(indexOptions(this.settings)), 600, true);

  override async onload(): Promise<void> {
    this.settings = parseSettings(await this.loadData());
    this.indexer = this.addChild(new VaultIndexer(this.app, indexOptions(this.settings)));
    this.api = createApi(this.indexer);

    this.registerHoverLinkSource(HOVER_SOURCE, { display: 'Maturity Map', defaultMod: true });
    this.registerView(DASHBOARD_VIEW, (leaf) => new DashboardView(leaf, this));
    this.registerView(GRAPH_VIEW, (leaf) => new GraphView(leaf, this));
    this.registerMarkdownPostProcessor(headerPostProcessor(this));
    this.registerMarkdownCodeBlockProcessor('maturity', cardBlock(this));
    this.registerMarkdownCodeBlockProcessor('maturity-query', queryBlock(this));
    this.registerEditorExtension(this.editorExtensions);
    this.applyEditorExtensions();
    this.addRibbonIcon('layout-dashboard', 'Open maturity dashboard', () => void openView(this.app, DASHBOARD_VIEW, 'tab'));
    registerCommands(this, this);
    this.addSettingTab(new MaturitySettingTab(this.app, this, this));
    this.register(() => this.reindexSoon.cancel());
    this.register(() => {
      for (const child of [...this.adopted]) child.unload();
    });
    // Indexing waits for the layout: start-up stays fast and the vault's load-time events are skipped.
    this.app.workspace.onLayoutReady(() => this.indexer.start());
  }

  viewContext(sourcePath: string): ViewContext {
    return viewContext(
      this.indexer.index,
      (id, event, line) => openNote(this.app, id, sourcePath, event, line),
      // Page preview (the core plugin) shows the note on hover, with Ctrl/⌘ as for other sources.
      (id, event, target) => this.app.workspace.trigger('hover-link', { event, source: HOVER_SOURCE, hoverParent: { hoverPopover: null }, targetEl: target, linktext: id, sourcePath }),
    );
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
      // Reading views run post processors only when they render: render open ones again.
      for (const leaf of this.app.workspace.getLeavesOfType('markdown')) if (leaf.view instanceof MarkdownView) leaf.view.previewMode.rerender(true);
    }
    if (reindex) this.reindexSoon();
    else this.indexer.events.trigger('change', { revision: this.indexer.index.revision(), changed: [...this.indexer.index.ids()], removed: [], reason: 'build' });
  }

  private applyEditorExtensions(): void {
    this.editorExtensions.length = 0;
    if (this.settings.autoHeader) this.editorExtensions.push(headerExtension(this));
    this.app.workspace.updateOptions();
  }
}
