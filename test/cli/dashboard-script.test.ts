// The standalone page's built script (dist/dashboard/dashboard.js, inlined by `maturity-map
// dashboard`) does no work while it evaluates beyond defining its code and waiting for the document:
// its evaluation was the longest task of a 10k page's open in Chromium, 40-44 ms of CPU, half of it
// the name collator (ICU's collation data) and fflate's Huffman tables (benchmarks.md, session 22).
// The graph's code (the graph view) is a second script the page runs when the Graph tab is first
// drawn (src/render/dashboard/graph-script.ts): the first script's compile was most of its
// evaluation, and the graph 60% of its bytes (session 23). d3-dag is in the page's layout block
// only, the layout worker's code, which the page runs on its main thread where no worker can start.
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
const LAYOUT_BLOCK_FILE = join(ROOT, 'dist/dashboard/dashboard-layout-worker.js');

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
  it('holds no d3-dag, takes every module it shares from the first script’s table, and leaves the graph view and the page’s counters', () => {
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
    expect(runInContext('typeof mmGraphScript.graphView', context)).toBe('function');
    // The page's own work counters handed back; the layout worker's client is the first script's
    // (it starts the worker once the page is idle, page-layouts.ts).
    expect(runInContext('mmGraphScript.workCount', context)).toBe(workCount);
    expect(runInContext('typeof mmGraphScript.createLayoutWorker', context)).toBe('undefined');
    // No d3-dag here: its top level would make its solver's scratch (session 23's graph script made one of each).
    expect(runInContext('made', context)).toEqual({ collators: 0, Uint8Array: 0, Uint16Array: 0, Int32Array: 0, Float64Array: 0 });
    // Each module of the table read once, as the graph script's imports of it are evaluated; none missing, none unused.
    expect(read.sort()).toEqual(Object.keys(PAGE_MODULES).sort());
  });

  it('says which module the page did not give it', () => {
    const context = createContext({ mmGraphPageModules: {} });
    expect(() => runInContext(readFileSync(GRAPH_SCRIPT_FILE, 'utf8'), context)).toThrow(/the page gives the graph script no src\//);
  });
});

describe('the layout block', () => {
  const request = { nodes: [{ id: 'a', width: 130, height: 44 }, { id: 'b', width: 130, height: 44 }], edges: [{ from: 'a', to: 'b' }], options: {} };

  it('run as a script of the page, answers no message and leaves the layout, d3-dag made here', () => {
    const context = createContext({});
    runInContext(COUNTING, context);
    runInContext(readFileSync(LAYOUT_BLOCK_FILE, 'utf8'), context, { filename: 'dashboard-layout-worker.js' });
    expect(runInContext('made', context)).toMatchObject({ Int32Array: 1, Float64Array: 1 });
    expect(runInContext('typeof onmessage', context)).toBe('undefined');
    context['request'] = request;
    const result = runInContext('mmLayoutBlock.layout(request)', context) as { nodes: Map<string, { x: number }>; edges: Map<string, unknown> };
    expect([...result.nodes.keys()].sort()).toEqual(['a', 'b']);
    // Dependents on the left of what they depend on.
    expect(result.nodes.get('a')!.x).toBeLessThan(result.nodes.get('b')!.x);
    expect(result.edges.size).toBe(1);
  });

  it('started as a worker, answers each layout it is posted', () => {
    const posted: unknown[] = [];
    const context = createContext({ postMessage: (message: unknown) => posted.push(message) });
    // A worker's global is a WorkerGlobalScope.
    runInContext('globalThis.WorkerGlobalScope = class WorkerGlobalScope {}; Object.setPrototypeOf(globalThis, WorkerGlobalScope.prototype)', context);
    runInContext(readFileSync(LAYOUT_BLOCK_FILE, 'utf8'), context);
    expect(runInContext('typeof onmessage', context)).toBe('function');
    context['request'] = request;
    runInContext('onmessage({ data: { id: 7, request } })', context);
    expect(posted).toEqual([expect.objectContaining({ id: 7, type: 'laid-out' })]);
  });
});
