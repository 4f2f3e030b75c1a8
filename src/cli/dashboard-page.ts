// The standalone dashboard page: one HTML file with the styles, the data and the script inline.
// The data (src/core/dashboard-data.ts: light components, and details the page unpacks when a
// card opens) is put in tables (src/cli/dashboard-tables.ts), deflated and base64-encoded a chunk at
// a time, each chunk in a text block of its own after a JSON block that says how many there are
// (`pageDataBlocks`): the JSON with `<`, `>` and `&` escaped and the chunks base64, so no note text
// can close a block; a Content-Security-Policy allows only this
// page's own scripts and styles (by hash) and no network at all, so even injected markup could
// neither run nor call home. Two scripts: the first runs as the page opens; the graph's (the graph
// view) is a text block the first runs as an inline script of its own when the Graph tab is first
// drawn (src/render/dashboard/graph-script.ts), allowed by its hash too. A third text block, the
// layout block, holds the graph layout (d3-dag), which the graph script starts as a worker from a
// Blob URL (the policy's `worker-src blob:`, docs/security.md), or runs as an inline script where
// no worker can start (its hash).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { DASHBOARD_CHUNK_LISTS, DASHBOARD_CHUNK_SIZE, DASHBOARD_STRING_CHUNK, type DashboardData, type DashboardPageHeader, type EncodedDashboardData } from '../core/dashboard-data';
import { DATA_ID, dataChunkId, GRAPH_SCRIPT_ID, LAYOUT_WORKER_ID } from '../render/dashboard/page-block-ids';
import { valueTables } from './dashboard-tables';
import { jsonText, visible } from './terminal';

export interface DashboardAssets {
  /** The script that runs as the page opens. */
  script: string;
  /** The graph's script, run when the Graph tab is first drawn. */
  graphScript: string;
  /** The layout block: the graph layout worker's code, started from a Blob URL, or run on the page where no worker can start. */
  layoutWorker: string;
  css: string;
}

/** The built dashboard scripts and styles, next to the CLI bundle in dist/. */
export function readDashboardAssets(base = new URL('../dashboard/', import.meta.url)): DashboardAssets {
  const files = ['dashboard.js', 'dashboard-graph.js', 'dashboard-layout-worker.js', 'dashboard.css'].map((name) => fileURLToPath(new URL(name, base)));
  const missing = files.find((file) => !existsSync(file));
  if (missing) throw new Error(`the dashboard assets are missing (${missing}); run "npm run build" first`);
  const [script, graphScript, layoutWorker, css] = files.map((file) => readFileSync(file, 'utf8')) as [string, string, string, string];
  return { script, graphScript, layoutWorker, css };
}

/**
 * JSON that is safe inside a <script> element: no `<`, `>`, `&` or line separators left raw, and
 * no control character either (`jsonText`), so the page printed to a terminal moves nothing.
 */
export function scriptSafeJSON(value: unknown): string {
  return asciiEscapes(
    jsonText(value, 0)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026'),
  );
}

/**
 * Every character outside ASCII as `\uXXXX` (UTF-16 units, so a pair for one beyond the BMP): the
 * same value in a JSON string and the same character in a regular expression (a pair is one code
 * point under the `u` flag). A character escaped by a backslash of its own (`\≥` in a string or a
 * regular expression means `≥`) loses that backslash, so it is not read as a backslash and "u…".
 * The page stays ASCII, which Chromium decodes to one-byte text: one em dash in the 6 MB page of a
 * 10k vault made the whole document two-byte, and the task that decodes it took twice as long
 * (benchmarks.md, session 21).
 */
function asciiEscapes(text: string): string {
  return text.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes: string, unit: string) => `${slashes.length % 2 === 1 ? slashes.slice(1) : slashes}\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for the page's HTML, ASCII only (a character beyond it as a numeric reference). */
function asciiHtml(text: string): string {
  return escapeHtml(text).replace(/[\u{80}-\u{10ffff}]/gu, (character) => `&#${character.codePointAt(0)!};`);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Inline code must not contain what would end its element early. */
function checkInline(code: string, closing: RegExp, what: string): string {
  if (closing.test(code)) throw new Error(`the built dashboard ${what} contains a sequence that would end its element early`);
  return code;
}

/** JSON, raw-deflated, base64: what the page inflates (src/render/dashboard/data.ts). */
function packed(value: unknown): string {
  return deflateRawSync(Buffer.from(jsonText(value, 0), 'utf8'), { level: 9 }).toString('base64');
}

/** A list packed a chunk at a time (see EncodedDashboardData). */
function packedChunks(values: readonly unknown[], size: number): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < values.length; at += size) chunks.push(packed(values.slice(at, at + size)));
  return chunks;
}

