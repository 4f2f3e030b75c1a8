// Reading the standalone dashboard's embedded data (src/core/dashboard-data.ts, version 2, as
// tables): the light strings and the light components are inflated to paint, a chunk a task; the
// detail strings and the details' chunks after the first paint, a chunk a task (or at once for a
// card, if sooner); a chunk of details is parsed when one of its cards first opens; and each
// component's detail is read back from its tables and joined (its readiness computed) when asked for.
// The chunks are inflated in a worker where one starts (inflate-worker.ts: the browser's inflater
// leaves Blink garbage the main thread sweeps later), else by the browser's own inflater
// (DecompressionStream) in the page; fflate, in script, where neither can (a card's chunk, strings
// a card asked for before the background inflation ended, an engine without `deflate-raw`),
// loaded with the data (script-inflate.ts: not while the page's script evaluates).
import { checkDashboardData, dashboardPipeline, detailedComponent, type ComponentDetail, type DashboardData, type EncodedDashboardData } from '../../core/dashboard-data';
import type { Component } from '../../core/index';
import type { WorkerHost } from '../graph/layout-worker';
import { workerInflater, type Inflater } from './inflate-worker';
import { untabled, type Tables } from './tables';

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

type InflateSync = (bytes: Uint8Array) => Uint8Array;
let scriptInflate: InflateSync | null = null;

/** fflate's inflate, its module evaluated by the first call (an import esbuild keeps lazy). */
async function loadScriptInflate(): Promise<InflateSync> {
  scriptInflate ??= (await import('./script-inflate')).inflateSync;
  return scriptInflate;
}

/** The inflate in script; loadDashboardData loaded it before handing out anything that calls this. */
function loadedScriptInflate(): InflateSync {
  if (!scriptInflate) throw new Error('the inflater in script is not loaded');
  return scriptInflate;
}

/** base64 → bytes → raw inflate (in script) → UTF-8 → JSON. */
function inflateJSONSync(base64: string): unknown {
  return JSON.parse(new TextDecoder().decode(loadedScriptInflate()(base64Bytes(base64))));
}

/** base64 → bytes → raw inflate → UTF-8, with the browser's inflater when it has one (several times faster), else in script. */
async function inflateText(base64: string): Promise<string> {
  const bytes = base64Bytes(base64);
  if (typeof DecompressionStream === 'function') {
    try {
      return await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
    } catch {
      // no `deflate-raw` here: inflate in script
    }
  }
  return new TextDecoder().decode((await loadScriptInflate())(bytes));
}

/**
 * Each chunk's text by its position: with a worker, every chunk `wanted` is posted to it at once (it
 * inflates them in order while the page parses the ones before); without one, or for a chunk it
 * could not answer, the chunk is inflated in the page when asked for.
 */
function chunkTexts(chunks: readonly string[], inflater: Inflater | null, wanted: (k: number) => boolean = () => true): (k: number) => Promise<string> {
  const posted = inflater ? chunks.map((chunk, k) => (wanted(k) ? inflater.chunk(chunk).catch(() => null) : null)) : null;
  // Decoded in the task that reads it: a text waiting in a promise outlived the young collections
  // and its browser string was freed with ~200 others in the first full collection (session 28).
  return async (k) => (await posted?.[k])?.text() ?? inflateText(chunks[k]!);
}

/** What the page works from: the checked data, with the details still packed until needed. */
export interface LoadedDashboard {
  data: Omit<DashboardData, 'details'>;
  /** The component with everything its card shows (its detail joined, readiness computed). */
  detail(id: string): Component | undefined;
  /** Inflate the detail strings and chunks ahead of the first card (the page calls it once the board is painted). */
  prefetch(): Promise<void>;
}

/** Give the thread back between chunks: each chunk's inflate and parse is its own short task. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function checkedChunk(value: unknown, expected: number): unknown[] {
  if (!Array.isArray(value) || value.length !== expected) throw new Error('the embedded data\u2019s chunks do not match');
  return value;
}

function checkedEncoding(encoded: EncodedDashboardData): void {
  if (encoded === null || typeof encoded !== 'object') throw new Error('the embedded data is not an object');
  if (encoded.encoding !== 'tables-deflate-base64-chunks') throw new Error(`unsupported data encoding ${String(encoded.encoding)}`);
  const { chunkSize, components, details, shapes, lightStrings, detailStrings } = encoded;
  const lists = [components, details, shapes, lightStrings, detailStrings];
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || !lists.every(Array.isArray) || components.length !== details.length) {
    throw new Error('the embedded data\u2019s chunks are malformed');
  }
}

function appendStrings(strings: string[], chunk: unknown): void {
  if (!Array.isArray(chunk) || !chunk.every((text) => typeof text === 'string')) throw new Error('the embedded data\u2019s strings are malformed');
  for (const text of chunk as string[]) strings.push(text);
}

/** Every chunk of the light strings, then of components, one task each, in order. */
async function inflateComponents(encoded: EncodedDashboardData, tables: Tables & { strings: string[] }, inflater: Inflater | null): Promise<unknown[]> {
  const stringsText = chunkTexts(encoded.lightStrings, inflater);
  const componentsText = chunkTexts(encoded.components, inflater);
  for (let k = 0; k < encoded.lightStrings.length; k++) {
    if (k > 0) await nextTask();
    appendStrings(tables.strings, JSON.parse(await stringsText(k)));
  }
  const out: unknown[] = [];
  for (let k = 0; k < encoded.components.length; k++) {
    await nextTask();
    const items: unknown = JSON.parse(await componentsText(k));
    if (!Array.isArray(items) || (k < encoded.components.length - 1 && items.length !== encoded.chunkSize)) throw new Error('the embedded data\u2019s chunks do not match');
    for (const item of items) out.push(untabled(item, tables));
  }
  return out;
}

