// Browser side of the Chromium harness: the fake 0.10.x host running in a Logseq-like page, with
// the built plugin in an iframe (its own frame, as in Logseq). Bundled by esbuild at test time.
import { createFakeGraph, type FakeGraph } from '../fake/graph';
import { createFakeHost, type FakeHost } from '../fake/host';

interface Start {
  files: Array<[string, string]>;
  /** `{{renderer …}}` → arguments, split by mldoc in Node (the app's parser). */
  macroArguments: Record<string, string[]>;
  settings?: Record<string, unknown>;
}

declare global {
  interface Window {
    mmStart(start: Start): Promise<void>;
    mmRenderMacro(pagePath: string, content: string, containerId: string): string;
    mmToggleMain(): void;
    mmFake: FakeHost;
  }
}

let graph: FakeGraph;

window.mmStart = async (start) => {
  graph = createFakeGraph();
  for (const [path, text] of start.files) graph.setFile(path, text);
  const fake = createFakeHost({ graph, hostDocument: document, macroArguments: (c) => start.macroArguments[c] ?? null });
  if (start.settings) fake.updateSettings(start.settings);
  window.mmFake = fake;
  const frame = document.createElement('iframe');
  frame.id = 'lsp-main-ui';
  frame.setAttribute('title', 'Maturity Map');
  document.body.appendChild(frame);
  const win = frame.contentWindow as unknown as Record<string, unknown>;
  win['__LSP__HOST__'] = true;
  win['logseq'] = fake.logseq;
  const doc = frame.contentDocument!;
  const app = doc.createElement('div');
  app.id = 'app';
  doc.body.appendChild(app);
  await new Promise<void>((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = '/plugin/index.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('plugin bundle failed to load'));
    doc.body.appendChild(script);
  });
  await fake.started();
};

window.mmRenderMacro = (pagePath, content, containerId) => {
  const block = graph.addBlock(graph.pageOfFile(pagePath)!, content);
  return window.mmFake.renderBlock(block, document.getElementById(containerId)!);
};

window.mmToggleMain = () => {
  window.mmFake.clickToolbar();
  document.getElementById('lsp-main-ui')!.classList.toggle('visible', window.mmFake.mainUIVisible());
};