/** Strings packed in chunks of about `budget` characters each. */
function packedStrings(strings: readonly string[], budget: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  let characters = 0;
  strings.forEach((text, i) => {
    characters += text.length;
    if (characters < budget && i < strings.length - 1) return;
    chunks.push(packed(strings.slice(start, i + 1)));
    start = i + 1;
    characters = 0;
  });
  return chunks;
}

/** The data as the page embeds it: components and details as tables, packed apart, in chunks. */
export function encodeDashboardData(data: DashboardData, chunkSize = DASHBOARD_CHUNK_SIZE, stringChunk = DASHBOARD_STRING_CHUNK): EncodedDashboardData {
  const { components, details, ...rest } = data;
  const tables = valueTables(components, details);
  const tabledComponents = components.map(tables.table);
  const tabledDetails = details.map(tables.table);
  return {
    ...rest,
    encoding: 'tables-deflate-base64-chunks',
    chunkSize,
    shapes: tables.shapes,
    lightStrings: packedStrings(tables.lightStrings, stringChunk),
    detailStrings: packedStrings(tables.detailStrings, stringChunk),
    components: packedChunks(tabledComponents, chunkSize),
    details: packedChunks(tabledDetails, chunkSize),
  };
}

/** One of the page's data blocks: a `<script>` element the browser neither compiles nor runs. */
export interface PageDataBlock {
  id: string;
  type: 'application/json' | 'text/plain';
  text: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The data as the page's blocks: its header (the JSON, without the chunks), then each chunk in a
 * text block of its own. Chromium's HTML parser takes an element's text as one token and yields
 * only between tokens: the data as one 6 MB block ended in one task of 34–58 ms of CPU at 10k
 * (the text node made of it); chunks of at most tens of KB are parsed a few at a time between
 * other tasks (benchmarks.md, session 27). Base64 cannot close its element.
 */
export function pageDataBlocks(data: EncodedDashboardData): PageDataBlock[] {
  const { lightStrings, components, detailStrings, details, ...rest } = data;
  const lists = { lightStrings, components, detailStrings, details };
  const chunkCounts = { lightStrings: lightStrings.length, components: components.length, detailStrings: detailStrings.length, details: details.length };
  const header: DashboardPageHeader = { ...rest, chunkCounts };
  const blocks: PageDataBlock[] = [{ id: DATA_ID, type: 'application/json', text: scriptSafeJSON(header) }];
  for (const list of DASHBOARD_CHUNK_LISTS) {
    lists[list].forEach((chunk, k) => {
      if (!BASE64.test(chunk)) throw new Error(`the dashboard's ${list} chunk ${k} is not base64`);
      blocks.push({ id: dataChunkId(list, k), type: 'text/plain', text: chunk });
    });
  }
  return blocks;
}

export function dashboardHtml(data: EncodedDashboardData, assets: DashboardAssets, title = `Maturity Map — ${data.root}`): string {
  // ASCII as the rest of the page: esbuild already writes strings and names with escapes; what it
  // leaves are characters in regular expressions (the readiness criteria's `≥`, `≤`, `−`).
  const script = checkInline(asciiEscapes(assets.script), /<\/script|<!--/i, 'script');
  const graphScript = checkInline(asciiEscapes(assets.graphScript), /<\/script|<!--/i, 'graph script');
  const layoutWorker = checkInline(asciiEscapes(assets.layoutWorker), /<\/script|<!--/i, 'layout worker');
  const css = checkInline(assets.css, /<\/style/i, 'styles');
  // A worker only from a Blob URL, which only our own (hashed) graph script makes, from our block;
  // the same block may run as a script of the page where no worker can start (its hash).
  const csp = [`default-src 'none'`, `script-src ${sha256(script)} ${sha256(graphScript)} ${sha256(layoutWorker)}`, `worker-src blob:`, `style-src ${sha256(css)}`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return `<!doctype html>
<html lang="en" data-mm-theme="auto">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="generator" content="maturity-map">
<title>${asciiHtml(visible(title))}</title>
<style>${css}</style>
</head>
<body class="mm mm-standalone-page">
<main id="mm-app"><noscript>This dashboard needs JavaScript. Run "maturity-map report &lt;dir&gt;" for a static Markdown report.</noscript></main>
${pageDataBlocks(data).map((block) => `<script type="${block.type}" id="${block.id}">${block.text}</script>\n`).join('')}<script type="text/plain" id="${GRAPH_SCRIPT_ID}">${graphScript}</script>
<script type="text/plain" id="${LAYOUT_WORKER_ID}">${layoutWorker}</script>
<script>${script}</script>
</body>
</html>
`;
}
