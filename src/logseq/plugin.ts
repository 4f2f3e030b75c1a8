// The Logseq plugin: wires the host's events to the graph index, the macro slots and the main UI.
// It targets file graphs served by the Logseq 0.10.x app; on a DB graph (Logseq 2.x, detected by
// feature: `checkCurrentIsDbGraph` throws "Not existed method" on 0.10.x) it says so and stays idle.
import { createGraphIndex, GraphNotOpenError, type GraphIndex } from './graph-index';
import { registerLinkCommand } from './link-command';
import { isRecord, type ChangedBlock, type FileBlock, type FilePage, type LogseqHost, type TreeBlock } from './host';
import { CARD_MACRO, parseMacro, QUERY_MACRO, SLASH_COMMANDS } from './macros';
import { OPEN_METHOD, SIDEBAR_METHOD, SLOT_METHOD } from './markup';
import { adoptHostTheme, blockAtLine } from './navigation';
import { createRefreshScheduler, type RefreshScheduler, type RefreshTimers } from './refresh';
import { readSettings, SETTINGS_SCHEMA, type PluginSettings } from './settings';
import { createSlotRegistry, type SlotRegistry, type SlotRequest, type SlotState } from './slots';
import { cardMarkup, indexingMarkup, inlineMarkup, mountDashboard, noticeMarkup, queryMarkup, type MainUI } from './views';

export const TOOLBAR_KEY = 'maturity-map-toolbar';
export const DB_GRAPH_MESSAGE = 'Maturity Map does not support Logseq DB graphs yet. It reads file graphs (Markdown files), as served by the Logseq 0.10.x app.';
/** Waits before trying a failed first read again (no graph open yet, a query that failed). */
export const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

export interface PluginEnvironment {
  /** The plugin's own frame: the main UI mounts here, slot markup is built here. */
  document: Document;
  timers: RefreshTimers;
  /** ISO date for staleness (tests); default: today. */
  today?: string;
  /** Styles shipped with the views, injected into Logseq's document. */
  css: string;
}

export interface RunningPlugin {
  graph(): GraphIndex | null;
  isDbGraph(): boolean;
  stop(): void;
}

/** `checkCurrentIsDbGraph` exists only in the DB-era host; on 0.10.x the call rejects. */
export async function detectDbGraph(host: LogseqHost): Promise<boolean> {
  try {
    return (await host.App.checkCurrentIsDbGraph()) === true;
  } catch {
    return false;
  }
}

const TOOLBAR_ICON =
  '<a class="button" data-on-click="mmToggleMain" title="Maturity Map" aria-label="Maturity Map">' +
  '<svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">' +
  '<circle cx="5" cy="12" r="3"/><circle cx="19" cy="6" r="3"/><circle cx="19" cy="18" r="3"/><path d="M8 11l8-4M8 13l8 4"/></svg></a>';

interface State {
  settings: PluginSettings;
  graph: GraphIndex | null;
  loading: GraphIndex | null;
  dbGraph: boolean;
  main: MainUI | null;
  scheduler: RefreshScheduler | null;
  loads: number;
  retry: unknown;
}

