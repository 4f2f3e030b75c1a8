// The graph layout worker (bundled on its own and embedded in each plugin as a string, see
// scripts/targets.mjs `embeddedWorker`): layoutGraph off the main thread. It sees node sizes and
// edges only — no note text, no DOM.
import { layoutHere } from './layout-request';
import type { FromLayoutWorker, ToLayoutWorker } from './layout-protocol';

interface WorkerScope {
  onmessage: ((event: { data: ToLayoutWorker }) => void) | null;
  postMessage(message: FromLayoutWorker): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, request } = event.data;
  try {
    scope.postMessage({ id, type: 'laid-out', result: layoutHere(request) });
  } catch (err) {
    scope.postMessage({ id, type: 'failed', error: err instanceof Error ? err.message : String(err) });
  }
};