/**
 * The detail strings and chunks, read when first needed: ahead of the first card (`ahead`), a
 * chunk a task, the strings and every chunk of details inflated to its text; for a card (`now`),
 * whatever of that is missing at once, and its chunk parsed. A chunk is parsed only when one of its
 * cards opens: parsing all of them ahead cost the open ~40 MB of arrays the garbage collector had
 * to copy, and inflating in script (fflate) when the cards tab opened more than doubled its CPU.
 */
function detailReader(encoded: EncodedDashboardData, strings: string[], chunkLength: (k: number) => number, inflater: Inflater | null) {
  let stringChunksRead = 0;
  const texts = new Map<number, string>();
  const chunks = new Map<number, unknown[]>();
  const stringsNow = () => {
    while (stringChunksRead < encoded.detailStrings.length) appendStrings(strings, inflateJSONSync(encoded.detailStrings[stringChunksRead++]!));
  };
  const parsed = (k: number): unknown[] => {
    const text = texts.get(k);
    texts.delete(k);
    return checkedChunk(text === undefined ? inflateJSONSync(encoded.details[k]!) : JSON.parse(text), chunkLength(k));
  };
  return {
    now(k: number): unknown[] {
      stringsNow();
      let chunk = chunks.get(k);
      if (!chunk) chunks.set(k, (chunk = parsed(k)));
      return chunk;
    },
    async ahead(): Promise<void> {
      const from = stringChunksRead;
      const stringsText = chunkTexts(encoded.detailStrings, inflater, (k) => k >= from);
      for (let k = from; k < encoded.detailStrings.length; k++) {
        if (stringChunksRead > k) continue;
        await nextTask();
        const chunk: unknown = JSON.parse(await stringsText(k));
        if (stringChunksRead === k) appendStrings(strings, chunk);
        stringChunksRead = Math.max(stringChunksRead, k + 1);
      }
      // Chunks a card already read are not posted: the page would decode their text for nothing.
      const detailsText = chunkTexts(encoded.details, inflater, (k) => !chunks.has(k) && !texts.has(k));
      for (let k = 0; k < encoded.details.length; k++) {
        if (chunks.has(k) || texts.has(k)) continue;
        await nextTask();
        // A chunk that does not inflate is left to its card, which shows the error.
        const text = await detailsText(k).catch(() => undefined);
        if (text !== undefined && !chunks.has(k)) texts.set(k, text);
      }
      // Every chunk is read: the worker has nothing more to do (a card inflates in script).
      inflater?.close();
    },
  };
}

export async function loadDashboardData(encoded: EncodedDashboardData): Promise<LoadedDashboard> {
  checkedEncoding(encoded);
  // Before anything that may inflate at once (a card opened by the URL's hash as the page mounts),
  // in a task of its own: fflate's tables are 6-8 ms, the task that parsed the page's data 12-20.
  await nextTask();
  await loadScriptInflate();
  const tables = { shapes: encoded.shapes, strings: [] as string[] };
  const inflater = typeof window === 'undefined' ? null : workerInflater(window as unknown as WorkerHost & { DecompressionStream?: unknown });
  const components = await inflateComponents(encoded, tables, inflater).catch((err: unknown) => {
    inflater?.close(); // the page shows why it cannot be drawn: nothing more to inflate
    throw err;
  });
  const size = encoded.chunkSize;
  // Checked with an empty detail list of the right length: the details are inflated later.
  const data = checkDashboardData({ ...encoded, components, details: new Array(components.length) });
  const pipeline = dashboardPipeline(data);
  const byId = new Map<string, Component>();
  const position = new Map<string, number>();
  data.components.forEach((c, i) => {
    byId.set(c.id, c);
    position.set(c.id, i);
  });
  const details = detailReader(encoded, tables.strings, (k) => Math.min(size, data.components.length - k * size), inflater);
  const joined = new Map<string, Component>();
  return {
    data,
    detail(id) {
      const at = position.get(id);
      if (at === undefined) return undefined;
      const known = joined.get(id);
      if (known) return known;
      const k = Math.floor(at / size);
      const detail = untabled(details.now(k)[at - k * size], tables) as ComponentDetail;
      const full = detailedComponent(data.components[at]!, detail, { pipeline, today: data.today, severity: data.severity, byId });
      joined.set(id, full);
      return full;
    },
    prefetch: () => details.ahead(),
  };
}
