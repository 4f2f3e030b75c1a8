// The standalone page's built script (dist/dashboard/dashboard.js, inlined by `maturity-map
// dashboard`) does no work while it evaluates beyond defining its code and waiting for the document:
// its evaluation was the longest task of a 10k page's open in Chromium, 40-44 ms of CPU, half of it
// the name collator (ICU's collation data) and fflate's Huffman tables (benchmarks.md, session 22).
// Evaluated in a VM context whose collator and typed-array constructors count what is made; counted,
// not timed. fflate's tables are Uint8Array and Uint16Array; d3-dag makes an Int32Array and a
// Float64Array of 1,024 as its solver's scratch (third-party, 12 KB), not counted here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/vault';

const SCRIPT = readFileSync(join(ROOT, 'dist/dashboard/dashboard.js'), 'utf8');

/** Inside the context: its own Intl.Collator and byte and 16-bit arrays replaced by subclasses that count. */
const COUNTING = `
  globalThis.made = { collators: 0, Uint8Array: 0, Uint16Array: 0 };
  Intl.Collator = class extends Intl.Collator {
    constructor(...args) { super(...args); made.collators++; }
  };
  for (const name of ['Uint8Array', 'Uint16Array']) {
    globalThis[name] = class extends globalThis[name] {
      constructor(...args) { super(...args); made[name]++; }
    };
  }
`;

/** A document still loading: the page's script waits for DOMContentLoaded before it reads anything. */
function loadingDocument(listeners: string[]) {
  return {
    readyState: 'loading',
    addEventListener: (type: string) => listeners.push(type),
    getElementById: () => null,
  };
}

describe('the page’s script as it evaluates', () => {
  it('builds no collator and no fflate table; it registers its start and waits', () => {
    const listeners: string[] = [];
    const context = createContext({ document: loadingDocument(listeners) });
    runInContext(COUNTING, context);
    runInContext(SCRIPT, context, { filename: 'dashboard.js' });
    expect(listeners).toEqual(['DOMContentLoaded']);
    expect(runInContext('made', context)).toEqual({ collators: 0, Uint8Array: 0, Uint16Array: 0 });

    // The counters see what the context makes.
    runInContext(`new Intl.Collator('en').compare('a', 'b'); new Uint8Array(2); new Uint16Array(4)`, context);
    expect(runInContext('made', context)).toEqual({ collators: 1, Uint8Array: 1, Uint16Array: 1 });
  });
});
