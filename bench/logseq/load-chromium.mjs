// The Logseq plugin's load in real Chromium, as the host runs it: a host page puts the plugin's
// index.html in an iframe (same renderer, same main thread) and the frame loads index.js by
// `<script src>`. `node bench/logseq/load-chromium.mjs [--dist dist/logseq] [--rounds 5] [--profile]`
// prints, for each round, the task that evaluates each of the plugin's scripts (wall and CPU, from
// a Chromium trace: `ThreadControllerImpl::RunTask` around `EvaluateScript`), the longest
// main-thread tasks from the frame's insertion until 1.5 s after its load event, the page's own
// `longtask` entries (over 50 ms) and the scripts the frame requested; last, as JSON, the median
// and range of the longest script task over the rounds. No inspector is attached (Playwright's makes V8
// re-parse the bundle for source positions, several times the task: docs/benchmarks.md,
// session 25 host hygiene): Chromium runs headless on its own, the pages are served by a local
// HTTP server, and the page posts its figures back. `--profile` adds V8's CPU samples to the
// trace and prints where the longest task's time went (by the bundle's `// src/...` module marks
// when the dist was built unminified).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const DIST = resolve(ROOT, arg('dist', 'dist/logseq'));
const ROUNDS = Number(arg('rounds', 5));
const PROFILE = process.argv.includes('--profile');
const CHROMIUM = process.env.MATURITY_MAP_CHROMIUM ?? '/usr/bin/chromium';

// The host page: an observer of long tasks first, then the plugin's frame, as Logseq's plugin
// core adds it (LSPluginCore → Postmate: an iframe whose src is the plugin's main HTML).
const HOST = `<!doctype html><html><head><meta charset="utf-8"></head><body><script>
const longtasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) longtasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask' });
const inserted = performance.now();
performance.mark('mm-frame-inserted');
const frame = document.createElement('iframe');
frame.src = '/plugin/index.html';
frame.onload = () => {
  const loaded = performance.now();
  performance.mark('mm-frame-loaded');
  const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).map((r) => r.name.replace(/^.*\\//, ''));
  const inFrame = frame.contentWindow.performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).map((r) => r.name.replace(/^.*\\//, ''));
  setTimeout(() => {
    const later = frame.contentWindow.performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).map((r) => r.name.replace(/^.*\\//, ''));
    fetch('/report', { method: 'POST', body: JSON.stringify({ inserted, loaded, longtasks, scripts: [...scripts, ...inFrame], later }) });
  }, 1500);
};
document.body.appendChild(frame);
</script></body></html>`;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.json': 'application/json' };

function serve(onReport) {
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/report') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.end('ok');
        onReport(JSON.parse(body));
      });
      return;
    }
    if (req.url === '/host.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(HOST);
    if (req.url?.startsWith('/plugin/')) {
      try {
        const file = join(DIST, req.url.slice('/plugin/'.length).split('?')[0]);
        return void res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
      } catch {
        /* fall through: 404 */
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'blink.user_timing', ...(PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : [])];

/** Seconds of start-up traced: the trace is written when they are over (a kill before loses it). */
const TRACE_SECONDS = 8;

async function traceWritten(file) {
  for (let waited = 0; waited < 60_000; waited += 250) {
    await new Promise((done) => setTimeout(done, 250));
    try {
      return JSON.parse(readFileSync(file, 'utf8')).traceEvents ?? [];
    } catch {
      /* not written yet, or not whole */
    }
  }
  throw new Error('no trace in 60 s');
}

/** One Chromium, one load of the host page; resolves with the page's report and the trace's events. */
async function round() {
  const dir = mkdtempSync(join(tmpdir(), 'mm-load-'));
  const traceFile = join(dir, 'trace.json');
  let report;
  let gotReport;
  const reported = new Promise((done) => (gotReport = done));
  const server = await serve((r) => {
    report = r;
    gotReport();
  });
  const url = `http://127.0.0.1:${server.address().port}/host.html`;
  const chromium = spawn(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-extensions',
    `--user-data-dir=${join(dir, 'profile')}`, `--trace-startup=${CATEGORIES.join(',')}`, `--trace-startup-file=${traceFile}`,
    '--trace-startup-format=json', `--trace-startup-duration=${TRACE_SECONDS}`, url,
  ], { stdio: 'ignore' });
  const exited = new Promise((done) => chromium.on('exit', done));
  await Promise.race([reported, new Promise((_, fail) => setTimeout(() => fail(new Error('no report in 60 s')), 60_000))]);
  const events = await traceWritten(traceFile);
  chromium.kill('SIGTERM');
  await exited;
  server.close();
  if (process.env.MM_KEEP_TRACE) console.log(traceFile);
  else setTimeout(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }), 2000).unref(); // Chromium's helpers may still be writing
  return { report, events };
}

/** The renderer's main thread (CrRendererMain) and the tasks on it between the two marks. */
function loadTasks(events) {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const marks = events.filter((e) => e.name === 'mm-frame-inserted' || e.name === 'mm-frame-loaded');
  const inserted = marks.find((e) => e.name === 'mm-frame-inserted');
  if (!inserted) throw new Error('the trace has no mark of the frame');
  const main = names.find((n) => n.pid === inserted.pid && n.tid === inserted.tid) ?? { pid: inserted.pid, tid: inserted.tid };
  const tasks = events.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.pid === main.pid && e.tid === main.tid && e.ts >= inserted.ts - 1000);
  return { main, inserted, tasks };
}

const PERIOD_MS = 1.5; // the load watched: from the frame's insertion until 1.5 s after (the report's wait)

