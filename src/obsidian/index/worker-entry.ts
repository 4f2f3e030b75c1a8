// The parse worker (bundled on its own and embedded in main.js as a string, see scripts/targets.mjs):
// the core parser (and the index keys of each note), off the main thread. It sees only texts and settings — no vault, no DOM.
import { createPipeline, prepareForIndex, resolveConfig, type MaturityConfig, type Pipeline } from '../../core/index';
import { toRecord } from '../../plugin-cache/note-record';
import type { FromWorker, ToWorker } from './protocol';

interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
let config: MaturityConfig = resolveConfig({});
let pipeline: Pipeline = createPipeline(config.stages, config.vocabulary);

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'configure') {
    config = resolveConfig(message.options);
    pipeline = createPipeline(config.stages, config.vocabulary);
    return;
  }
  try {
    const records = message.items.map((item) => toRecord(prepareForIndex(item.text, item.path, config, pipeline)));
    scope.postMessage({ type: 'parsed', id: message.id, records });
  } catch (err) {
    scope.postMessage({ type: 'failed', id: message.id, error: err instanceof Error ? err.message : String(err) });
  }
};
