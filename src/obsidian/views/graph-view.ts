// The dependency graph view: the shared graph over every component, or focused on one ("show
// graph for this component"). The focus is part of the view state, so it survives a restart.
import { ItemView, type ViewStateResult, type WorkspaceLeaf } from 'obsidian';
import { renderGraph, type GraphView as SharedGraph } from '../../render/index';
import type { Host } from '../host';
import { buildGraphModel, type MaturityIndex } from '../../core/index';
import { yieldToUI } from '../index/slices';
import { hoverParentOf } from '../links';
import { prepareEveryView } from '../view-prep';
import { keepLive, type LiveHandle } from '../live';

export const GRAPH_VIEW = 'maturity-map-graph';

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
    // What the graph draws (nodes with their stage, flags and cycle; edges), not the notes behind
    // it: an edit elsewhere in a note does not lay the graph out again. Its model of every
    // component costs tens of milliseconds at 2,000: worked out in a task of its own (below) and
    // kept for the revision of the index it was made from.
    let kept: { index: MaturityIndex; revision: number; phase: string; print: string } | null = null;
    const fingerprint = () => {
      const index = indexer.index;
      if (kept?.index === index && kept.revision === index.revision() && kept.phase === indexer.progress.phase) return kept.print;
      const model = buildGraphModel(index);
      kept = { index, revision: index.revision(), phase: indexer.progress.phase, print: JSON.stringify([indexer.progress.phase, model.nodes, model.edges]) };
      return kept.print;
    };
    this.handle = keepLive(this, body, indexer, {
      // Every view, a slice at a time (the first open after a start would build them all in one
      // task); then the fingerprint, then the draw, each in a task of its own.
      prepare: async (cancelled) => {
        if (!(await prepareEveryView(indexer, cancelled))) return false;
        await yieldToUI();
        if (cancelled()) return false;
        fingerprint();
        await yieldToUI();
        return !cancelled();
      },
      fingerprint,
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
        const focus = this.focus && indexer.index.component(this.focus) ? this.focus : undefined;
        this.graph = renderGraph(this.host.viewContext('', hoverParentOf(this)), focus ? { focus } : {});
        target.append(this.graph.element);
      },
    });
  }

  override onResize(): void {
    this.handle?.refresh();
  }

  override async onClose(): Promise<void> {
    this.contentEl.empty();
  }
}
