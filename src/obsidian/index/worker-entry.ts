// The parse worker (bundled on its own and embedded in main.js as a string, see scripts/targets.mjs):
// the core parser (and the index keys of each note), off the main thread. It sees only texts and settings — no vault, no DOM.
import { answerParse, workerParser, type FromWorker, type ToWorker } from '../../plugin-cache/parse-protocol';

interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const parser = workerParser();

scope.onmessage = (event) => {
  const answer = answerParse(parser, event.data);
  if (answer !== null) scope.postMessage(answer);
};
