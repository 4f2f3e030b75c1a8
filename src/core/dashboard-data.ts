// The standalone dashboard's data model (version 2): what `maturity-map dashboard` embeds and the
// page reads. A thousand components must paint within a second from a page of a few MB, so each
// component comes in two parts:
//   - `components`: the component as lists, boards, the graph, filters and the timeline see it —
//     a light note (stage, owner, group, dates, tags, properties, blockers, history, transitions
//     with their counts) and a light readiness (ready, backed, score, summary, observation);
//   - `details`: what only its card shows (criteria items, coverage, security,
//     performance, the note's own diagnostics…), joined on demand by `detailedComponent`, which
//     also computes the full readiness report in the page (it is the largest part of a card).
// Lists that would grow with the square of the vault are cut: a diagnostic names at most
// RELATED_SAMPLE related components (`relatedCount` has the total), so a 4,000-member cycle costs
// 4,000 entries, not 16 million. Views that need more of the note add it to `LIGHT_NOTE_FIELDS`
// (and the page grows) or read it from the detail.
import type { MaturityConfig, StageDefinition } from './settings/index';
import type { Component, Diagnostic, MaturityNote } from './model';
import type { MaturityIndex } from './vault-index';
import type { Readiness } from './readiness/types';
import { assessReadiness } from './readiness/assess';
import { createPipeline, type Pipeline } from './stages';
import { effectiveTransitions } from './transitions';
import { workCount } from './work-count';

export const DASHBOARD_DATA_VERSION = 2;

/** Related ids a diagnostic keeps in the page (the card never lists more). */
export const RELATED_SAMPLE = 8;

/** The parts of a note only its card shows. */
// Checklists outside transition sections are read by no view (the index does not even keep them).
export const DETAIL_NOTE_FIELDS = ['transitions', 'coverage', 'security', 'performance', 'placeholders', 'frontmatter', 'dependencies', 'diagnostics', 'otherStages'] as const;
export type DetailField = (typeof DETAIL_NOTE_FIELDS)[number];
export type ComponentDetail = Pick<MaturityNote, DetailField>;

export interface DashboardData {
  version: typeof DASHBOARD_DATA_VERSION;
  /** The folder or vault the data was taken from, for titles. */
  root: string;
  /** ISO date staleness, relative dates and readiness are measured from. */
  today: string;
  stages: StageDefinition[];
  /** Severity overrides of the settings: the page computes readiness with them. */
  severity: MaturityConfig['severity'];
  /** Dependency cycles (sorted ids per cycle); each component is in at most one. */
  cycles: string[][];
  /** Diagnostics about the vault as a whole (cycles, unreadable files). */
  diagnostics: Diagnostic[];
  /** Every component, light (see above), sorted by name as the index's `ids()`. */
  components: Component[];
  /** Per component, in the same order: what only its card shows. */
  details: ComponentDetail[];
}

function boundedDiagnostic(d: Diagnostic): Diagnostic {
  if (!d.related || d.related.length <= RELATED_SAMPLE) return d;
  return { ...d, related: d.related.slice(0, RELATED_SAMPLE), relatedCount: d.relatedCount ?? d.related.length };
}

/** What lists and boards read of the readiness report; the card computes the rest in the page. */
function lightReadiness(r: Readiness): Readiness {
  return {
    ...r,
    checks: [],
    coverage: { unit: null, integration: null },
    security: { critical: null, high: null, medium: null, low: null, lastScan: null, reviewStatus: null },
    performance: [],
    obstacles: [],
    unbacked: [],
  };
}

function lightComponent(c: Component): { light: Component; detail: ComponentDetail } {
  const note = c.note;
  const detail: ComponentDetail = {
    // Counts stay in the light note (progress bars, claims); the criteria themselves go to the card.
    transitions: note.transitions,
    coverage: note.coverage,
    security: note.security,
    performance: note.performance,
    placeholders: note.placeholders,
    frontmatter: note.frontmatter,
    dependencies: note.dependencies,
    diagnostics: note.diagnostics,
    otherStages: note.otherStages,
  };
  const lightNote: MaturityNote = {
    ...note,
    // Only the sections that count (chosen by their items, which the light note drops), so lists
    // pick the same ones as the card.
    transitions: effectiveTransitions(note.transitions).map((t) => ({ ...t, items: [] })),
    checklists: [],
    coverage: [],
    security: { critical: null, high: null, medium: null, low: null, lastScan: null, reviewStatus: null },
    performance: { current: {}, targets: {}, observedDays: null },
    placeholders: [],
    frontmatter: Object.create(null) as MaturityNote['frontmatter'],
    dependencies: [],
    diagnostics: [],
    otherStages: [],
  };
  const light: Component = {
    ...c,
    note: lightNote,
    diagnostics: c.diagnostics.map(boundedDiagnostic),
    ...(c.readiness ? { readiness: lightReadiness(c.readiness) } : {}),
  };
  return { light, detail };
}

