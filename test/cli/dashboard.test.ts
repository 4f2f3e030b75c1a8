// @vitest-environment happy-dom
// `maturity-map dashboard`: one self-contained page whose embedded data no note text can escape.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardHtml, encodeDashboardData, scriptSafeJSON } from '../../src/cli/dashboard-page';
import { dashboardData, type EncodedDashboardData } from '../../src/core/dashboard-data';
import { createIndex } from '../../src/core/index';
import { loadDashboardData } from '../../src/render/dashboard/data';
import { ROOT, TODAY } from '../helpers/vault';
import { exampleCounts, HOSTILE, note, run, tempVault } from './run';

const N = exampleCounts();

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
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

  it('inlines its styles and script and loads nothing from elsewhere', () => {
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/json', null]);
    expect(scripts.every((s) => !s.hasAttribute('src'))).toBe(true);
    expect(doc.querySelectorAll('link, img, iframe, object, embed')).toHaveLength(0);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    // The built script with what esbuild leaves outside ASCII (in regular expressions) escaped.
    const built = readFileSync(join(ROOT, 'dist/dashboard/dashboard.js'), 'utf8');
    expect(built).toMatch(/[\u0080-\uffff]/);
    expect(scripts[1]!.textContent).toBe(built.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`));
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    const hash = createHash('sha256').update(scripts[1]!.textContent!, 'utf8').digest('base64');
    expect(csp).toContain(`default-src 'none'; script-src 'sha256-${hash}'; style-src 'sha256-`);
  });

  it('embeds the data as JSON with < escaped, components and details packed', async () => {
    const raw = doc.getElementById('mm-data')!.textContent!;
    expect(raw).not.toMatch(/[<>]/);
    const encoded = JSON.parse(raw) as EncodedDashboardData;
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

  it('keeps the page script small (no parser or schema library in it)', () => {
    // ~243 KB: d3-dag (the graph layout) is 113 KB of it and cannot be tree-shaken; reading the
    // data's tables back (session 20) added 1.5 KB to a page 4 MB lighter at 10k; session 22's
    // tasks at 10k 1.8 KB (fflate loaded when the data needs it, the table sorted in a task of its
    // own, the timeline ranged as it is placed). A parser or schema library would be tens of KB.
    expect(statSync(join(ROOT, 'dist/dashboard/dashboard.js')).size).toBeLessThan(248 * 1024);
    // zod comes with core/query.ts; the views sort with core/text.ts instead.
    expect(readFileSync(join(ROOT, 'dist/dashboard/dashboard.js'), 'utf8')).not.toContain('ZodError');
  });
});

describe('dashboard with a note whose title closes the script element', () => {
  const vault = tempVault({ 'a.md': note(HOSTILE, 'Staging', ['B']), 'b.md': note('B', 'Production') });
  const result = run('dashboard', vault, '--today', TODAY, '--title', '</title><script>alert(1)</script>');
  const doc = parse(result.stdout);

  it('writes to standard output and stays one data block and one script', () => {
    expect(result.code).toBe(0);
    expect(doc.querySelectorAll('script')).toHaveLength(2);
    expect(doc.title).toBe('</title><script>alert(1)</script>');
    expect(result.stdout.match(/<\/script>/g)).toHaveLength(2);
  });

  it('gives the hostile name back intact from the JSON', async () => {
    const { data } = await loadDashboardData(JSON.parse(doc.getElementById('mm-data')!.textContent!) as EncodedDashboardData);
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
    const { data } = await loadDashboardData(JSON.parse(doc.getElementById('mm-data')!.textContent!) as EncodedDashboardData);
    expect(data.components.map((c) => c.name).sort()).toEqual([...names].sort());
  });

  it('escapes a script’s characters to the same characters, a backslash of their own included', () => {
    // What esbuild leaves: characters in regular expressions, here also behind an identity escape.
    const script = "globalThis.mmAscii = [/\\≥\\s*$/.test('≥ '), /[–—]+/u.exec('a—–b')[0], '\\é', /🚀/u.test('🚀'), /\\\\é/.test('\\\\é')];";
    const page = dashboardHtml(encodeDashboardData(dashboardData(createIndex({}), 'vault')), { script, graphScript: '', css: '' });
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
