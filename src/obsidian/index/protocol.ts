// Messages between the plugin and its parse worker. The worker holds the settings it was given
// and answers each batch of texts with the notes `prepareNote` makes of them, in order.
import type { IndexOptions, MaturityNote } from '../../core/index';

export type ToWorker =
  | { type: 'configure'; options: IndexOptions }
  | { type: 'parse'; id: number; items: Array<{ path: string; text: string }> };

export type FromWorker =
  | { type: 'parsed'; id: number; notes: MaturityNote[] }
  | { type: 'failed'; id: number; error: string };
