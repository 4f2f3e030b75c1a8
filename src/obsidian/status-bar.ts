// The status bar: indexing progress while the vault is read, then the active note's stage and
// criteria progress (nothing for a note that is no component). Obsidian shows no status bar on
// phones; the item is harmless there.
import type { Plugin } from 'obsidian';
import { stageName } from '../core/index';
import { count } from '../render/dom';
import type { Host } from './host';

export function registerStatusBar(plugin: Plugin, host: Host): void {
  const el = plugin.addStatusBarItem();
  el.addClass('maturity-map-status-bar');
  const update = () => {
    const { progress } = host.indexer;
    // Counts as the views show them: the first toLocaleString sets up the number formatting
    // (~20 ms in the bench harness), in the task of the build's first progress.
    if (progress.phase === 'building') {
      el.setText(`Maturity map: indexing ${count(progress.done)}/${count(progress.total)}`);
      return;
    }
    const file = host.app.workspace.getActiveFile();
    // The index is read only with a note open: at start-up none is, and the first build makes it.
    const index = file ? host.indexer.index : null;
    const component = file && index ? index.component(file.path) : undefined;
    if (!component || !index) {
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
