// Reading the standalone dashboard's embedded data (src/core/dashboard-data.ts, version 2): the
// light components are inflated to paint; the details are inflated after the first paint (or the
// first time a card needs one, if sooner), and each component is joined with its detail (and its
// readiness computed) when asked for. The browser's own inflater (DecompressionStream) does the
// work where it can; fflate, in script, where it cannot (a card asked for before the background
// inflation ended, an engine without `deflate-raw`).
import { inflateSync } from 'fflate';
import { checkDashboardData, dashboardPipeline, detailedComponent, type ComponentDetail, type DashboardData, type EncodedDashboardData } from '../../core/dashboard-data';
import type { Component } from '../../core/index';

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** base64 → bytes → raw inflate (in script) → UTF-8 → JSON. */
export function inflateJSONSync(base64: string): unknown {
  return JSON.parse(new TextDecoder().decode(inflateSync(base64Bytes(base64))));
}

/** The same with the browser's inflater when it has one (several times faster), else in script. */
export async function inflateJSON(base64: string): Promise<unknown> {
  const bytes = base64Bytes(base64);
  let text: string | null = null;
  if (typeof DecompressionStream === 'function') {
    try {
      text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
    } catch {
      text = null; // no `deflate-raw` here: inflate in script
    }
  }
  return JSON.parse(text ?? new TextDecoder().decode(inflateSync(bytes)));
}

/** What the page works from: the checked data, with the details still packed until needed. */
export interface LoadedDashboard {
  data: Omit<DashboardData, 'details'>;
  /** The component with everything its card shows (its detail joined, readiness computed). */
  detail(id: string): Component | undefined;
  /** Inflate the details ahead of the first card (the page calls it once the board is painted). */
  prefetch(): Promise<void>;
}

function checkedDetails(value: unknown, count: number): ComponentDetail[] {
  if (!Array.isArray(value) || value.length !== count) throw new Error('the embedded details do not match the components');
  return value as ComponentDetail[];
}

export async function loadDashboardData(encoded: EncodedDashboardData): Promise<LoadedDashboard> {
  if (encoded === null || typeof encoded !== 'object') throw new Error('the embedded data is not an object');
  if (encoded.encoding !== 'deflate-base64') throw new Error(`unsupported data encoding ${String(encoded.encoding)}`);
  const components = await inflateJSON(encoded.components);
  let details: ComponentDetail[] | null = null;
  // Checked with an empty detail list of the right length: the details are inflated later.
  const data = checkDashboardData({ ...encoded, components, details: Array.isArray(components) ? new Array(components.length) : null });
  const pipeline = dashboardPipeline(data);
  const byId = new Map<string, Component>();
  const position = new Map<string, number>();
  data.components.forEach((c, i) => {
    byId.set(c.id, c);
    position.set(c.id, i);
  });
  const joined = new Map<string, Component>();
  return {
    data,
    detail(id) {
      const at = position.get(id);
      if (at === undefined) return undefined;
      const known = joined.get(id);
      if (known) return known;
      details ??= checkedDetails(inflateJSONSync(encoded.details), data.components.length);
      const full = detailedComponent(data.components[at]!, details[at]!, { pipeline, today: data.today, severity: data.severity, byId });
      joined.set(id, full);
      return full;
    },
    async prefetch() {
      if (details) return;
      const inflated = checkedDetails(await inflateJSON(encoded.details), data.components.length);
      details ??= inflated;
    },
  };
}
