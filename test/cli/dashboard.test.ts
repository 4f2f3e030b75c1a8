// @vitest-environment happy-dom
// `maturity-map dashboard`: one self-contained page whose embedded data no note text can escape.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateNotes } from '../../bench/generator/vault';
import { dashboardHtml, encodeDashboardData, scriptSafeJSON } from '../../src/cli/dashboard-page';
import { dashboardData } from '../../src/core/dashboard-data';
import { createIndex } from '../../src/core/index';
import { loadDashboardData } from '../../src/render/dashboard/data';
import { readPageData } from '../../src/render/dashboard/page-data';
import { ROOT, TODAY } from '../helpers/vault';
import { exampleCounts, HOSTILE, note, run, tempVault } from './run';

const N = exampleCounts();

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The page's script elements but its data's chunk blocks (`mm-data-<list>-<k>`), and those. */
function scriptsOf(doc: Document): { scripts: HTMLScriptElement[]; chunks: HTMLScriptElement[] } {
  const all = [...doc.querySelectorAll('script')];
  const isChunk = (s: HTMLScriptElement) => /^mm-data-[a-zA-Z]+-\d+$/.test(s.id);
  return { scripts: all.filter((s) => !isChunk(s)), chunks: all.filter(isChunk) };
}

describe('dashboard', () => {
  const output = join(tmpdir(), `mm-dashboard-${process.pid}.html`);
  const result = run('dashboard', 'examples/vault', '--today', TODAY, '-o', output);
  const html = readFileSync(output, 'utf8');
  const doc = parse(html);

  it('writes one HTML file and says so', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^wrote ${output.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${N.components} components, \\d+ KB\\)\\n$`));
    expect(html.startsWith('<!doctype html>\n<html lang="en" data-mm-theme="auto">')).toBe(true);
    expect(doc.title).toBe('Maturity Map — examples/vault');
  });

  it('inlines its styles and scripts and loads nothing from elsewhere', () => {
    const { scripts, chunks } = scriptsOf(doc);
    // The data (its header, then a text block a chunk), the graph's script as text (run when the
    // Graph tab is first drawn), the layout block as text (the layout worker's code, started from a
    // Blob URL, or run on the page where no worker can start), the page's script.
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/json', 'text/plain', 'text/plain', null]);
    expect(scripts.map((s) => s.id)).toEqual(['mm-data', 'mm-graph-script', 'mm-layout-worker', '']);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((s) => s.getAttribute('type') === 'text/plain')).toBe(true);
    expect([...doc.querySelectorAll('script')].slice(1, chunks.length + 1).map((s) => s.id)).toEqual(chunks.map((s) => s.id));
    expect([...scripts, ...chunks].every((s) => !s.hasAttribute('src'))).toBe(true);
    expect(doc.querySelectorAll('link, img, iframe, object, embed')).toHaveLength(0);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    // Each built script with what esbuild leaves outside ASCII (in regular expressions) escaped.
    const ascii = (text: string) => text.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const built = readFileSync(join(ROOT, 'dist/dashboard/dashboard.js'), 'utf8');
    expect(built).toMatch(/[\u0080-\uffff]/);
    expect(scripts[3]!.textContent).toBe(ascii(built));
    expect(scripts[1]!.textContent).toBe(ascii(readFileSync(join(ROOT, 'dist/dashboard/dashboard-graph.js'), 'utf8')));
    expect(scripts[2]!.textContent).toBe(ascii(readFileSync(join(ROOT, 'dist/dashboard/dashboard-layout-worker.js'), 'utf8')));
    // The three scripts allowed by their hashes, and nothing else: no 'unsafe-inline', no eval, no
    // blob: or data: script. A worker only from a blob: URL (the layout worker, which the graph
    // script starts from its block); the same block may run as a script of the page, by its hash,
    // where no worker can start.
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    const hash = (script: Element) => `'sha256-${createHash('sha256').update(script.textContent!, 'utf8').digest('base64')}'`;
    expect(csp).toContain(`default-src 'none'; script-src ${hash(scripts[3]!)} ${hash(scripts[1]!)} ${hash(scripts[2]!)}; worker-src blob:; style-src 'sha256-`);
    expect(/script-src ([^;]*)/.exec(csp)![1]!.split(' ')).toHaveLength(3);
    expect(csp.match(/blob:/g)).toHaveLength(1);
    expect(csp).not.toMatch(/child-src|unsafe/);
  });

  it('embeds the data as JSON with < escaped, components and details packed a block a chunk', async () => {
    const raw = doc.getElementById('mm-data')!.textContent!;
    expect(raw).not.toMatch(/[<>]/);
    expect(JSON.parse(raw)).not.toHaveProperty('components');
    const encoded = readPageData(doc);
    expect(encoded.encoding).toBe('tables-deflate-base64-chunks');
    expect(encoded.components.length).toBe(Math.ceil(N.components / encoded.chunkSize));
    for (const chunk of [...encoded.lightStrings, ...encoded.detailStrings, ...encoded.components, ...encoded.details]) expect(chunk).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const { data, detail } = await loadDashboardData(encoded);
    expect(data.today).toBe('2026-11-24');
    expect(data.components.map((c) => c.name)).toContain("<img src=x onerror=alert('xss-name')> Status Widget");
    expect(data.components).toHaveLength(N.components);
    expect(data.cycles).toHaveLength(1);
    // The light component has no criteria; its card's detail has them.
    const withCriteria = data.components.find((c) => c.note.transitions.some((t) => t.total > 0))!;
    expect(withCriteria.note.transitions.every((t) => t.items.length === 0)).toBe(true);
    expect(detail(withCriteria.id)!.note.transitions.some((t) => t.items.length > 0)).toBe(true);
  });

  it('keeps the page’s first script small: no graph layout, no parser or schema library in it', () => {
    // The script that runs as the page opens: the data's tables, the board, table, timeline and
    // cards, the core they read (112 KB in session 23), and since session 24 the graph's notice over
    // 2,000 components with its controls (4 KB) and the layout worker's client, which starts the
    // worker once the page is idle (2.5 KB): 118 KB. Its compile is most of its evaluation
    // (benchmarks.md, sessions 22 and 23), so the graph's code is not in it: d3-dag's marker is only
    // in the layout block, the graph view's drawing (its node layer) only in the graph script; the
    // notice over 2,000 components and its controls are here (graph-notice.ts). A parser or schema
    // library would be tens of KB. Session 28 added 1 KB: the grid cards laid out ahead
    // (card-warm.ts), the inflate worker's buffers handed back and chunks decoded as they are read.
    // Session 29 0.9 KB: the core's visibleText (text.ts, which the stages' heading reader uses) and
    // the inflate worker's start and answers as functions of their own (the script is not minified).
    const first = readFileSync(join(ROOT, 'dist/dashboard/dashboard.js'), 'utf8');
    expect(first.length).toBeLessThan(124 * 1024);
    for (const marker of ['d3dagBuiltin', 'mm-graph-nodes']) expect(first).not.toContain(marker);
    // zod comes with core/query.ts; the views sort with core/text.ts instead.
    expect(first).not.toContain('ZodError');
  });

  it('keeps the graph script to the graph view: no d3-dag, no layout', () => {
    // Compiled only when the Graph tab is first drawn: the graph view (24 KB). It held d3-dag too
    // (113 KB, 149 KB in all in session 23), for when no worker can start; that fallback runs the
    // layout block instead. What the first script holds (the DOM helpers, the stages, the core's
    // text, the graph's toolbar) it takes from it.
    const graph = readFileSync(join(ROOT, 'dist/dashboard/dashboard-graph.js'), 'utf8');
    expect(graph.length).toBeLessThan(30 * 1024);
    expect(graph).toContain('mm-graph-nodes');
    for (const marker of ['d3dagBuiltin', 'ZodError']) expect(graph).not.toContain(marker);
  });

  it('keeps the layout block to the layout: d3-dag and our operators, no view and no DOM', () => {
    // A text block of the page (121 KB in session 23): the layout worker's code, started from a Blob
    // URL with the first layout, or run as a script of the page where no worker can start.
    const worker = readFileSync(join(ROOT, 'dist/dashboard/dashboard-layout-worker.js'), 'utf8');
    expect(worker.length).toBeLessThan(126 * 1024);
    for (const marker of ['d3dagBuiltin', 'laid-out', 'mmLayoutBlock']) expect(worker).toContain(marker);
    for (const marker of ['mm-graph-nodes', 'document', 'mmGraphPageModules']) expect(worker).not.toContain(marker);
  });

  it('holds d3-dag once: in the layout block', () => {
    // d3-dag's code, by two of its markers, appears once in the whole page (twice in session 23:
    // the graph script kept a copy for when no worker can start).
    for (const marker of ['d3dagBuiltin', 'sugiyama']) {
      const blocks = [...doc.querySelectorAll('script')].filter((s) => s.textContent!.includes(marker)).map((s) => s.id);
      expect(blocks, marker).toEqual(['mm-layout-worker']);
    }
    const block = readFileSync(join(ROOT, 'dist/dashboard/dashboard-layout-worker.js'), 'utf8');
    expect(html.split('d3dagBuiltin').length).toBe(block.split('d3dagBuiltin').length);
  });
});

