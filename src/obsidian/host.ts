// What the plugin's parts need from the plugin, as an interface, so they do not import main.ts.
import type { App, Component, HoverParent } from 'obsidian';
import type { PluginSettings } from './settings';
import type { ViewContext } from './render-kit';
import type { VaultIndexer } from './vault-indexer';

export interface Host {
  readonly app: App;
  readonly indexer: VaultIndexer;
  readonly settings: PluginSettings;
  /** View callbacks that open notes relative to `sourcePath`; previews belong to `hoverParent` (one at a time). */
  viewContext(sourcePath: string, hoverParent: HoverParent): ViewContext;
  /**
   * Render children the plugin adds to the app's reading views outlive the plugin unless it
   * unloads them itself: adopted children are unloaded with the plugin.
   */
  adopt(child: Component): void;
}
