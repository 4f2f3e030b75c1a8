// What every view reads (components, stages, the graph) and what it may ask of its host (open a
// note, preview it, add card sections). Two builders: one over a live MaturityIndex (Obsidian,
// Logseq) and one over a snapshot embedded as JSON (the standalone dashboard).
import { createPipeline } from '../core/stages';
import type { GraphLayouter } from './graph/layout-request';
import { documentClock } from './pages';
import type {
  Component,
  Diagnostic,
  GraphSource,
  IndexSnapshot,
  MaturityIndex,
  Pipeline,
  QuerySource,
  StageDefinition,
  StageId,
} from '../core/index';

/** An extra section a host appends to every component card (e.g. readiness); null to skip. */
export type CardSection = (component: Component, ctx: ViewContext) => HTMLElement | null;

/** What the host provides. Only `onOpen` is required. */
export interface ViewHost {
  /** The document to build elements in (Logseq: the parent frame's). Default: the global document. */
  document?: Document;
  /**
   * Open a component's note. Called on a plain click or Enter; `event` tells the host about
   * modifier keys (Obsidian: open in a new leaf), `line` is the 1-based line to show when known.
   */
  onOpen(id: string, event?: MouseEvent | KeyboardEvent, line?: number): void;
  /** A real href for component links (middle-click, copy link); default `#`. Also set as `data-href`. */
  href?(id: string): string | null;
  /** An extra class on component links (Obsidian: `internal-link`, so the app's link styles apply). */
  linkClass?: string;
  /** Hovering a component link (Obsidian: trigger its page preview). */
  onHover?(id: string, event: MouseEvent, target: HTMLElement): void;
  /** Sections appended to every card, in order. */
  cardSections?: CardSection[];
  /**
   * Lays the dependency graph out off the main thread (the plugins' Web Worker). Without it, or
   * when it rejects, the graph view lays out in its own task.
   */
  graphLayout?: GraphLayouter;
  /**
   * Continues in a new task, so input and paint come first (Obsidian: `scheduler.yield` or a
   * message; Logseq: the frame's timer). Default: a timer of the document's window.
   */
  nextTask?: () => Promise<void>;
  /**
   * Milliseconds, for the budgets of the parts a list is drawn in (pages.ts): a part ends once it
   * has run its budget. Default: the document's window's `performance.now`. Tests pass a clock
   * that counts what was drawn.
   */
  clock?: () => number;
}

export interface ViewContext extends QuerySource, GraphSource {
  readonly document: Document;
  /** The stage pipeline, least mature first. */
  readonly stages: readonly StageDefinition[];
  readonly pipeline: Pipeline;
  /** ISO date (YYYY-MM-DD) relative dates are measured from. */
  today(): string;
  /** Component ids sorted by name. */
  ids(): string[];
  component(id: string): Component | undefined;
  /**
   * A component's name without building its view (a live view costs ~150 µs; the standalone
   * page's joins its details): for links, menus and lists of every component. Undefined when
   * `id` is not a component.
   */
  nameOf(id: string): string | undefined;
  /**
   * A component's live stage without building its view, for the rows that name another component
   * (a card's dependencies and dependents): the standalone page's `component(id)` joins that
   * component's detail and computes its readiness. Undefined when `id` is not a component.
   */
  stageOf(id: string): StageId | null | undefined;
  components(): Component[];
  idsAtStage(stage: StageId | null): ReadonlySet<string>;
  /** Dependency edges, dependent → dependency ids. */
  edges(): ReadonlyMap<string, readonly string[]>;
  cycles(): string[][];
  /** Diagnostics about the vault as a whole (cycles). */
  vaultDiagnostics(): Diagnostic[];
  onOpen: ViewHost['onOpen'];
  href(id: string): string | null;
  linkClass: string;
  onHover: ViewHost['onHover'];
  cardSections: CardSection[];
  graphLayout: GraphLayouter | undefined;
  nextTask: () => Promise<void>;
  clock: () => number;
}

