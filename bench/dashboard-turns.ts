// The dashboard bench's phases (bench/dashboard-tasks.ts) on several pages in turns, round after
// round, each page in a fresh Chromium over its DevTools pipe: a branch's page against main's in
// the same run. Bundle and run (Chromium pinned to core 1 by MATURITY_MAP_CHROMIUM_CPUS):
//   npx esbuild bench/dashboard-turns.ts --bundle --platform=node --format=esm \
//     --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" \
//     --outfile=bench/out/dashboard-turns.mjs
//   MATURITY_MAP_CHROMIUM_CPUS=1 node bench/out/dashboard-turns.mjs --rounds 4 main.html branch.html
// `--detail` traces with Blink's and V8's timeline and GC categories and prints, for every task over
// 50 ms (wall or CPU), what it held: its script, style, layout, paint, collections and Blink's heap
// sweeping (ms of CPU); `--keep-traces DIR` keeps the trace of each phase that had one. A
// `blank.html` is written beside each page (the bench's reference).
import { writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { TraceEvent } from './cdp-pipe';
import { watchDashboard, type TaskPhase } from './dashboard-tasks';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
};
const ROUNDS = Number(arg('rounds', '4'));
const DETAIL = process.argv.includes('--detail');
const KEEP = arg('keep-traces', '');
const PAGES = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !['--rounds', '--keep-traces'].includes(all[i - 1] ?? ''));
const DETAIL_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.gc', 'cppgc', 'v8', 'disabled-by-default-v8.gc', 'v8.execute'];
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
/** What a task holds, by the trace events inside it (their CPU, ms; nested ones of the same kind counted once). */
const PARTS: readonly (readonly [string, readonly string[]])[] = [
  ['script', ['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks']],
  ['style', ['UpdateLayoutTree']],
  ['layout', ['Layout']],
  ['paint', ['Paint', 'PrePaint', 'Layerize']],
  ['parse', ['ParseHTML']],
  ['scavenge', ['MinorGC']],
  ['full GC', ['MajorGC', 'V8.GC_MC_COMPLETE_SWEEPING']],
  ['Blink sweep', ['CppGC.IncrementalSweep', 'CppGC.SweepOnAllocation', 'CppGC.SweepInLowPriorityTask']],
];

/** The main thread's outermost tasks over 50 ms (wall or CPU), each with what it held. */
export function longTasksHeld(events: readonly TraceEvent[]): string[] {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const all = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: string[] = [];
  let end = -Infinity;
  for (const task of all) {
    if (!TASK_EVENTS.has(task.name) || task.ts < end) continue;
    end = task.ts + (task.dur ?? 0);
    if ((task.dur ?? 0) <= 50_000 && (task.tdur ?? 0) <= 50_000) continue;
    const inside = all.filter((e) => e.ts >= task.ts && e.ts < end && e !== task);
    const held = PARTS.map(([part, names]) => [part, outermostCpu(inside.filter((e) => names.includes(e.name)))] as const).filter(([, ms]) => ms >= 1);
    const counts = inside.filter((e) => e.name === 'UpdateLayoutTree' || e.name === 'Layout').map((e) => `${e.name === 'Layout' ? 'layout' : 'style'} ${Math.round((e.tdur ?? 0) / 1000)} ms ${JSON.stringify(e.args?.data ?? {}).slice(0, 120)}`);
    out.push(`${Math.round((task.dur ?? 0) / 1000)} ms wall / ${Math.round((task.tdur ?? 0) / 1000)} CPU: ${held.map(([part, ms]) => `${part} ${Math.round(ms)}`).join(', ')}${counts.length ? ` [${counts.slice(0, 4).join('; ')}]` : ''}`);
  }
  return out;
}

/** The CPU time of events not inside another of the same list, ms. */
function outermostCpu(events: readonly TraceEvent[]): number {
  let total = 0;
  let end = -Infinity;
  for (const e of events) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    total += (e.tdur ?? 0) / 1000;
  }
  return total;
}

const range = (values: readonly number[]): string => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;

async function main(): Promise<void> {
  const results = new Map<string, TaskPhase[][]>(PAGES.map((page) => [page, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const page of PAGES) {
      writeFileSync(join(dirname(resolve(page)), 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><p>blank</p></body></html>');
      const held = (phase: string, events: TraceEvent[]) => {
        const lines = longTasksHeld(events);
        for (const line of lines) console.log(`    ${phase}: ${line}`);
        const file = `${KEEP}/${basename(page, '.html')}-r${round}-${phase.replace(/[^a-z0-9]+/gi, '-')}.json`;
        if (KEEP && lines.length > 0) writeFileSync(file, JSON.stringify(events));
      };
      const { phases } = await watchDashboard(resolve(page), { trace: true, ...(DETAIL ? { categories: DETAIL_CATEGORIES, onTrace: held } : {}) });
      results.get(page)?.push(phases);
      for (const ph of phases) console.log(`${page} round ${round}, ${ph.phase}: longest ${Math.round(ph.longestMs)} ms wall, ${ph.over50} over 50, longest frame ${Math.round(ph.longestFrameMs ?? 0)}, longest task's CPU ${Math.round(ph.longestCpuMs ?? 0)}, phase CPU ${Math.round(ph.cpuMs)}`);
    }
  }
  for (const [page, rounds] of results) {
    console.log(`\n${page}: phase | longest wall | over 50 wall (each round) | longest frame | longest task's CPU | phase CPU`);
    for (const [k, first] of (rounds[0] ?? []).entries()) {
      const of = (pick: (p: TaskPhase) => number) => rounds.map((r) => pick(r[k] ?? first));
      console.log(`| ${first.phase} | ${range(of((p) => p.longestMs))} | ${of((p) => p.over50).join(', ')} | ${range(of((p) => p.longestFrameMs ?? 0))} | ${range(of((p) => p.longestCpuMs ?? 0))} | ${range(of((p) => p.cpuMs))} |`);
    }
  }
}

await main();
