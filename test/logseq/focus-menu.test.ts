// A graph query's focus menu in a Logseq slot. The slot's markup is serialised for provideUI, so
// nothing fills the menu when the reader opens it (the Obsidian view does): the menu the slot is
// drawn with is all it has. It used to name every component shown, 2,000 `<option>`s built in the
// frame, sanitised and injected by the host and laid out by Chromium in the task that shows the
// slot (52–143 ms there, benchmarks.md session 19). Now it names a bounded set, and a Find field
// asks the model for the rest.
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { createIndex, type MaturityIndex } from '../../src/core/index';
import type { GraphIndex } from '../../src/logseq/graph-index';
import { queryView } from '../../src/logseq/query-slot';
import type { SlotPieces } from '../../src/logseq/slots';
import { generateNotes } from '../../bench/generator/vault';

/** Options a slot's focus menu may hold as drawn, whatever the graph's size. */
const MENU_BOUND = 110;

function indexOf(notes: number): MaturityIndex {
  const index = createIndex({});
  index.batch(() => {
    for (const note of generateNotes({ notes, seed: 5 })) index.upsert(note.path, note.text);
  });
  return index;
}

/** The graph index as the views read it: the core index, no pages, no Logseq readings. */
const graphOf = (index: MaturityIndex) => ({ index, pageOf: () => null, logseqDiagnostics: () => [] }) as unknown as GraphIndex;
const win = new Window();
const doc = win.document as unknown as Document;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Every piece of a graph query's slot, written into one host-like tree (head, then each piece into its container). */
async function drawnSlot(index: MaturityIndex, state: Parameters<typeof queryView>[4]): Promise<Element> {
  const view = await queryView(graphOf(index), { view: 'graph' }, doc, 'slot__menu', state).ready(() => false, nextTask);
  if (view === null || typeof view === 'string') throw new Error('a graph query in a slot comes in pieces');
  const { head, parts } = view as SlotPieces;
  const root = doc.createElement('div');
  root.innerHTML = head; // eslint-disable-line no-restricted-properties -- the host's injection of our own markup
  for (const part of parts) {
    const holder = doc.createElement('div');
    holder.innerHTML = part.markup(2); // eslint-disable-line no-restricted-properties -- as above
    root.querySelector(`#${part.container}`)?.append(holder);
  }
  return root;
}

describe('a graph slot’s focus menu', () => {
  it('holds a bounded number of options with 2,000 components shown, the focused one selected among them', async () => {
    const index = indexOf(2300);
    expect(index.ids().length).toBeGreaterThanOrEqual(2000);
    const far = index.ids()[1900]!;
    const slot = await drawnSlot(index, { limit: 2000, focus: far });
    const options = slot.querySelectorAll('select.mm-graph-focus option');
    expect(options.length).toBeGreaterThan(1);
    expect(options.length).toBeLessThanOrEqual(MENU_BOUND);
    expect(slot.querySelector('select.mm-graph-focus option[selected]')?.getAttribute('value')).toBe(far);
  }, 120_000);
});
