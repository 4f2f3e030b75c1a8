// d3-dag bundles javascript-lp-solver, whose top level assigns `window.solver` when main.js is
// evaluated. Left there after the plugin unloads, it keeps the whole evaluated bundle reachable (its
// code and module-level state, ~5 MB) until the app quits, and a page global is not ours to keep.
// This module is main.ts's first import, so esbuild evaluates it before d3-dag: it reads what the
// page held before; main.ts reads what the bundle set (`ownPageGlobals`), and the plugin's unload
// puts back the first where the second is still in place (a plugin loaded later keeps its own).

const NAMES = ['solver'] as const;

type PageGlobals = Record<(typeof NAMES)[number], { present: boolean; value: unknown }>;

/** The page's window, as the library tests for it (none where main.js is evaluated without one). */
function page(): Record<string, unknown> {
  return (typeof window === 'object' ? window : {}) as unknown as Record<string, unknown>;
}

function read(): PageGlobals {
  const win = page();
  const out = {} as PageGlobals;
  for (const name of NAMES) out[name] = { present: name in win, value: win[name] };
  return out;
}

const beforeBundle = read();

/** What the bundle's evaluation set; call at main.ts's top level (after every import has run). */
export function ownPageGlobals(): PageGlobals {
  return read();
}

/** Put back what the page held before main.js where `own` is still what the page holds. */
export function releasePageGlobals(own: PageGlobals): void {
  const win = page();
  for (const name of NAMES) {
    const mine = own[name];
    const before = beforeBundle[name];
    if (!mine.present || (before.present && before.value === mine.value) || win[name] !== mine.value) continue;
    if (before.present) win[name] = before.value;
    else delete win[name];
  }
}
