// The workers' code, kept in comments in main.js by the build (scripts/targets.mjs, obsidianMainJs):
// the app compiles main.js in the task that loads the plugin, and V8 only skips a comment where it
// would scan, copy and store a string literal of the same 350 KB. Read back when a worker starts.
import parseWorker, { digest as parseWorkerDigest } from 'maturity-map:code/parse-worker';
import layoutWorker from 'maturity-map:code/layout-worker';
import { lazy } from '../core/index';

/** The code in the comment of `container()`'s function text, where the build wrote `*` `/` as `%2A/` and `%` as `%25`. */
export function codeFromComment(container: () => string): () => string {
  return lazy(() => {
    const text = container();
    const start = text.indexOf('/*');
    const end = text.lastIndexOf('*/');
    if (start === -1 || end <= start) throw new Error('the worker code is missing from main.js');
    return text.slice(start + 2, end).replace(/%2A\/|%25/g, (escape) => (escape === '%25' ? '%' : '*/'));
  });
}

/** The note parser's worker (index/worker-entry.ts). */
export const parseWorkerCode = codeFromComment(parseWorker);
/** A hash of the parse worker's code, made by the build: the note cache takes no record another build made. */
export const PARSER_BUILD = parseWorkerDigest;
/** The graph layout's worker (src/render/graph/layout-worker-entry.ts). */
export const layoutWorkerCode = codeFromComment(layoutWorker);