function summarize(events, report) {
  const { main, inserted, tasks } = loadTasks(events);
  const window = tasks.filter((t) => t.ts <= inserted.ts + (report.loaded - report.inserted + PERIOD_MS * 1000) * 1000);
  const longest = [...window].sort((a, b) => b.dur - a.dur)[0];
  const over50 = window.filter((t) => t.dur > 50_000).length;
  const top = [...window].sort((a, b) => b.dur - a.dur).slice(0, 3).map((t) => `${(t.dur / 1000).toFixed(0)}/${((t.tdur ?? t.dur) / 1000).toFixed(0)}`);
  const evaluations = events.filter((e) => e.name === 'EvaluateScript' && e.pid === main.pid && e.tid === main.tid && /\/plugin\/[^/]+\.js$/.test(e.args?.data?.url ?? ''));
  const scripts = evaluations.map((e) => {
    const task = window.find((t) => t.ts <= e.ts && t.ts + t.dur >= e.ts + e.dur) ?? e;
    return { script: e.args.data.url.replace(/^.*\//, ''), task, evaluateMs: e.dur / 1000, evaluateCpuMs: (e.tdur ?? e.dur) / 1000 };
  });
  return { main, longest, over50, tasks: window.length, top, scripts };
}

/** Self time of the samples inside `task`, by the module mark (`// src/...`, `// node_modules/...`) above each sampled line. */
function profileOf(events, main, task, source) {
  const marks = [];
  if (source) source.split('\n').forEach((line, i) => {
    const m = /^\s*\/\/ ((?:src|node_modules|\.\.\/)[^\s]*)/.exec(line);
    if (m) marks.push({ line: i, module: m[1].replace(/^.*node_modules\//, 'node_modules/') });
  });
  const moduleAt = (line) => {
    let lo = 0, hi = marks.length - 1, found = '(before any module)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid].line <= line) { found = marks[mid].module; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };
  const nodes = new Map();
  let time = 0;
  const self = new Map();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === main.pid) time = e.args.data.startTime;
    if (e.name !== 'ProfileChunk' || e.pid !== main.pid) continue;
    const data = e.args.data.cpuProfile ?? {};
    for (const n of data.nodes ?? []) nodes.set(n.id, n);
    const deltas = e.args.data.timeDeltas ?? [];
    const lines = e.args.data.lines ?? [];
    (data.samples ?? []).forEach((id, i) => {
      time += deltas[i] ?? 0;
      if (time < task.ts || time > task.ts + task.dur) return;
      const frame = nodes.get(id)?.callFrame ?? {};
      // The sampled line when the chunk has it (1-based), else the function's first line.
      const line = lines[i] > 0 ? lines[i] - 1 : (frame.lineNumber ?? 0);
      const where = frame.url?.endsWith('.js') ? `${moduleAt(line)}` : `(${frame.functionName || 'native'})`;
      const key = frame.functionName?.startsWith('(') ? frame.functionName : process.env.MM_BY_FUNCTION ? `${where} ${frame.functionName || '(top level)'}:${line + 1}` : where;
      self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
  }
  return [...self].sort((a, b) => b[1] - a[1]);
}

const source = new Proxy({}, { get: (_, name) => (PROFILE ? readFileSync(join(DIST, String(name)), 'utf8') : null) });
const rows = [];
for (let i = 0; i < ROUNDS; i++) {
  const { report, events } = await round();
  const s = summarize(events, report);
  rows.push(s);
  const wall = s.longest.dur / 1000;
  const cpu = (s.longest.tdur ?? s.longest.dur) / 1000;
  console.log(`round ${i + 1}: longest task ${wall.toFixed(1)} ms (CPU ${cpu.toFixed(1)}), tasks ${s.tasks} (longest three, wall/CPU: ${s.top.join(', ')}), over 50 ms ${s.over50}; longtask entries ${report.longtasks.map((t) => t.ms.toFixed(0)).join(', ') || 'none'}; frame loaded ${(report.loaded - report.inserted).toFixed(0)} ms after insertion; scripts ${[...new Set([...report.scripts, ...report.later])].join(' ')}`);
  for (const e of s.scripts) {
    console.log(`  ${e.script}: its task ${(e.task.dur / 1000).toFixed(1)} ms (CPU ${((e.task.tdur ?? e.task.dur) / 1000).toFixed(1)}), the evaluation ${e.evaluateMs.toFixed(1)} (CPU ${e.evaluateCpuMs.toFixed(1)})`);
    if (PROFILE) for (const [what, ms] of profileOf(events, s.main, e.task, source[e.script]).slice(0, 25)) console.log(`    ${ms.toFixed(1).padStart(6)} ms  ${what}`);
  }
}
// The figure: the longest task that evaluates one of the plugin's scripts (its top level and the
// compiles it sets off); other tasks of the window (the host page's, layout, the browser's own)
// are printed above but are not the plugin's.
const pluginTask = (r) => r.scripts.map((e) => e.task).sort((a, b) => b.dur - a.dur)[0] ?? r.longest;
const walls = rows.map((r) => pluginTask(r).dur / 1000).sort((a, b) => a - b);
const cpus = rows.map((r) => { const t = pluginTask(r); return (t.tdur ?? t.dur) / 1000; }).sort((a, b) => a - b);
const median = (xs) => xs[Math.floor(xs.length / 2)];
const over50 = rows.reduce((n, r) => n + r.scripts.filter((e) => e.task.dur > 50_000).length, 0);
console.log(JSON.stringify({ load: { longestWallMs: median(walls), longestCpuMs: median(cpus), wallRange: [walls[0], walls.at(-1)], cpuRange: [cpus[0], cpus.at(-1)], rounds: ROUNDS, over50 } }));
