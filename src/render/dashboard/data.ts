// Reading the standalone dashboard's embedded data (src/core/dashboard-data.ts, version 2): the
// light components are inflated to paint; the details are inflated the first time a card needs
// one, and each component is joined with its detail (and its readiness computed) when asked for.
import { inflateSync } from 'fflate';
import { checkDashboardData, dashboardPipeline, detailedComponent, type ComponentDetail, type DashboardData, type EncodedDashboardData } from '../../core/dashboard-data';
import type { Component } from '../../core/index';

/** base64 → bytes → raw inflate → UTF-8 → JSON. */
export function inflateJSON(base64: string): unknown {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return JSON.parse(new TextDecoder().decode(inflateSync(bytes)));
}

/** What the page works from: the checked data, with the details still packed until needed. */
export interface LoadedDashboard {
  data: Omit<DashboardData, 'details'>;
  /** The component with everything its card shows (its detail joined, readiness computed). */
  detail(id: string): Component | undefined;
}

export function loadDashboardData(encoded: EncodedDashboardData): LoadedDashboard {
  if (encoded.encoding !== 'deflate-base64') throw new Error(`unsupported data encoding ${String(encoded.encoding)}`);
  const components = inflateJSON(encoded.components);
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
      if (!details) {
        const inflated = inflateJSON(encoded.details);
        if (!Array.isArray(inflated) || inflated.length !== data.components.length) throw new Error('the embedded details do not match the components');
        details = inflated as ComponentDetail[];
      }
      const full = detailedComponent(data.components[at]!, details[at]!, { pipeline, today: data.today, severity: data.severity, byId });
      joined.set(id, full);
      return full;
    },
  };
}
