// The dashboard view: the shared dashboard (summary, filters, board / graph / table / cards tabs,
// details panel) over the live index. It refreshes in place (filters and tab kept) when what it
// shows changed, and only while it is visible.
import { ItemView, type WorkspaceLeaf } from 'obsidian';
import { renderDashboard } from '../../render/index';
import type { DashboardView as SharedDashboard } from '../../render/dashboard/dashboard';
import type { Host } from '../host';
import { hoverParentOf, wireInternalLinks } from '../links';
import { yieldToUI } from '../index/slices';
import { componentsOf } from '../render-kit';
import { prepareEveryView } from '../view-prep';
import { keepLive, summaryFingerprint, type LiveHandle } from '../live';

export const DASHBOARD_VIEW = 'maturity-map-dashboard';

export class DashboardView extends ItemView {
  private handle: LiveHandle | null = null;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: Host,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return DASHBOARD_VIEW;
  }

  getDisplayText(): string {
    return 'Maturity dashboard';
  }

  override getIcon(): string {
    return 'layout-dashboard';
  }

  override async onOpen(): Promise<void> {
    this.contentEl.addClass('maturity-map-dashboard');
    const status = this.contentEl.createDiv({ cls: 'maturity-map-status' });
    const body = this.contentEl.createDiv({ cls: 'maturity-map-dashboard-body' });
    const indexer = this.host.indexer;
    const hoverParent = hoverParentOf(this);
    wireInternalLinks(this, this.contentEl, this.app, () => '');
    const progress = () => {
      const p = indexer.progress;
      const unread = p.unreadable.map((u) => u.diagnostic.message).join(' ');
      status.toggleClass('is-empty', p.phase === 'ready' && unread === '');
      status.setText(p.phase === 'ready' ? unread : `Indexing ${p.done}/${p.total} notes…`);
    };
    this.registerEvent(indexer.onProgress(progress));
    progress();

    let dashboard: SharedDashboard | null = null;
    let stagesShown = '';
    const stages = () => JSON.stringify(indexer.index.pipeline.stages);
    this.handle = keepLive(this, body, indexer, {
      // Every view, a slice at a time: the first open after a start would build them all in one task.
      prepare: (cancelled) => prepareEveryView(indexer, cancelled, summaryFingerprint),
      fingerprint: () => [indexer.progress.phase, indexer.index.today(), ...componentsOf(indexer.index).map(summaryFingerprint)].join('\u0002'),
      update: () => {
        // A new stage pipeline (settings) needs a new dashboard: its filters list the stages.
        if (!dashboard || stages() !== stagesShown) return false;
        dashboard.refresh();
        return true;
      },
      teardown: () => {
        dashboard?.destroy();
        dashboard = null;
      },
      draw: (target) => {
        stagesShown = stages();
        // The board a task after the summary: at 10k components the two made one long task.
        dashboard = renderDashboard(this.host.viewContext('', hoverParent), { title: 'Component maturity', defer: (board) => void yieldToUI().then(board) });
        target.append(dashboard.element);
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
