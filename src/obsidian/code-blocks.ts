// ```maturity``` (one component's card) and ```maturity-query``` (components matching options,
// as a table, list, board or graph). Options are `key: value` lines validated by the core's zod
// schema; a mistake is shown in place of the block, never thrown.
import { MarkdownRenderChild, type Component, type MarkdownPostProcessorContext } from 'obsidian';
import * as z from 'zod/mini';
import { lazy, parseQueryLines, parseQueryOptions, type Component as MaturityComponent, type ComponentQuery, type Pipeline } from '../core/index';
import type { Host } from './host';
import { hoverParentOf, wireInternalLinks } from './links';
import { componentFingerprint, keepLive, neighbourFingerprint, summaryFingerprint, type LiveHandle } from './live';
import { frameSlicing } from '../render/pages';
import { renderCard, renderErrors, renderResults, type GraphView, type ViewContext } from './render-kit';
import { prepareQuery, queryOrder, type QueryAnswer, type RowOrder } from './view-prep';

const cardOptions = lazy(() => z.strictObject({ component: z.optional(z.string().check(z.trim(), z.minLength(1))) }));

/** The block's component: `component: Name` (by name, alias or path), else the note the block is in. */
function cardTarget(host: Host, name: string | undefined, sourcePath: string): string | null {
  if (name === undefined) return sourcePath;
  return host.indexer.index.lookup(name.replace(/^\[\[|\]\]$/g, ''));
}

/**
 * The path of the note a block is in, read live: `ctx.sourcePath` is a string captured at render
 * time, but Obsidian keeps rendered sections across a rename and renames the TFile in place.
 */
export function livePath(host: Host, sourcePath: string): () => string {
  const file = host.app.vault.getFileByPath(sourcePath);
  return () => file?.path ?? sourcePath;
}

/** A render child for `root` that clears it when unloaded (by the app, or with the plugin). */
function adoptChild(host: Host, root: HTMLElement, ctx: MarkdownPostProcessorContext): MarkdownRenderChild {
  const child = new MarkdownRenderChild(root);
  child.register(() => root.empty());
  ctx.addChild(child);
  host.adopt(child);
  return child;
}

export function cardBlock(host: Host) {
  return (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
    const root = el.createDiv({ cls: 'maturity-map-block maturity-map-card-block' });
    const parsed = cardOptions().safeParse(parseQueryLines(source));
    if (!parsed.success) {
      renderErrors(root, 'maturity: invalid options', parsed.error.issues.map((i) =>
        i.code === 'unrecognized_keys' ? `Unknown option ${i.keys.map((k) => `"${k}"`).join(', ')}. Known: component.` : `${i.path.join('.') || 'options'}: expected a component name, alias or path.`,
      ));
      return;
    }
    const child = adoptChild(host, root, ctx);
    const wanted = parsed.data.component;
    const sourcePath = livePath(host, ctx.sourcePath);
    const hoverParent = hoverParentOf(child);
    wireInternalLinks(child, root, host.app, sourcePath);
    keepLive(child, root, host.indexer, {
      fingerprint: () => {
        const index = host.indexer.index;
        const id = cardTarget(host, wanted, sourcePath());
        const component = id ? index.component(id) : undefined;
        if (!component) return `missing\u0000${host.indexer.progress.phase}`;
        const around = [...component.dependencies.flatMap((d) => (d.id ? [d.id] : [])), ...component.dependents];
        return `${index.today()}\u0002${componentFingerprint(component)}\u0002${neighbourFingerprint(index, around)}`;
      },
      draw: (target) => {
        const id = cardTarget(host, wanted, sourcePath());
        const component = id ? host.indexer.index.component(id) : undefined;
        if (component) renderCard(target, component, host.viewContext(sourcePath(), hoverParent));
        else if (host.indexer.progress.phase !== 'ready') target.createDiv({ cls: 'maturity-map-pending', text: 'Indexing the vault…' });
        else renderErrors(target, 'maturity', [wanted ? `No component named "${wanted}".` : 'This note is not a component maturity note.']);
      },
    });
  };
}

export function queryBlock(host: Host) {
  return (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
    const root = el.createDiv({ cls: 'maturity-map-block maturity-map-query-block' });
    const parsed = parseQueryOptions(parseQueryLines(source));
    if (!parsed.ok) {
      renderErrors(root, 'maturity-query: invalid options', parsed.errors);
      return;
    }
    const child = adoptChild(host, root, ctx);
    mountQuery(child, root, host, parsed.query, livePath(host, ctx.sourcePath));
  };
}

/**
 * Stage names the pipeline does not know, as messages: a misspelt stage would otherwise match
 * nothing and read as "No components match". Checked at each draw, as the stages are settings.
 */
function unknownStages(pipeline: Pipeline, query: ComponentQuery): string[] {
  const known = pipeline.stages.map((s) => s.name).join(', ');
  return (query.stage ?? [])
    .filter((s) => !['unknown', 'none'].includes(s.toLowerCase()) && !pipeline.words.some((w) => w.word === s.toLowerCase()))
    .map((s) => `Unknown stage "${s}". Known stages: ${known} (or "unknown" for notes without one).`);
}

