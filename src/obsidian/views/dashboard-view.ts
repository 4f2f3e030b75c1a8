// The dashboard view: the shared dashboard (summary, filters, board / graph / table / cards tabs,
// details panel) over the live index. It refreshes in place (filters and tab kept) when what it
// shows changed, and only while it is visible.
import { ItemView, type WorkspaceLeaf } from 'obsidian';
import { renderDashboard } from '../../render/index';
import type { DashboardView as SharedDashboard } from '../../render/dashboard/dashboard';
import type { MaturityIndex } from '../../core/index';
import type { Host } from '../host';
import { hoverParentOf, wireInternalLinks } from '../links';
import { checkpoint, yieldToUI } from '../index/slices';
import { componentsOf } from '../render-kit';
import { prepareEveryView } from '../view-prep';
import { keepLive, summaryFingerprint, type LiveHandle } from '../live';
import type { VaultIndexer } from '../vault-indexer';

export const DASHBOARD_VIEW = 'maturity-map-dashboard';

/**
 * The dashboard's fingerprint (every component's summary joined), made once per index, revision,
 * day and build phase: the prepare makes it in a task of its own, and the draw's task that asks
 * for it again finds it made (joining 9k summaries was ~20 ms of that task at 10k in the harness).
 */
function keptFingerprint(indexer: VaultIndexer): () => string {
  let kept: { index: MaturityIndex; revision: number; today: string; phase: string; value: string } | null = null;
  return () => {
    const index = indexer.index;
    const [revision, today, phase] = [index.revision(), index.today(), indexer.progress.phase];
    if (kept?.index !== index || kept.revision !== revision || kept.today !== today || kept.phase !== phase) {
      kept = { index, revision, today, phase, value: [phase, today, ...componentsOf(index).map(summaryFingerprint)].join('\u0002') };
    }
    return kept.value;
  };
}

/**
 * Every view, a slice at a time (the first open after a start would build them all in one task),
 * then what the draw's task would otherwise work out itself, each after a yield once the slice is
 * spent: the vault's cycles (the header's problems: one pass over the graph, 8–19 ms at 10k in the
 * harness; the index keeps them until an edge changes) and the fingerprint.
 */
async function prepareDashboard(indexer: VaultIndexer, cancelled: () => boolean, fingerprint: () => string): Promise<boolean> {
  const index = indexer.index;
  const stop = () => cancelled() || indexer.index !== index;
  if (!(await prepareEveryView(indexer, cancelled, summaryFingerprint))) return false;
  for (const step of [() => index.cycles(), fingerprint]) {
    await checkpoint();
    if (stop()) return false;
    step();
  }
  return !stop();
}

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
    const fingerprint = keptFingerprint(indexer);
    this.handle = keepLive(this, body, indexer, {
      prepare: (cancelled) => prepareDashboard(indexer, cancelled, fingerprint),
      fingerprint,
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
