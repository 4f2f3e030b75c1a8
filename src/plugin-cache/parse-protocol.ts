// Messages between a host and its parse workers (Obsidian's Web Workers, the CLI's worker
// threads). A worker holds the settings it was given and answers each batch of texts with the
// notes `prepareForIndex` makes of them and their index keys, in order, as records
// (note-record.ts: two strings each, cheap to post and ready to store).
import { createPipeline, prepareForIndex, resolveConfig, type IndexOptions, type MaturityConfig, type Pipeline } from '../core/index';
import { toRecord, type NoteRecord } from './note-record';

export type ToWorker =
  | { type: 'configure'; options: IndexOptions }
  | { type: 'parse'; id: number; items: Array<{ path: string; text: string }> };

export type FromWorker =
  | { type: 'parsed'; id: number; records: NoteRecord[] }
  | { type: 'failed'; id: number; error: string };

/** What a worker keeps between messages: the settings it was last given. */
export interface WorkerParser {
  config: MaturityConfig;
  pipeline: Pipeline;
}

export function workerParser(options: IndexOptions = {}): WorkerParser {
  const config = resolveConfig(options);
  return { config, pipeline: createPipeline(config.stages, config.vocabulary) };
}

/**
 * A worker's answer to one message: nothing to a `configure` (it changes `parser`), the records
 * of a batch, or why the batch failed (the host then parses it itself, where the error surfaces).
 */
export function answerParse(parser: WorkerParser, message: ToWorker): FromWorker | null {
  if (message.type === 'configure') {
    Object.assign(parser, workerParser(message.options));
    return null;
  }
  try {
    const records = message.items.map((item) => toRecord(prepareForIndex(item.text, item.path, parser.config, parser.pipeline)));
    return { type: 'parsed', id: message.id, records };
  } catch (err) {
    return { type: 'failed', id: message.id, error: err instanceof Error ? err.message : String(err) };
  }
}
