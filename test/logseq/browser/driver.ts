// Browser side of the Chromium harness: the fake 0.10.x host running in a Logseq-like page, with
// the built plugin folder (its index.html, the real SDK inside index.js) in an iframe served from
// ANOTHER origin, as a marketplace install is (`lsp://` frame, `file://` host). Host and plugin
// talk only through postMessage. Bundled by esbuild at test time.
import { createFakeGraph, type FakeGraph } from '../fake/graph';
import { createFakeHost, type FakeHost, type FrameChannel } from '../fake/host';

interface Start {
  files: Array<[string, string]>;
  /** `{{renderer …}}` → arguments, split by mldoc in Node (the app's parser). */
  macroArguments: Record<string, string[]>;
  settings?: Record<string, unknown>;
  /** Where the plugin folder is served from (another origin than this page). */
  pluginOrigin: string;
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

function channelTo(frame: HTMLIFrameElement, origin: string): FrameChannel {
  return {
    post: (message) => frame.contentWindow?.postMessage(message, origin),
    listen(handler) {
      const listener = (event: MessageEvent) => {
        if (event.source === frame.contentWindow && event.origin === origin && typeof event.data === 'object' && event.data !== null) handler(event.data as Record<string, unknown>);
      };
      window.addEventListener('message', listener);
      return () => window.removeEventListener('message', listener);
    },
  };
}

window.mmStart = async (start) => {
  graph = createFakeGraph();
  graph.load(start.files);
  const frame = document.createElement('iframe');
  frame.id = 'lsp-main-ui';
  frame.setAttribute('title', 'Maturity Map');
  const fake = createFakeHost({ graph, hostDocument: document, macroArguments: (c) => start.macroArguments[c] ?? null, settings: start.settings, mainUIContainer: frame });
  window.mmFake = fake;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = `${start.pluginOrigin}/plugin/index.html`;
  document.body.appendChild(frame);
  await loaded;
  await fake.connect(channelTo(frame, start.pluginOrigin));
  await fake.ready();
};

window.mmRenderMacro = (pagePath, content, containerId) => {
  const block = graph.addBlock(graph.pageOfFile(pagePath)!, content);
  return window.mmFake.renderBlock(block, document.getElementById(containerId)!);
};

window.mmToggleMain = () => window.mmFake.clickToolbar();
