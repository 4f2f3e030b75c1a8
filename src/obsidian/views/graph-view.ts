// The dependency graph view: every component, or one component and its neighbourhood ("show graph
// for this component"). The focus is part of the view state, so it survives a restart.
import { ItemView, type ViewStateResult, type WorkspaceLeaf } from 'obsidian';
import { closure, invert } from '../../core/index';
import type { Host } from '../host';
import { keepLive, summaryFingerprint, type LiveHandle } from '../live';
import { renderGraph } from '../render-kit';

export const GRAPH_VIEW = 'maturity-map-graph';

/** How many dependency hops around the focused component are shown. */
const FOCUS_DEPTH = 2;

export class GraphView extends ItemView {
  private focus: string | null = null;
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
    this.handle?.refresh(true);
    await super.setState(state, result);
  }

  /** The ids drawn: all components, or the focused one with its neighbourhood both ways. */
  private visibleIds(): string[] {
    const index = this.host.indexer.index;
    if (!this.focus || !index.component(this.focus)) return index.ids();
    const edges = index.edges();
    const keep = new Set([this.focus]);
    for (const id of closure(this.focus, edges, FOCUS_DEPTH).keys()) keep.add(id);
    for (const id of closure(this.focus, invert(index.ids(), edges), FOCUS_DEPTH).keys()) keep.add(id);
    return index.ids().filter((id) => keep.has(id));
  }

  override async onOpen(): Promise<void> {
    this.contentEl.addClass('maturity-map-graph-view');
    const canvas = this.contentEl.createDiv({ cls: 'maturity-map-graph-body' });
    this.handle = keepLive(this, canvas, this.host.indexer, {
      fingerprint: () => {
        const index = this.host.indexer.index;
        const ids = this.visibleIds();
        const edges = index.edges();
        return [this.focus ?? '', this.host.indexer.progress.phase, ...ids.map((id) => `${summaryFingerprint(index.component(id)!)}>${(edges.get(id) ?? []).join(',')}`)].join('\u0002');
      },
      draw: (target) => {
        const ids = this.visibleIds();
        if (ids.length === 0) {
          target.createDiv({ cls: 'maturity-map-empty', text: this.host.indexer.progress.phase === 'ready' ? 'No components yet.' : 'Indexing the vault…' });
          return;
        }
        renderGraph(target, ids, this.host.viewContext(''));
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
