// The command palette entries, and the same actions in the file and editor menus. Each command is
// one entry in a list, so a new one (a canvas export, a view) is one more entry: `scope` decides
// when it is offered — always, or for the component note the user is on.
import { MarkdownView, Notice, TFile, type Menu, type Plugin } from 'obsidian';
import { dependencyCanvasCommand } from './canvas-command';
import type { Host } from './host';
import { LINK_COMMANDS } from './link-command';
import { createMaturityNote } from './new-note';
import { DASHBOARD_VIEW } from './views/dashboard-view';
import { GRAPH_VIEW } from './views/graph-view';
import { openView } from './workspace';
import { fixCounts, nextStageOf, promoteNote } from './writes';

export interface CommandSpec {
  id: string;
  name: string;
  /** 'app': always offered; 'component': only for a component note (the active one, or the file a menu is for). */
  scope: 'app' | 'component';
  /** Extra condition for component commands (e.g. a next stage exists). */
  available?(host: Host, file: TFile): boolean;
  run(host: Host, file: TFile | null): unknown;
  /** Title in the file and editor menus; absent: palette only. */
  menuTitle?: string;
  menuIcon?: string;
}

export const COMMANDS: CommandSpec[] = [
  { id: 'open-dashboard', name: 'Open dashboard', scope: 'app', run: (host) => openView(host.app, DASHBOARD_VIEW, 'tab') },
  { id: 'open-graph', name: 'Open dependency graph', scope: 'app', run: (host) => openView(host.app, GRAPH_VIEW, 'right', { focus: '' }) },
  {
    id: 'show-component-graph',
    name: 'Show dependency graph for this component',
    scope: 'component',
    run: (host, file) => openView(host.app, GRAPH_VIEW, 'right', { focus: file?.path ?? '' }),
  },
  {
    id: 'promote-component',
    name: 'Promote this component to the next stage',
    scope: 'component',
    available: (host, file) => nextStageOf(host, file.path) !== null,
    run: (host, file) => file && promoteNote(host, file),
    menuTitle: 'Promote',
    menuIcon: 'arrow-up-circle',
  },
  {
    id: 'fix-status-counts',
    name: 'Fix status counts in this note',
    scope: 'component',
    run: (host, file) => file && fixCounts(host, file),
    menuTitle: 'Fix status lines',
    menuIcon: 'list-checks',
  },
  { id: 'new-maturity-note', name: 'New maturity note from template', scope: 'app', run: (host) => createMaturityNote(host) },
  {
    id: 'reindex',
    name: 'Re-index the vault',
    scope: 'app',
    run: (host) => host.indexer.rebuild().then(() => new Notice(`Maturity map: ${host.indexer.index.ids().length} components indexed.`)),
  },
  {
    id: 'drop-cache',
    name: 'Drop the cache and re-index the vault',
    scope: 'app',
    run: (host) => host.indexer.rebuild({ dropCache: true }).then(() => new Notice(`Maturity map: ${host.indexer.index.ids().length} components indexed.`)),
  },
  dependencyCanvasCommand,
  ...LINK_COMMANDS,
];

/** The active note, when the index knows it as a component. */
export function activeComponentFile(host: Host): TFile | null {
  const file = host.app.workspace.getActiveViewOfType(MarkdownView)?.file ?? host.app.workspace.getActiveFile();
  return file && host.indexer.index.component(file.path) ? file : null;
}

function offered(host: Host, spec: CommandSpec, file: TFile | null): file is TFile {
  return !!file && !!host.indexer.index.component(file.path) && (spec.available?.(host, file) ?? true);
}

/** Add the component commands that have a menu title to `menu`, for `file`. */
export function addMenuItems(host: Host, menu: Menu, file: TFile, specs: CommandSpec[] = COMMANDS): void {
  for (const spec of specs) {
    if (spec.scope !== 'component' || !spec.menuTitle || !offered(host, spec, file)) continue;
    menu.addItem((item) => item.setTitle(spec.menuTitle!).setIcon(spec.menuIcon ?? null).setSection('action').onClick(() => void spec.run(host, file)));
  }
}

export function registerCommands(plugin: Plugin, host: Host, specs: CommandSpec[] = COMMANDS): void {
  for (const spec of specs) {
    if (spec.scope === 'app') {
      plugin.addCommand({ id: spec.id, name: spec.name, callback: () => void spec.run(host, null) });
      continue;
    }
    plugin.addCommand({
      id: spec.id,
      name: spec.name,
      checkCallback: (checking) => {
        const file = activeComponentFile(host);
        if (!offered(host, spec, file)) return false;
        if (!checking) void spec.run(host, file);
        return true;
      },
    });
  }
  plugin.registerEvent(plugin.app.workspace.on('file-menu', (menu, file) => {
    if (file instanceof TFile) addMenuItems(host, menu, file, specs);
  }));
  plugin.registerEvent(plugin.app.workspace.on('editor-menu', (menu, _editor, info) => {
    if (info.file) addMenuItems(host, menu, info.file, specs);
  }));
}
