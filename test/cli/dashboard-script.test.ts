// The standalone page's built script (dist/dashboard/dashboard.js, inlined by `maturity-map
// dashboard`) does no work while it evaluates beyond defining its code and waiting for the document:
// its evaluation was the longest task of a 10k page's open in Chromium, 40-44 ms of CPU, half of it
// the name collator (ICU's collation data) and fflate's Huffman tables (benchmarks.md, session 22).
// The graph's code (d3-dag and the graph view) is a second script the page runs when the Graph tab
// is first drawn (src/render/dashboard/graph-script.ts): the first script's compile was most of its
// evaluation, and the graph 60% of its bytes (session 23).
// Evaluated in a VM context whose collator and typed-array constructors count what is made; counted,
// not timed. fflate's tables are Uint8Array and Uint16Array; d3-dag's top level makes an Int32Array
// and a Float64Array of 1,024 as its solver's scratch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { workCount } from '../../src/core/work-count';
import { PAGE_MODULES } from '../../src/render/dashboard/graph-script';
import { ROOT } from '../helpers/vault';

const SCRIPT = readFileSync(join(ROOT, 'dist/dashboard/dashboard.js'), 'utf8');
const GRAPH_SCRIPT_FILE = join(ROOT, 'dist/dashboard/dashboard-graph.js');

/** Inside the context: its own Intl.Collator and typed arrays replaced by subclasses that count. */
const COUNTING = `
  globalThis.made = { collators: 0, Uint8Array: 0, Uint16Array: 0, Int32Array: 0, Float64Array: 0 };
  Intl.Collator = class extends Intl.Collator {
    constructor(...args) { super(...args); made.collators++; }
  };
  for (const name of ['Uint8Array', 'Uint16Array', 'Int32Array', 'Float64Array']) {
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
  it('builds no collator, no fflate table and no d3-dag scratch; it registers its start and waits', () => {
    const listeners: string[] = [];
    const context = createContext({ document: loadingDocument(listeners) });
    runInContext(COUNTING, context);
    runInContext(SCRIPT, context, { filename: 'dashboard.js' });
    expect(listeners).toEqual(['DOMContentLoaded']);
    expect(runInContext('made', context)).toEqual({ collators: 0, Uint8Array: 0, Uint16Array: 0, Int32Array: 0, Float64Array: 0 });

    // The counters see what the context makes.
    runInContext(`new Intl.Collator('en').compare('a', 'b'); new Uint8Array(2); new Uint16Array(4); new Int32Array(1); new Float64Array(1)`, context);
    expect(runInContext('made', context)).toEqual({ collators: 1, Uint8Array: 1, Uint16Array: 1, Int32Array: 1, Float64Array: 1 });
  });
});

describe('the graph script as the page runs it', () => {
  it('holds d3-dag, takes every module it shares from the first script’s table, and leaves renderGraph, the layout worker’s client and the page’s counters', () => {
    const graphScript = readFileSync(GRAPH_SCRIPT_FILE, 'utf8');
    const read: string[] = [];
    const table = new Proxy(PAGE_MODULES, {
      get: (modules, path: string) => {
        read.push(path);
        return modules[path];
      },
    });
    const context = createContext({ mmGraphPageModules: table });
    runInContext(COUNTING, context);
    runInContext(graphScript, context, { filename: 'dashboard-graph.js' });
    expect(runInContext('typeof mmGraphScript.renderGraph', context)).toBe('function');
    // The client of the page's layout worker, and the page's own work counters handed back.
    expect(runInContext('typeof mmGraphScript.createLayoutWorker', context)).toBe('function');
    expect(runInContext('mmGraphScript.workCount', context)).toBe(workCount);
    // d3-dag's top level ran here, and only here (the first script makes none of these).
    expect(runInContext('made', context)).toMatchObject({ collators: 0, Int32Array: 1, Float64Array: 1 });
    // Each module of the table read once, as the graph script's imports of it are evaluated; none missing, none unused.
    expect(read.sort()).toEqual(Object.keys(PAGE_MODULES).sort());
  });

  it('says which module the page did not give it', () => {
    const context = createContext({ mmGraphPageModules: {} });
    expect(() => runInContext(readFileSync(GRAPH_SCRIPT_FILE, 'utf8'), context)).toThrow(/the page gives the graph script no src\//);
  });
});