function hostDocument(host: ViewHost): Document {
  const doc = host.document ?? (globalThis as { document?: Document }).document;
  if (!doc) throw new Error('Maturity Map views need a Document: pass host.document outside a browser.');
  return doc;
}

/** A new task through the document's window's timer (or the global one, outside a browser window). */
function timerTask(doc: Document): () => Promise<void> {
  const timers: Pick<Window, 'setTimeout'> = doc.defaultView ?? globalThis;
  return () => new Promise<void>((resolve) => void timers.setTimeout(resolve, 0));
}

function hostParts(host: ViewHost) {
  const document = hostDocument(host);
  return {
    document,
    onOpen: host.onOpen,
    href: (id: string) => (host.href ? host.href(id) : null),
    linkClass: host.linkClass ?? '',
    onHover: host.onHover,
    cardSections: host.cardSections ?? [],
    graphLayout: host.graphLayout,
    nextTask: host.nextTask ?? timerTask(document),
    clock: host.clock ?? documentClock(document),
  };
}

/** Views over a live index: every call reads the index's current state. */
export function contextFromIndex(index: MaturityIndex, host: ViewHost): ViewContext {
  return {
    ...hostParts(host),
    stages: index.pipeline.stages,
    pipeline: index.pipeline,
    today: () => index.today(),
    ids: () => index.ids(),
    component: (id) => index.component(id),
    nameOf: (id) => {
      const entry = index.entry(id);
      return entry?.reason ? entry.identity.name : undefined;
    },
    stageOf: (id) => {
      const entry = index.entry(id);
      return entry?.reason ? (entry.note.stage?.id ?? null) : undefined;
    },
    components: () => index.components(),
    idsAtStage: (stage) => index.idsAtStage(stage),
    edges: () => index.edges(),
    cycles: () => index.cycles(),
    vaultDiagnostics: () => index.vaultDiagnostics(),
  };
}

/**
 * Views over a snapshot (`snapshotIndex` output, or the standalone dashboard's light components).
 * `detail` gives the whole component a card shows when the snapshot's components are light (the
 * dashboard joins its details on demand); lists, boards and filters read the snapshot's own.
 */
export function contextFromSnapshot(snapshot: Pick<IndexSnapshot, 'stages' | 'today' | 'components' | 'cycles' | 'diagnostics'>, host: ViewHost, detail?: (id: string) => Component | undefined): ViewContext {
  const pipeline = createPipeline(snapshot.stages);
  const byId = new Map<string, Component>();
  for (const c of snapshot.components) byId.set(c.id, c);
  const ids = snapshot.components.map((c) => c.id);
  const byStage = new Map<StageId | null, Set<string>>();
  const edges = new Map<string, string[]>();
  for (const c of snapshot.components) {
    const stage = c.note.stage?.id ?? null;
    let set = byStage.get(stage);
    if (!set) byStage.set(stage, (set = new Set()));
    set.add(c.id);
    const targets: string[] = [];
    for (const dep of c.dependencies) if (dep.id && byId.has(dep.id) && !targets.includes(dep.id)) targets.push(dep.id);
    edges.set(c.id, targets);
  }
  const empty: ReadonlySet<string> = new Set();
  return {
    ...hostParts(host),
    stages: snapshot.stages,
    pipeline,
    today: () => snapshot.today,
    ids: () => ids,
    component: detail ?? ((id) => byId.get(id)),
    nameOf: (id) => byId.get(id)?.name,
    stageOf: (id) => {
      const light = byId.get(id);
      return light ? (light.note.stage?.id ?? null) : undefined;
    },
    components: () => snapshot.components,
    idsAtStage: (stage) => byStage.get(stage) ?? empty,
    edges: () => edges,
    cycles: () => snapshot.cycles,
    vaultDiagnostics: () => snapshot.diagnostics,
  };
}