describe('dashboard with a note whose title closes the script element', () => {
  const vault = tempVault({ 'a.md': note(HOSTILE, 'Staging', ['B']), 'b.md': note('B', 'Production') });
  const result = run('dashboard', vault, '--today', TODAY, '--title', '</title><script>alert(1)</script>');
  const doc = parse(result.stdout);

  it('writes to standard output and stays one data block, two scripts and the layout worker', () => {
    expect(result.code).toBe(0);
    const { scripts, chunks } = scriptsOf(doc);
    expect(scripts).toHaveLength(4);
    expect(doc.title).toBe('</title><script>alert(1)</script>');
    expect(result.stdout.match(/<\/script>/g)).toHaveLength(4 + chunks.length);
  });

  it('gives the hostile name back intact from the JSON', async () => {
    const { data } = await loadDashboardData(readPageData(doc));
    expect(data.components.map((c) => c.name)).toContain('Evil "] --> n0; click n0 "javascript:alert(1)" \\N \\" | bold x l c $m$ </script><script>window.__mmXss=9</script>');
  });

  it('escapes every character that could end or comment the block', () => {
    expect(scriptSafeJSON({ a: '</script><!-- & \u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
  });
});

describe('dashboard of notes written outside ASCII', () => {
  // Chromium decodes an ASCII page to one-byte text; one character beyond made the whole 6 MB page
  // of a 10k vault two-byte, and the task that decodes it twice as long (benchmarks.md, session 21).
  const names = ['Zahlungsdienst – Über', 'Café ≥ 99.9%', 'ε-сервис 支付'];
  const vault = tempVault({ 'a.md': note(names[0]!, 'Staging', [names[1]!]), 'b.md': note(names[1]!, 'Production', [names[2]!]), 'c.md': note(names[2]!, 'Development') });
  const result = run('dashboard', vault, '--today', TODAY, '--title', 'Plattform — Übersicht 🚀');
  const doc = parse(result.stdout);

  it('writes a page of ASCII bytes only', () => {
    expect(result.code).toBe(0);
    const outside = [...Buffer.from(result.stdout, 'utf8')].filter((byte) => byte > 0x7f);
    expect(outside).toHaveLength(0);
  });

  it('gives every name and the title back as written', async () => {
    expect(doc.title).toBe('Plattform — Übersicht 🚀');
    const { data } = await loadDashboardData(readPageData(doc));
    expect(data.components.map((c) => c.name).sort()).toEqual([...names].sort());
  });

  it('escapes a script’s characters to the same characters, a backslash of their own included', () => {
    // What esbuild leaves: characters in regular expressions, here also behind an identity escape.
    const script = "globalThis.mmAscii = [/\\≥\\s*$/.test('≥ '), /[–—]+/u.exec('a—–b')[0], '\\é', /🚀/u.test('🚀'), /\\\\é/.test('\\\\é')];";
    const page = dashboardHtml(encodeDashboardData(dashboardData(createIndex({}), 'vault')), { script, graphScript: '', layoutWorker: '', css: '' });
    const escaped = /<script>(.*)<\/script>/.exec(page)![1]!;
    expect(escaped).toMatch(/^[\x20-\x7e]*$/);
    const results = (text: string) => {
      new Function(text)();
      return (globalThis as unknown as { mmAscii: unknown[] }).mmAscii;
    };
    expect(results(escaped)).toEqual(results(script));
    expect(results(escaped)).toEqual([true, '—–', 'é', true, true]);
  });
});

describe('dashboard of a generated 1k-note vault', () => {
  // Chromium's HTML parser takes an element's text as one token and yields only between tokens: the
  // data in one block (0.63 MB at 1k, 5.9 MB at 10k) ended in one task of 34-58 ms of CPU at 10k,
  // the text node made of it (benchmarks.md, session 27). Every block here is at most the page's
  // largest script (the layout block, 126 KB at most: the budget above).
  const BLOCK_TEXT_MAX = 128 * 1024;
  const notes: Record<string, string> = {};
  for (const note of generateNotes({ notes: 1000, seed: 1 })) notes[note.path] = note.text;
  const output = join(tmpdir(), `mm-dashboard-1k-${process.pid}.html`);
  const result = run('dashboard', tempVault(notes), '--today', TODAY, '-o', output);
  const html = readFileSync(output, 'utf8');
  const doc = parse(html);

  it('writes no element the parser takes whole above 128 KB, and stays under 3 MB', () => {
    expect(result.code).toBe(0);
    expect(Buffer.byteLength(html)).toBeLessThan(3 * 1024 * 1024);
    const { scripts, chunks } = scriptsOf(doc);
    const oversized = [...scripts, ...chunks].filter((s) => s.textContent!.length > BLOCK_TEXT_MAX).map((s) => `${s.id || 'script'}: ${s.textContent!.length}`);
    expect(oversized).toEqual([]);
    expect(chunks.length).toBeGreaterThan(20);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelector('style')!.textContent!.length).toBeLessThan(BLOCK_TEXT_MAX);
  });

  it('gives every component back from the blocks', async () => {
    const components = Number(/\((\d+) components/.exec(result.stderr)?.[1]);
    expect(components).toBeGreaterThan(800);
    const { data, detail } = await loadDashboardData(readPageData(doc));
    expect(data.components).toHaveLength(components);
    const last = data.components[components - 1]!;
    expect(detail(last.id)!.name).toBe(last.name);
  });
});