export async function startPlugin(host: LogseqHost, env: PluginEnvironment): Promise<RunningPlugin> {
  const doc = env.document;
  const state: State = { settings: readSettings(host.settings), graph: null, loading: null, dbGraph: false, main: null, scheduler: null, loads: 0, retry: null };
  const pageOfBlock = new Map<string, string | null>();
  const offs: Array<() => void> = [];
  const yieldNow = () => new Promise<void>((resolve) => env.timers.setTimeout(resolve, 0));

  async function blockPageName(uuid: string): Promise<string | null> {
    if (pageOfBlock.has(uuid)) return pageOfBlock.get(uuid)!;
    let name: string | null = null;
    try {
      const block = (await host.Editor.getBlock(uuid)) as FileBlock | null;
      const pageId = block?.page?.id;
      const page = typeof pageId === 'number' ? ((await host.Editor.getPage(pageId)) as FilePage | null) : null;
      name = page?.name ?? null;
    } catch {
      name = null;
    }
    pageOfBlock.set(uuid, name);
    return name;
  }

  async function slotTemplate(request: SlotRequest): Promise<string | null> {
    const { macro, slot, state: view } = request;
    const graph = state.graph;
    if (state.dbGraph) return noticeMarkup(doc, 'warning', DB_GRAPH_MESSAGE);
    if (!graph) {
      const p = state.loading?.progress() ?? { done: 0, total: 0 };
      return indexingMarkup(doc, p.done, p.total);
    }
    if (macro.kind === 'invalid') return noticeMarkup(doc, 'error', `Maturity Map: ${QUERY_MACRO} options are not valid.`, macro.errors);
    if (macro.kind === 'query') return queryMarkup(graph, macro.query, doc, slot, view);
    const id = macro.target !== null ? graph.resolve(macro.target) : await componentOfBlock(graph, request.block);
    if (id && macro.kind === 'card') return cardMarkup(graph, id, doc, slot);
    if (id && macro.kind !== 'card') return inlineMarkup(graph, id, macro.kind, doc);
    if (macro.target !== null) return noticeMarkup(doc, 'warning', `Maturity Map: no component named “${macro.target}”.`);
    return noticeMarkup(doc, 'info', 'Maturity Map: this page is not a component maturity note.', [
      'A component note states its Current Stage (Development, Staging, Production) near the top, with promotion criteria; ' +
        `or name one: {{renderer ${CARD_MACRO}, Name}}.`,
    ]);
  }

  async function componentOfBlock(graph: GraphIndex, uuid: string): Promise<string | null> {
    const pageName = await blockPageName(uuid);
    return pageName ? graph.componentOfPage(pageName) : null;
  }

  const slots: SlotRegistry = createSlotRegistry(host, slotTemplate);

  async function rerender(): Promise<void> {
    state.main?.refresh();
    await slots.refresh();
  }

  async function openLine(id: string, line: number): Promise<void> {
    const page = state.graph?.pageOf(id);
    const text = page ? await state.graph?.readText(id).catch(() => null) : null;
    if (!page || text === null || text === undefined) return;
    let uuid: string | null = null;
    try {
      const tree = await host.Editor.getPageBlocksTree(page.name);
      // File-graph blocks: children are nested blocks (the typings also allow ["uuid", id] refs).
      uuid = Array.isArray(tree) ? blockAtLine(text, tree as unknown as TreeBlock[], line) : null;
    } catch {
      uuid = null;
    }
    if (uuid) host.Editor.scrollToBlockInPage(page.originalName, uuid);
    else host.App.pushState('page', { name: page.originalName });
  }

  /** The main UI's clicks (real events: shift opens the right sidebar). */
  function openComponent(id: string, event?: MouseEvent | KeyboardEvent, line?: number): void {
    const page = state.graph?.pageOf(id);
    if (!page) return;
    if (event?.shiftKey) host.Editor.openInRightSidebar(page.id);
    else if (line) void openLine(id, line);
    else host.App.pushState('page', { name: page.originalName });
    if (!event?.shiftKey && host.isMainUIVisible) host.hideMainUI();
  }

  const mainUI = createMainToggle(host, doc, state, openComponent);
  const toggleMain = () => mainUI.toggle();
  const loader = createLoader(host, env, state, { slots, rerender, yieldNow, clearPageCache: () => pageOfBlock.clear(), refillMain: () => mainUI.refill() });
  offs.push(registerUI(host, env, { slots, openLine, toggleMain, onSettings: (raw) => void loader.settingsChanged(raw) }));
  registerLinkCommand(host, () => state.graph);
  offs.push(...subscribe(host, state, slots, loader.load));
  host.beforeunload(async () => stopAll());

  function stopAll(): void {
    state.loads++;
    state.scheduler?.stop();
    if (state.retry !== null) env.timers.clearTimeout(state.retry);
    state.main?.destroy();
    for (const off of offs.splice(0)) off();
    slots.clear();
  }

  const theme = (mode: unknown) => doc.documentElement.setAttribute('data-mm-theme', mode === 'dark' ? 'dark' : 'light');
  offs.push(host.App.onThemeModeChanged(({ mode }) => theme(mode)));
  try {
    theme((await host.App.getUserConfigs()).preferredThemeMode);
  } catch {
    theme('light');
  }

  await loader.load();
  return { graph: () => state.graph, isDbGraph: () => state.dbGraph, stop: stopAll };
}

interface LoaderParts {
  slots: SlotRegistry;
  rerender: () => Promise<void>;
  yieldNow: () => Promise<void>;
  clearPageCache: () => void;
  refillMain: () => void;
}

