// The command palette entries. Commands that act on "this component" only show while the active
// note is a component (checkCallback).
import { MarkdownView, Notice, type Plugin, type TFile } from 'obsidian';
import { dependencyCanvasCommand } from './canvas-command';
import type { Host } from './host';
import { createMaturityNote } from './new-note';
import { DASHBOARD_VIEW } from './views/dashboard-view';
import { GRAPH_VIEW } from './views/graph-view';
import { openView } from './workspace';
import { fixCounts, nextStageOf, promoteNote } from './writes';

/** The active note, when the index knows it as a component. */
export function activeComponentFile(host: Host): TFile | null {
  const file = host.app.workspace.getActiveViewOfType(MarkdownView)?.file ?? host.app.workspace.getActiveFile();
  return file && host.indexer.index.component(file.path) ? file : null;
}

export function registerCommands(plugin: Plugin, host: Host): void {
  plugin.addCommand({
    id: 'open-dashboard',
    name: 'Open dashboard',
    callback: () => void openView(host.app, DASHBOARD_VIEW, 'tab'),
  });
  plugin.addCommand({
    id: 'open-graph',
    name: 'Open dependency graph',
    callback: () => void openView(host.app, GRAPH_VIEW, 'right', { focus: '' }),
  });
  plugin.addCommand({
    id: 'show-component-graph',
    name: 'Show dependency graph for this component',
    checkCallback: (checking) => {
      const file = activeComponentFile(host);
      if (!file) return false;
      if (!checking) void openView(host.app, GRAPH_VIEW, 'right', { focus: file.path });
      return true;
    },
  });
  plugin.addCommand({
    id: 'promote-component',
    name: 'Promote this component to the next stage',
    checkCallback: (checking) => {
      const file = activeComponentFile(host);
      if (!file || !nextStageOf(host, file.path)) return false;
      if (!checking) void promoteNote(host, file);
      return true;
    },
  });
  plugin.addCommand({
    id: 'fix-status-counts',
    name: 'Fix status counts in this note',
    checkCallback: (checking) => {
      const file = activeComponentFile(host);
      if (!file) return false;
      if (!checking) void fixCounts(host, file);
      return true;
    },
  });
  plugin.addCommand({
    id: 'new-maturity-note',
    name: 'New maturity note from template',
    callback: () => void createMaturityNote(host),
  });
  plugin.addCommand(dependencyCanvasCommand(host));
  plugin.addCommand({
    id: 'reindex',
    name: 'Re-index the vault',
    callback: () => {
      void host.indexer.rebuild().then(() => new Notice(`Maturity map: ${host.indexer.index.ids().length} components indexed.`));
    },
  });
}
