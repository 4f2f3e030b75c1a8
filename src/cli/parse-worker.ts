// A parse worker thread of the CLI (parse-pool.ts starts it from dist/cli/parse-worker.mjs): the
// core parser and each note's index keys, answered as records. It reads no files and writes nothing.
import { parentPort } from 'node:worker_threads';
import { answerParse, workerParser, type ToWorker } from '../plugin-cache/parse-protocol';

const parser = workerParser();
parentPort?.on('message', (message: ToWorker) => {
  const answer = answerParse(parser, message);
  if (answer !== null) parentPort?.postMessage(answer);
});
