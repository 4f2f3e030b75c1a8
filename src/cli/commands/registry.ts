// Every CLI command, in the order `--help` lists them, with the line `--help` shows. New commands
// register here. A command's module, and what only it needs (the graph layout, the note editor,
// the diff and export code), is loaded when that command runs: the CLI is split into chunks, so
// `scan` starts without evaluating `graph`'s code.
import type { Command } from './types';

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'scan', summary: 'list components by stage with progress and diagnostics', load: async () => (await import('./scan')).scanCommand },
  { name: 'lint', summary: 'print diagnostics; exit 1 when any is an error (for CI)', load: async () => (await import('./lint')).lintCommand },
  { name: 'readiness', summary: 'check each note\'s evidence against its boxes; what stands before the next stage', load: async () => (await import('./readiness')).readinessCommand },
  { name: 'dashboard', summary: 'write a standalone HTML dashboard (board, graph, table, cards)', load: async () => (await import('./dashboard')).dashboardCommand },
  { name: 'graph', summary: 'print the dependency graph as Mermaid, DOT, JSON or a JSON Canvas', load: async () => (await import('./graph')).graphCommand },
  { name: 'report', summary: 'print a Markdown status report (stages, progress, what needs attention)', load: async () => (await import('./report')).reportCommand },
  { name: 'export', summary: 'export the components for another tool (Backstage catalog entities)', load: async () => (await import('./export')).exportCommand },
  { name: 'fix', summary: 'rewrite "Status: X/Y criteria met" lines to match the checked boxes', load: async () => (await import('./fix')).fixCommand },
  { name: 'promote', summary: 'promote a component to the next stage after checking it is ready', load: async () => (await import('./promote')).promoteCommand },
];
