// The dependency graph view: the shared graph over every component, or focused on one ("show
// graph for this component"). The focus is part of the view state, so it survives a restart.
import { ItemView, type ViewStateResult, type WorkspaceLeaf } from 'obsidian';
import { renderGraph, type GraphView as SharedGraph } from '../../render/index';
import { DEFAULT_HOPS, graphPrint, graphScope, type GraphScope } from '../../render/graph/scope';
import { MAX_GRAPH_COMPONENTS } from '../../render/graph/view';
import type { Host } from '../host';
import type { ViewContext } from '../render-kit';
import type { MaturityIndex } from '../../core/index';
import { buildViewsInSlices } from '../../plugin-cache/view-slices';
import { OBSIDIAN_SLICING, yieldToUI } from '../index/slices';
import { hoverParentOf } from '../links';
import { keepLive, type LiveHandle } from '../live';

export const GRAPH_VIEW = 'maturity-map-graph';

/**
 * Components the focus menu names as the view opens; above, it is filled when the reader opens it
 * (render/graph/view.ts). The shared default, 300, put 280 `<option>`s in the first draw's task at
 * 300 notes: 8–21 ms in Chromium, and most of a 43–65 ms task in the harness, whose `<select>`
 * re-reads every option as each is placed.
 */
const FOCUS_MENU_AT_ONCE = 100;

export class GraphView extends ItemView {
  private focus: string | null = null;
  private graph: SharedGraph | null = null;
  private handle: LiveHandle | null = null;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: Host,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return GRAPH_VIEW;
  }

  getDisplayText(): string {
    const name = this.focus ? this.host.indexer.index.entry(this.focus)?.identity.name : null;
    return name ? `Dependencies of ${name}` : 'Dependency graph';
  }

  override getIcon(): string {
    return 'git-fork';
  }

  override getState(): Record<string, unknown> {
    return { ...super.getState(), focus: this.focus };
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const focus = state && typeof state === 'object' ? (state as { focus?: unknown }).focus : null;
    this.focus = typeof focus === 'string' && focus !== '' ? focus : null;
    if (this.graph) this.graph.focus(this.focus && this.host.indexer.index.component(this.focus) ? this.focus : null);
    await super.setState(state, result);
  }

  override async onOpen(): Promise<void> {
    this.contentEl.addClass('maturity-map-graph-view');
    const body = this.contentEl.createDiv({ cls: 'maturity-map-graph-body' });
    const indexer = this.host.indexer;
    let stagesShown = '';
    const stages = () => JSON.stringify(indexer.index.pipeline.stages);
    const print = this.drawnPrint();
    this.handle = keepLive(this, body, indexer, {
      // The views of the components in view, a slice at a time (none when only a notice is
      // shown); then the fingerprint, then the draw (keepLive gives it a task of its own), each in
      // a task of its own.
      prepare: async (cancelled) => {
        const index = indexer.index;
        const scope = this.inView();
        const stop = () => cancelled() || indexer.index !== index;
        if (scope.kind === 'graph' && !(await buildViewsInSlices(index, scope.ids, OBSIDIAN_SLICING, stop))) return false;
        await yieldToUI();
        if (stop()) return false;
        print();
        return !stop();
      },
      fingerprint: print,
      update: () => {
        if (!this.graph || stages() !== stagesShown) return false;
        this.graph.refresh();
        return true;
      },
      teardown: () => {
        this.graph?.destroy();
        this.graph = null;
      },
      draw: (target) => {
        stagesShown = stages();
        if (indexer.index.ids().length === 0) {
          target.createDiv({ cls: 'maturity-map-empty', text: indexer.progress.phase === 'ready' ? 'No components yet.' : 'Indexing the vault…' });
          return;
        }
        const focus = this.shownFocus();
        this.graph = renderGraph(this.context(), { ...(focus ? { focus } : {}), focusMenuAtOnce: FOCUS_MENU_AT_ONCE });
        target.append(this.graph.element);
      },
    });
  }

  private context(): ViewContext {
    return this.host.viewContext('', hoverParentOf(this));
  }

  /** The focus a new drawing starts from: the view state's, if it is still a component. */
  private shownFocus(): string | null {
    return this.focus && this.host.indexer.index.component(this.focus) ? this.focus : null;
  }

  /** What the graph draws now: its own (the reader may have focused it from its toolbar), else what a new one would. */
  private inView(): GraphScope {
    return this.graph?.scope() ?? graphScope(this.context(), this.host.indexer.index.ids(), { focus: this.shownFocus(), hops: DEFAULT_HOPS, maxComponents: MAX_GRAPH_COMPONENTS });
  }

  /**
   * The fingerprint: what the graph draws (graphPrint: its notice, or the model of the components
   * in view, and the focus menu's names), not the notes behind it, so an edit elsewhere in a note
   * does not lay the graph out again. A model of up to 2,000 components costs tens of
   * milliseconds: worked out in prepare's task of its own and kept for the index's revision.
   */
  private drawnPrint(): () => string {
    let kept: { index: MaturityIndex; revision: number; scope: string; print: string } | null = null;
    return () => {
      const index = this.host.indexer.index;
      const phase = this.host.indexer.progress.phase;
      const scope = this.inView();
      const key = `${phase}\u0002${scope.kind === 'graph' ? scope.ids.join('\u0000') : scope.total}`;
      if (kept?.index !== index || kept.revision !== index.revision() || kept.scope !== key) {
        kept = { index, revision: index.revision(), scope: key, print: `${phase}\u0002${graphPrint(this.context(), index.ids(), scope)}` };
      }
      return kept.print;
    };
  }

  override onResize(): void {
    this.handle?.refresh();
  }

  override async onClose(): Promise<void> {
    this.contentEl.empty();
  }
}