/** The dashboard's data for an index (every component's view is built). */
export function dashboardData(index: MaturityIndex, root: string): DashboardData {
  const components: Component[] = [];
  const details: ComponentDetail[] = [];
  // One view at a time, for this use only (componentOnce): the light component and detail are what stay.
  for (const id of index.ids()) {
    const { light, detail } = lightComponent(index.componentOnce(id)!);
    components.push(light);
    details.push(detail);
  }
  return {
    version: DASHBOARD_DATA_VERSION,
    root,
    today: index.today(),
    stages: index.pipeline.stages,
    severity: index.config.severity,
    cycles: index.cycles(),
    diagnostics: index.vaultDiagnostics().map(boundedDiagnostic),
    components,
    details,
  };
}

/**
 * The component with everything its card shows: the light component, its detail, and the
 * readiness report computed here (as the index computes it). `byId` finds the other components
 * (their stage and name), for dependency checks.
 */
export function detailedComponent(light: Component, detail: ComponentDetail, context: { pipeline: Pipeline; today: string; severity: MaturityConfig['severity']; byId: ReadonlyMap<string, Component> }): Component {
  workCount.detailsJoined++;
  const note: MaturityNote = { ...light.note, ...detail };
  const readiness = light.readiness
    ? assessReadiness({
        note,
        pipeline: context.pipeline,
        today: context.today,
        dependencies: light.dependencies,
        stageOf: (id) => context.byId.get(id)?.note.stage?.id ?? null,
        nameOf: (id) => context.byId.get(id)?.name ?? id,
        severity: context.severity,
      })
    : undefined;
  return { ...light, note, ...(readiness ? { readiness } : {}) };
}

/** Check data read from a page: the version and the parts every view relies on. */
export function checkDashboardData(value: unknown): DashboardData {
  const data = value as Partial<DashboardData> | null;
  if (data === null || typeof data !== 'object') throw new Error('the embedded data is not an object');
  if (data.version !== DASHBOARD_DATA_VERSION) throw new Error(`unsupported data version ${String(data.version)}`);
  if (!Array.isArray(data.stages) || !Array.isArray(data.components) || !Array.isArray(data.cycles)) throw new Error('the embedded data lacks stages, components or cycles');
  if (!Array.isArray(data.details) || data.details.length !== data.components.length) throw new Error('the embedded data lacks the components’ details');
  if (typeof data.today !== 'string' || typeof data.root !== 'string') throw new Error('the embedded data lacks today or root');
  return { ...data, severity: data.severity ?? {}, diagnostics: Array.isArray(data.diagnostics) ? data.diagnostics : [] } as DashboardData;
}

export function dashboardPipeline(data: Pick<DashboardData, 'stages'>): Pipeline {
  return createPipeline(data.stages);
}

/** A value as tables (src/cli/dashboard-tables.ts): strings by number, numbers as digits, objects by shape. */
export type TabledValue = number | string | boolean | null | TabledValue[];

/**
 * As the page embeds it: every string once in a table and every object as its shape and values
 * (src/cli/dashboard-tables.ts, a page less than half the size of plain JSON's), then `components`
 * and `details` in chunks of `chunkSize`, the strings in chunks of about `DASHBOARD_STRING_CHUNK`
 * characters, each chunk a JSON array, raw-deflated and base64-encoded. The page inflates the light
 * strings and the components' chunks one task each to paint, and the detail strings and a detail's
 * chunk when its card opens: inflating and parsing 9,000 components at once was a task of over a second.
 */
export interface EncodedDashboardData extends Omit<DashboardData, 'components' | 'details'> {
  encoding: 'tables-deflate-base64-chunks';
  chunkSize: number;
  /** Each object shape's keys: a tabled object is [shape + 1, ...its values]. */
  shapes: string[][];
  /** The strings the components hold, numbered from 0 in chunk order. */
  lightStrings: string[];
  /** The strings only details hold, numbered on from the light ones. */
  detailStrings: string[];
  components: string[];
  details: string[];
}

/**
 * The lists of EncodedDashboardData the page holds a chunk an element, in the page's order: the
 * browser's HTML parser takes an element's text as one token, and a 6 MB data block was one task
 * of 34–58 ms of CPU at 10k when its token ended (benchmarks.md, session 27).
 */
export const DASHBOARD_CHUNK_LISTS = ['lightStrings', 'components', 'detailStrings', 'details'] as const;
export type DashboardChunkList = (typeof DASHBOARD_CHUNK_LISTS)[number];

/** The page's data block: the encoded data without its chunks, and how many each list has (each chunk a text block of its own). */
export interface DashboardPageHeader extends Omit<EncodedDashboardData, DashboardChunkList> {
  chunkCounts: Record<DashboardChunkList, number>;
}

/** Components a chunk holds: a chunk of details (the larger) inflates and parses in a few ms. */
export const DASHBOARD_CHUNK_SIZE = 100;

/** Characters of strings a chunk of the strings table holds, about: a few ms to inflate and parse. */
export const DASHBOARD_STRING_CHUNK = 200_000;