/** Reading the graph: start-up in chunks, retries, settings changes without re-reading. */
function createLoader(host: LogseqHost, env: PluginEnvironment, state: State, parts: LoaderParts) {
  const { slots } = parts;

  function schedule(): void {
    state.scheduler?.stop();
    state.scheduler = createRefreshScheduler({
      graph: () => state.graph,
      onChange: parts.rerender,
      visible: async () => (await slots.prune()) > 0 || host.isMainUIVisible,
      pollSeconds: state.settings.pollSeconds,
      timers: env.timers,
      onError: (error) => console.error('[maturity-map] refresh failed', error),
    });
    if (slots.live().length > 0 || host.isMainUIVisible) state.scheduler.wake();
  }

  async function load(attempt = 0): Promise<void> {
    const mine = ++state.loads;
    if (state.retry !== null) env.timers.clearTimeout(state.retry);
    state.retry = null;
    state.scheduler?.stop();
    state.scheduler = null;
    state.main?.destroy();
    state.main = null;
    parts.clearPageCache();
    state.graph = null;
    state.loading = null;
    try {
      const isDb = await detectDbGraph(host);
      if (mine !== state.loads) return; // a newer load (graph switch, settings) took over
      state.dbGraph = isDb;
      if (isDb) return void (await slots.refresh());
      const next = await createGraphIndex(host, state.settings, { today: env.today, yieldNow: parts.yieldNow, onLateDiagnostics: () => void parts.rerender() });
      state.loading = next;
      let shown = 0;
      await next.start((p) => {
        // Let the "indexing…" notices count up, a few times during the read.
        if (p.done - shown >= Math.max(1, p.total / 4)) void slots.refresh().then(() => (shown = p.done));
      });
      if (mine !== state.loads) return;
      state.graph = next;
      state.loading = null;
      schedule();
      parts.refillMain();
      await slots.refresh();
    } catch (error) {
      if (mine !== state.loads) return;
      state.loading = null;
      if (!(error instanceof GraphNotOpenError)) console.error('[maturity-map] reading the graph failed', error);
      const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
      state.retry = env.timers.setTimeout(() => void load(attempt + 1), wait);
    }
  }

  async function settingsChanged(raw: Record<string, unknown>): Promise<void> {
    const next = readSettings(raw);
    const prev = state.settings;
    if (JSON.stringify(next) === JSON.stringify(prev)) return; // the host echoes settings it already sent
    state.settings = next;
    const graph = state.graph;
    if (!graph || next.namespacePrefix !== prev.namespacePrefix) return load();
    if (next.pollSeconds !== prev.pollSeconds) schedule();
    if (await graph.reconfigure(next)) {
      // The index was rebuilt: the dashboard holds the old one.
      state.main?.destroy();
      state.main = null;
      parts.refillMain();
      await parts.rerender();
    }
  }

  return { load: () => load(), settingsChanged };
}

interface MainToggle {
  toggle(): void;
  /** Fill the main UI again if it is open (the graph finished loading, or was rebuilt). */
  refill(): void;
}

function createMainToggle(host: LogseqHost, doc: Document, state: State, open: (id: string, event?: MouseEvent | KeyboardEvent, line?: number) => void): MainToggle {
  const fill = () => {
    const mount = doc.getElementById('app') ?? doc.body;
    if (state.dbGraph || !state.graph) {
      const note = doc.createElement('p');
      note.setAttribute('class', 'mm mm-logseq-notice');
      note.textContent = state.dbGraph ? DB_GRAPH_MESSAGE : 'Maturity Map is still reading the graph…';
      mount.replaceChildren(note);
      state.main = null;
    } else if (!state.main) {
      state.main = mountDashboard(mount, state.graph, open, () => host.hideMainUI());
    } else {
      state.main.refresh();
    }
  };
  return {
    toggle() {
      if (host.isMainUIVisible) return host.hideMainUI();
      fill();
      void adoptHostTheme(host, doc);
      host.showMainUI({ autoFocus: true });
      state.scheduler?.wake();
      state.scheduler?.soon(0);
    },
    refill() {
      if (host.isMainUIVisible) fill();
    },
  };
}

