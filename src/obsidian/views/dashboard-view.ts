// The dashboard: filters, a board by stage and a table of every component. Filters live in the
// view (and in its saved state); the results re-render only when what they show changed.
import { Component, ItemView, type ViewStateResult, type WorkspaceLeaf } from 'obsidian';
import type { ComponentQuery } from '../../core/index';
import type { Host } from '../host';
import type { LiveHandle } from '../live';
import { mountQuery } from '../code-blocks';

export const DASHBOARD_VIEW = 'maturity-map-dashboard';

interface DashboardState {
  text: string;
  stage: string;
  blocked: boolean;
  stale: boolean;
}

const EMPTY: DashboardState = { text: '', stage: '', blocked: false, stale: false };

export class DashboardView extends ItemView {
  private filters: DashboardState = { ...EMPTY };
  private handles: LiveHandle[] = [];
  private body: HTMLElement | null = null;

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

  override getState(): Record<string, unknown> {
    return { ...super.getState(), ...this.filters };
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    if (state && typeof state === 'object') {
      const s = state as Partial<Record<keyof DashboardState, unknown>>;
      this.filters = {
        text: typeof s.text === 'string' ? s.text : '',
        stage: typeof s.stage === 'string' ? s.stage : '',
        blocked: s.blocked === true,
        stale: s.stale === true,
      };
      if (this.body) this.build();
    }
    await super.setState(state, result);
  }

  override async onOpen(): Promise<void> {
    this.build();
  }

  override async onClose(): Promise<void> {
    this.contentEl.empty();
  }

  override onResize(): void {
    for (const handle of this.handles) handle.refresh();
  }

  private query(view: 'board' | 'table'): ComponentQuery {
    const query: ComponentQuery = { view, sort: view === 'table' ? 'stage' : 'name' };
    if (this.filters.text.trim()) query.text = this.filters.text.trim();
    if (this.filters.stage) query.stage = [this.filters.stage];
    if (this.filters.blocked) query.blocked = true;
    if (this.filters.stale) query.stale = true;
    return query;
  }

  /** (Re)build the view; live children from an earlier build are unloaded with `removeChild`. */
  private build(): void {
    this.contentEl.empty();
    this.contentEl.addClass('maturity-map-dashboard');
    this.renderFilters(this.contentEl.createDiv({ cls: 'maturity-map-filters' }));
    const status = this.contentEl.createDiv({ cls: 'maturity-map-status' });
    this.body = this.contentEl.createDiv({ cls: 'maturity-map-dashboard-body' });
    this.mountResults(status);
  }

  private results: Component | null = null;

  /** Live children for the current filters; the previous set is unloaded (and its listeners dropped). */
  private mountResults(status: HTMLElement): void {
    if (this.results) this.removeChild(this.results);
    const owner = (this.results = this.addChild(new Component()));
    const body = this.body!;
    body.empty();
    const indexer = this.host.indexer;
    const progress = () => {
      const p = indexer.progress;
      status.setText(p.phase === 'ready' ? `${indexer.index.ids().length} components` : `Indexing ${p.done}/${p.total} notes…`);
    };
    owner.registerEvent(indexer.onProgress(progress));
    progress();
    body.createEl('h4', { text: 'Board' });
    const board = body.createDiv({ cls: 'maturity-map-dashboard-board' });
    body.createEl('h4', { text: 'All components' });
    const table = body.createDiv({ cls: 'maturity-map-dashboard-table' });
    this.handles = [
      mountQuery(owner, board, this.host, this.query('board'), ''),
      mountQuery(owner, table, this.host, this.query('table'), ''),
    ];
  }

  private renderFilters(el: HTMLElement): void {
    const text = el.createEl('input', { type: 'search', cls: 'maturity-map-filter-text', attr: { placeholder: 'Filter by name, owner, group or tag', 'aria-label': 'Filter components' } });
    text.value = this.filters.text;
    this.registerDomEvent(text, 'input', () => {
      this.filters.text = text.value;
      this.refreshResults();
    });
    const stage = el.createEl('select', { cls: 'dropdown maturity-map-filter-stage', attr: { 'aria-label': 'Stage' } });
    stage.createEl('option', { value: '', text: 'All stages' });
    for (const s of this.host.indexer.index.pipeline.stages) stage.createEl('option', { value: s.id, text: s.name });
    stage.createEl('option', { value: 'unknown', text: 'Unknown stage' });
    stage.value = this.filters.stage;
    this.registerDomEvent(stage, 'change', () => {
      this.filters.stage = stage.value;
      this.refreshResults();
    });
    for (const key of ['blocked', 'stale'] as const) {
      const label = el.createEl('label', { cls: 'maturity-map-filter-flag' });
      const box = label.createEl('input', { type: 'checkbox' });
      box.checked = this.filters[key];
      label.appendText(key === 'blocked' ? ' Blocked only' : ' Stale only');
      this.registerDomEvent(box, 'change', () => {
        this.filters[key] = box.checked;
        this.refreshResults();
      });
    }
  }

  private refreshResults(): void {
    this.app.workspace.requestSaveLayout();
    const status = this.contentEl.querySelector<HTMLElement>('.maturity-map-status');
    if (status) this.mountResults(status);
  }
}
