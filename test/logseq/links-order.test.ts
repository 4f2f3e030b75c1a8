// When the BUILT Logseq plugin keeps its links for the next start (src/logseq/warm-index.ts
// `afterFirstDraw`, plugin.ts `afterDrawing`): only once the card on screen is drawn whole — every
// piece of it written, those of its redraw with Logseq's reading too — and the thread is idle. The
// links' making and store (at 10k pages, 10k paths and stamps, the index's resolution and
// IndexedDB's copy of them) left garbage that the card's pieces paid for (benchmarks.md, session
// 20). The order is read from the task clock: each zero-delay timer and idle callback of the frame
// a task of its own, named by the step it resumes (src/logseq/steps.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { newIndexedDB } from '../helpers/indexeddb';
import { generatedGraph } from './generated-graph';
import { loadPlugin, quiet, slotElement, until, viewComplete, type Loaded } from './harness';
import { createTaskClock, type TaskRecord } from './task-clock';

const generated = generatedGraph(300);
let open: Loaded | null = null;

afterEach(async () => {
  await open?.close();
  open = null;
});

/** The frame's tasks of a cold start until the card is drawn whole with its Logseq reading and the links are stored. */
async function coldStartTasks(): Promise<TaskRecord[]> {
  const clock = createTaskClock();
  const l = (open = await loadPlugin({ files: generated.files, indexedDB: newIndexedDB(), clock, beforeRun: () => clock.recording(true) }));
  const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(generated.somePage)!, '{{renderer :maturity}}'));
  await until(l, () => viewComplete(slotElement(l, slot)) && slotElement(l, slot)?.querySelector('.mm-logseq-reading') !== null, 'the whole card with its Logseq reading', 60_000);
  await until(l, () => clock.since(0).some((t) => t.what.includes('links stored') || t.what.includes('links kept')), 'the links kept', 60_000);
  await quiet(l, 'the links stored');
  return clock.since(0).filter((t) => t.side === 'frame');
}

describe('the Logseq plugin keeps its links once the first view is drawn whole', () => {
  it('no piece of the card is written after the links are made, and they are stored after that', async () => {
    const tasks = (await coldStartTasks()).map((t) => t.what);
    const made = tasks.findIndex((what) => what.includes('warm-up: links kept'));
    const pieces = tasks.flatMap((what, i) => (what.includes('slot: piece') ? [i] : []));
    expect(made).toBeGreaterThan(0);
    // The card and its redraw with Logseq's reading: three pieces each at least.
    expect(pieces.length).toBeGreaterThanOrEqual(6);
    expect(tasks.slice(made).filter((what) => what.includes('slot: piece'))).toEqual([]);
    expect(tasks.slice(made + 1).some((what) => what.includes('links stored'))).toBe(true);
  }, 120_000);
});
