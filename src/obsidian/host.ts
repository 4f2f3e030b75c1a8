// What the plugin's parts need from the plugin, as an interface, so they do not import main.ts.
import type { App } from 'obsidian';
import type { PluginSettings } from './settings';
import type { ViewContext } from './render-kit';
import type { VaultIndexer } from './vault-indexer';

export interface Host {
  readonly app: App;
  readonly indexer: VaultIndexer;
  readonly settings: PluginSettings;
  /** View callbacks that open notes relative to `sourcePath`. */
  viewContext(sourcePath: string): ViewContext;
}