interface UIParts {
  slots: SlotRegistry;
  openLine: (id: string, line: number) => Promise<void>;
  toggleMain: () => void;
  onSettings: (raw: Record<string, unknown>) => void;
}

/** What a slot control asks for, applied to the slot's view state. */
export function slotPatch(action: string, arg: string, value: unknown): ((s: SlotState) => SlotState) | null {
  switch (action) {
    case 'sort':
      return (s) => ({ ...s, sort: { column: arg, order: s.sort?.column === arg && s.sort.order === 'asc' ? 'desc' : 'asc' } });
    case 'more':
      return (s) => ({ ...s, limit: (s.limit ?? 25) + 50 });
    case 'focus':
      return (s) => ({ ...s, focus: typeof value === 'string' && value !== '' ? value : null, zoom: 0 });
    case 'hops': {
      const hops = Math.floor(Number(value));
      return Number.isFinite(hops) && hops >= 1 ? (s) => ({ ...s, hops: Math.min(9, hops) }) : null;
    }
    case 'externals':
      // A toggle: the checkbox's state does not travel with the model call.
      return (s) => ({ ...s, externals: s.externals === false });
    case 'zoom':
      return (s) => ({ ...s, zoom: arg === 'fit' ? 0 : (s.zoom ?? 0) + (arg === 'in' ? 1 : -1) });
    default:
      return null;
  }
}

function registerUI(host: LogseqHost, env: PluginEnvironment, parts: UIParts): () => void {
  host.useSettingsSchema(SETTINGS_SCHEMA);
  host.provideStyle({ key: 'maturity-map', style: env.css });
  const datasetOf = (event: unknown): Record<string, unknown> => (isRecord(event) && isRecord(event['dataset']) ? event['dataset'] : {});
  host.provideModel({
    [OPEN_METHOD]: (event: unknown) => {
      const dataset = datasetOf(event);
      const line = Number(dataset['mmLine']);
      const id = dataset['mmId'];
      if (typeof id === 'string' && Number.isInteger(line) && line > 0) return void parts.openLine(id, line);
      const page = dataset['mmPage'];
      if (typeof page === 'string' && page !== '') host.App.pushState('page', { name: page });
    },
    [SIDEBAR_METHOD]: (event: unknown) => {
      const id = Number(datasetOf(event)['mmPageId']);
      if (Number.isInteger(id)) host.Editor.openInRightSidebar(id);
    },
    [SLOT_METHOD]: (event: unknown) => {
      const dataset = datasetOf(event);
      const patch = slotPatch(String(dataset['mmAction'] ?? ''), String(dataset['mmArg'] ?? ''), isRecord(event) ? event['value'] : undefined);
      if (patch && typeof dataset['mmSlot'] === 'string') void parts.slots.update(dataset['mmSlot'], patch);
    },
    mmToggleMain: () => parts.toggleMain(),
  });
  host.App.registerUIItem('toolbar', { key: TOOLBAR_KEY, template: TOOLBAR_ICON });
  host.App.registerCommandPalette({ key: 'maturity-map-open', label: 'Maturity Map: open dashboard' }, () => parts.toggleMain());
  for (const command of SLASH_COMMANDS) {
    host.Editor.registerSlashCommand(command.label, [['editor/input', command.text, { 'backward-pos': command.cursorBack }]]);
  }
  host.onSettingsChanged((next: Record<string, unknown>) => parts.onSettings(next));
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && host.isMainUIVisible) host.hideMainUI({ restoreEditingCursor: true });
  };
  env.document.addEventListener('keydown', onKey);
  return () => env.document.removeEventListener('keydown', onKey);
}

function subscribe(host: LogseqHost, state: State, slots: SlotRegistry, load: () => Promise<void>): Array<() => void> {
  host.App.onMacroRendererSlotted(({ slot, payload }) => {
    const macro = parseMacro(payload.arguments ?? []);
    if (!macro) return;
    void slots.mount({ slot, block: payload.uuid, macro });
    state.scheduler?.wake();
  });
  return [
    host.DB.onChanged(({ blocks }) => {
      const ids = (blocks as ChangedBlock[]).map((b) => b.page?.id).filter((id): id is number => typeof id === 'number');
      state.scheduler?.pagesChanged(ids);
    }),
    host.App.onRouteChanged(() => state.scheduler?.soon()),
    host.App.onCurrentGraphChanged(() => void load()),
  ];
}
