// Sorting by progress or readiness reads each component's progress once, not at every comparison:
// a sort of n components compares each ~log n times, and progress reads the note's transitions
// (a compact note's tape is read back for it).
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../src/core/settings';
import { createPipeline } from '../../src/core/stages';
import { progress, sortComponents, type Sortable } from '../../src/core/query-sort';
import type { MaturityNote } from '../../src/core/model';

const pipeline = createPipeline(DEFAULT_STAGES);

/** n components at Staging, met/total criteria towards Production spread over 0–1; reads of `transitions` counted. */
function components(n: number): { list: Sortable[]; reads: () => number } {
  let reads = 0;
  const list = Array.from({ length: n }, (_, i): Sortable => {
    const transitions = [{ from: 'staging', to: 'production', met: (i * 7919) % 11, total: 10 }];
    const note = { stage: { id: 'staging' } } as unknown as MaturityNote;
    Object.defineProperty(note, 'transitions', { get: () => (reads++, transitions) });
    return { id: `c${i}.md`, name: `Component ${String(i).padStart(4, '0')}`, note };
  });
  return { list, reads: () => reads };
}

describe('sortComponents', () => {
  it.each(['progress', 'readiness'] as const)('by %s reads each progress once, and orders as progress does', (sort) => {
    const { list, reads } = components(2000);
    const expected = list.map((c) => progress(c, { pipeline })).sort((a, b) => b - a);
    const before = reads();
    sortComponents(list, { sort, order: 'desc' }, { pipeline });
    expect(reads() - before).toBe(list.length);
    expect(list.map((c) => progress(c, { pipeline }))).toEqual(expected);
  });
});
