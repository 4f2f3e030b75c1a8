// A graph query's slot drawn outside the plugin: a generated vault's core index read as the Logseq
// views read it (no pages, no Logseq readings), and the slot's pieces as queryView hands them to
// the host. Shared by the focus menu's and the drawing's tests.
import { Window } from 'happy-dom';
import { createIndex, type MaturityIndex } from '../../src/core/index';
import type { GraphIndex } from '../../src/logseq/graph-index';
import { queryView } from '../../src/logseq/query-slot';
import type { SlotPieces, SlotState } from '../../src/logseq/slot-types';
import { generateNotes } from '../../bench/generator/vault';

/** The core index of a generated vault of `notes` notes (seed 5). */
export function generatedIndex(notes: number): MaturityIndex {
  const index = createIndex({});
  index.batch(() => {
    for (const note of generateNotes({ notes, seed: 5 })) index.upsert(note.path, note.text);
  });
  return index;
}

const graphOf = (index: MaturityIndex) => ({ index, pageOf: () => null, logseqDiagnostics: () => [] }) as unknown as GraphIndex;

export const slotDocument = new Window().document as unknown as Document;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A graph query's slot in pieces, every piece ready (the layout back). */
export async function graphSlotPieces(index: MaturityIndex, slot: string, state: SlotState | undefined): Promise<SlotPieces> {
  const view = await queryView(graphOf(index), { view: 'graph' }, slotDocument, slot, state).ready(() => false, nextTask);
  if (view === null || typeof view === 'string') throw new Error('a graph query in a slot comes in pieces');
  return view as SlotPieces;
}