/** Rows a block draws first (as Logseq's blocks do), and how many more each "Show more" adds. */
const FIRST_ROWS = 25;
const FIRST_GRAPH_NODES = 100;
const MORE_ROWS = 50;
/**
 * Table rows a block draws a task, the next ones a frame later: 25 rows with their badges and
 * bars were one task of 25–55 ms in the harness (happy-dom) at 10k notes, and up to ~40 ms of
 * script, style and layout in Chromium (bench/obsidian/dom-compare.mjs).
 */
const ROWS_PER_TASK = 10;

/** The matches not drawn, as a button that draws more of them. */
function showMoreButton(target: HTMLElement, hidden: number, onPress: () => void): HTMLButtonElement {
  const button = target.createEl('button', { cls: 'maturity-map-show-more', text: `Show more (${hidden} not shown)`, attr: { type: 'button' } });
  button.addEventListener('click', onPress);
  return button;
}

/** What the block draws from: its result's order, its rows shown and what a press asked to focus next. */
interface QueryState {
  answer: QueryAnswer | null;
  order: RowOrder;
  rows: number;
  focus: 'more' | 'sort' | null;
}

/**
 * A live query result in a note. The query runs and the shown rows' views are built a slice at a
 * time (view-prep.ts) before the draw, which then builds none; a long result draws its first rows
 * and a "Show more" button. A table's header sorts the whole result, not the rows drawn: a press
 * runs the query again in that order (a run under way stops at its next slice) and draws its
 * first rows; "Show more" goes on in that order.
 */
export function mountQuery(owner: Component, el: HTMLElement, host: Host, query: ComponentQuery, sourcePath: () => string): LiveHandle {
  let graph: GraphView | null = null;
  const firstRows = query.view === 'graph' ? FIRST_GRAPH_NODES : FIRST_ROWS;
  const state: QueryState = { answer: null, order: queryOrder(query), rows: firstRows, focus: null };
  let handle: LiveHandle | null = null;
  const hoverParent = hoverParentOf(owner);
  const ctx = () => host.viewContext(sourcePath(), hoverParent);
  wireInternalLinks(owner, el, host.app, sourcePath);
  const shown = () => (state.answer?.shown ?? []).flatMap((id) => host.indexer.index.component(id) ?? []);
  // Until the block is drawn again (a sort over 10k may take a few slices), it says it is busy.
  const redraw = (focus: QueryState['focus']) => {
    state.focus = focus;
    el.setAttribute('aria-busy', 'true');
    handle?.refresh(true);
  };
  const actions: QueryActions = {
    more: () => {
      state.rows += MORE_ROWS;
      redraw('more');
    },
    sort: (order) => {
      state.order = order;
      state.rows = firstRows;
      redraw('sort');
    },
  };
  handle = keepLive(owner, el, host.indexer, {
    prepare: async (cancelled) => {
      state.answer = await prepareQuery(host.indexer, query, state.rows, cancelled, { order: state.order, ctx });
      return state.answer !== null;
    },
    teardown: () => {
      graph?.destroy();
      graph = null;
    },
    fingerprint: () => {
      const index = host.indexer.index;
      const results = shown();
      const ids = results.map((c) => c.id);
      const around = new Set(results.flatMap((c) => [...c.dependents, ...c.dependencies.flatMap((d) => (d.id ? [d.id] : []))]));
      return [host.indexer.progress.phase, index.today(), state.answer?.ids.length ?? 0, state.order.column, state.order.order, ...results.map(summaryFingerprint), neighbourFingerprint(index, [...ids, ...around])].join('\u0002');
    },
    draw: (target) => {
      target.removeAttribute('aria-busy');
      graph = drawQuery(target, host, query, shown(), state, ctx(), actions);
    },
  });
  return handle;
}

interface QueryActions {
  more: () => void;
  sort: (order: RowOrder) => void;
}

/** The block's result (or why there is none), its "Show more" button, and the focus a press asked for. */
function drawQuery(target: HTMLElement, host: Host, query: ComponentQuery, results: MaturityComponent[], state: QueryState, ctx: ViewContext, actions: QueryActions): GraphView | null {
  const unknown = unknownStages(host.indexer.index.pipeline, query);
  if (unknown.length > 0) {
    renderErrors(target, 'maturity-query: invalid options', unknown);
    return null;
  }
  if (results.length === 0) {
    target.createDiv({ cls: 'maturity-map-empty', text: host.indexer.progress.phase === 'ready' ? 'No components match.' : 'Indexing the vault…' });
    return null;
  }
  const slicing = frameSlicing(ctx.document, ROWS_PER_TASK, ctx.nextTask);
  const graph = renderResults(target, results, query.view ?? 'table', ctx, { sort: state.order, onSort: actions.sort, slicing });
  const hidden = (state.answer?.ids.length ?? 0) - (state.answer?.shown.length ?? 0);
  const button = hidden > 0 ? showMoreButton(target, hidden, actions.more) : null;
  // Pressed from the keyboard: the focus stays on what was pressed, drawn again.
  if (state.focus === 'more') button?.focus();
  if (state.focus === 'sort') target.querySelector<HTMLElement>(`th.mm-col-${state.order.column} button`)?.focus();
  state.focus = null;
  return graph;
}
