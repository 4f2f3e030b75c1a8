// The status bar: indexing progress while the vault is read, then the active note's stage and
// criteria progress (nothing for a note that is no component). Obsidian shows no status bar on
// phones; the item is harmless there.
import type { Plugin } from 'obsidian';
import { stageName } from '../core/index';
import type { Host } from './host';

export function registerStatusBar(plugin: Plugin, host: Host): void {
  const el = plugin.addStatusBarItem();
  el.addClass('maturity-map-status-bar');
  const update = () => {
    const { progress, index } = host.indexer;
    if (progress.phase === 'building') {
      el.setText(`Maturity map: indexing ${progress.done.toLocaleString()}/${progress.total.toLocaleString()}`);
      return;
    }
    const file = host.app.workspace.getActiveFile();
    const component = file ? index.component(file.path) : undefined;
    if (!component) {
      el.setText(progress.unreadable.length > 0 ? `Maturity map: ${progress.unreadable.length} note${progress.unreadable.length === 1 ? '' : 's'} not read` : '');
      return;
    }
    const stage = component.note.stage?.id ?? null;
    const next = component.note.transitions.find((t) => t.from === stage);
    const counts = next && next.total > 0 ? ` · ${next.met}/${next.total}` : '';
    el.setText(`${stageName(index.pipeline, stage)}${counts}`);
    el.setAttribute('aria-label', `${component.name}: ${stageName(index.pipeline, stage)}${next ? `, ${next.met} of ${next.total} criteria for the next stage met` : ''}`);
  };
  plugin.registerEvent(plugin.app.workspace.on('active-leaf-change', update));
  plugin.registerEvent(plugin.app.workspace.on('file-open', update));
  plugin.registerEvent(host.indexer.onProgress(update));
  plugin.registerEvent(host.indexer.onChange(update));
  update();
}
