// Messages between the plugin and its parse worker. The worker holds the settings it was given
// and answers each batch of texts with the notes `prepareNote` makes of them and their index keys,
// in order, as records (note-record.ts: two strings each, cheap to post and ready to store).
import type { IndexOptions } from '../../core/index';
import type { NoteRecord } from '../../plugin-cache/note-record';

export type ToWorker =
  | { type: 'configure'; options: IndexOptions }
  | { type: 'parse'; id: number; items: Array<{ path: string; text: string }> };

export type FromWorker =
  | { type: 'parsed'; id: number; records: NoteRecord[] }
  | { type: 'failed'; id: number; error: string };
