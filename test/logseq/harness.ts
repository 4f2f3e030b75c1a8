// Loads the BUILT plugin (dist/logseq/index.js) into a plugin frame (happy-dom window) whose
// global `logseq` is the fake 0.10.x host, with Logseq's main document as a second window.
// `__LSP__HOST__` tells the bundled SDK not to create its own (unconnected) `logseq` object.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { listMarkdown, readNote, ROOT } from '../helpers/vault';
import { createFakeGraph, type FakeGraph, type FakeGraphOptions } from './fake/graph';
import { createFakeHost, type FakeHost, type FakeHostOptions } from './fake/host';
import { parse } from './mldoc';

export const BUNDLE = join(ROOT, 'dist/logseq/index.js');

export function ensureBuilt(): string {
  if (!existsSync(BUNDLE)) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--only', 'logseq'], { stdio: 'inherit' });
  return readFileSync(BUNDLE, 'utf8');
}

/** How Logseq splits a block's `{{renderer …}}` into arguments: mldoc's Macro node. */
export function mldocMacroArguments(content: string): string[] | null {
  for (const [node] of parse(content)) {
    const inlines = node[0] === 'Paragraph' ? (node[1] as Array<[string, unknown]>) : node[0] === 'Heading' ? ((node[1] as { title: Array<[string, unknown]> }).title) : [];
    for (const inline of inlines) {
      const macro = inline[1] as { name?: string; arguments?: string[] };
      if (inline[0] === 'Macro' && macro.name === 'renderer') return macro.arguments ?? [];
    }
  }
  return null;
}

export interface Loaded {
  fake: FakeHost;
  graph: FakeGraph;
  host: Window;
  frame: Window;
  /** Wait for pending timers, promises and renders to settle. */
  settle(ms?: number): Promise<void>;
  close(): Promise<void>;
}

export interface LoadOptions extends FakeGraphOptions {
  files: Map<string, string>;
  settings?: Record<string, unknown>;
  graphKind?: FakeHostOptions['graphKind'];
  today?: string;
}

export function filesOf(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of listMarkdown(dir)) files.set(`${prefix}${path}`, readNote(dir, path));
  return files;
}

export async function loadPlugin(options: LoadOptions): Promise<Loaded> {
  const code = ensureBuilt();
  const graph = createFakeGraph(options);
  for (const [path, text] of options.files) graph.setFile(path, text);
  const host = new Window({ url: 'lsp://logseq.io/' });
  const frame = new Window({ url: 'lsp://logseq.io/plugins/maturity-map/index.html', settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  const fake = createFakeHost({ graph, hostDocument: host.document as unknown as Document, graphKind: options.graphKind, macroArguments: mldocMacroArguments });
  if (options.settings) fake.updateSettings(options.settings);
  const app = frame.document.createElement('div');
  app.id = 'app';
  frame.document.body.appendChild(app);
  const globals = frame as unknown as Record<string, unknown>;
  globals['__LSP__HOST__'] = true;
  // Chromium (Logseq's Electron) has it; happy-dom's window does not, and d3-dag uses it.
  globals['structuredClone'] = structuredClone;
  globals['logseq'] = fake.logseq;
  frame.eval(code);
  await fake.started();
  // Real timers: the plugin's poll interval never lets happy-dom's waitUntilComplete() finish.
  const settle = (ms = 30) => new Promise<void>((r) => setTimeout(r, ms));
  await settle();
  return {
    fake,
    graph,
    host,
    frame,
    settle,
    close: async () => {
      await fake.unload();
      await frame.happyDOM.abort();
      await frame.happyDOM.close();
      await host.happyDOM.close();
    },
  };
}
