// A layout worker's side of the messages (layout-protocol.ts): each request laid out in turn and
// answered, or the error said. The plugins' worker (layout-worker-entry.ts) and the standalone
// page's layout block started as a worker (dashboard/layout-block-entry.ts) answer through it.
import type { FromLayoutWorker, ToLayoutWorker } from './layout-protocol';
import type { InThreadLayout } from './layout-request';

export interface WorkerScope {
  onmessage: ((event: { data: ToLayoutWorker }) => void) | null;
  postMessage(message: FromLayoutWorker): void;
}

export function answerLayouts(scope: WorkerScope, layout: InThreadLayout): void {
  scope.onmessage = (event) => {
    const { id, request } = event.data;
    try {
      scope.postMessage({ id, type: 'laid-out', result: layout(request) });
    } catch (err) {
      scope.postMessage({ id, type: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  };
}
