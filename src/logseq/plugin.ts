// The Logseq plugin: wires the host's events to the graph index, the macro slots and the main UI.
// It targets file graphs served by the Logseq 0.10.x app; on a DB graph (Logseq 2.x, detected by
// feature: `checkCurrentIsDbGraph` throws "Not existed method" on 0.10.x) it says so and stays idle.
import { createGraphIndex, type GraphIndex } from './graph-index';
import { isRecord, type ChangedBlock, type FileBlock, type FilePage, type LogseqHost } from './host';
import { OPEN_METHOD } from './markup';
import { CARD_MACRO, parseMacro, QUERY_MACRO, SLASH_COMMANDS } from './macros';
import { createRefreshScheduler, type RefreshScheduler, type RefreshTimers } from './refresh';
import { readSettings, SETTINGS_SCHEMA } from './settings';
import { createSlotRegistry, type SlotRequest } from './slots';
import { cardMarkup, mountDashboard, noticeMarkup, queryMarkup, type MainUI } from './views';

export const TOOLBAR_KEY = 'maturity-map-toolbar';
export const DB_GRAPH_MESSAGE = 'Maturity Map does not support Logseq DB graphs yet. It reads file graphs (Markdown files), as served by the Logseq 0.10.x app.';

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

const THEME_VARIABLES = [
  '--ls-primary-background-color',
  '--ls-secondary-background-color',
  '--ls-primary-text-color',
  '--ls-secondary-text-color',
  '--ls-border-color',
  '--ls-active-primary-color',
  '--ls-font-family',
];

/**
 * The main UI runs in the plugin's frame, which does not inherit Logseq's CSS variables. Logseq
 * serves plugin frames from its own origin, so the frame can read the theme's current values;
 * when it cannot (another host, a test page), the views' built-in defaults apply.
 */
export function adoptHostTheme(doc: Document): void {
  try {
    const parent = doc.defaultView?.parent;
    if (!parent || parent === doc.defaultView) return;
    const style = parent.getComputedStyle(parent.document.documentElement);
    for (const name of THEME_VARIABLES) {
      const value = style.getPropertyValue(name).trim();
      if (value !== '') doc.documentElement.style.setProperty(name, value);
    }
  } catch {
    // A cross-origin parent: keep the defaults.
  }
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

export async function startPlugin(host: LogseqHost, env: PluginEnvironment): Promise<RunningPlugin> {
  const doc = env.document;
  let settings = readSettings(host.settings);
  let graph: GraphIndex | null = null;
  let dbGraph = false;
  let main: MainUI | null = null;
  let scheduler: RefreshScheduler | null = null;
  const pageOfBlock = new Map<string, string | null>();
  const offs: Array<() => void> = [];

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
    const { macro } = request;
    if (dbGraph) return noticeMarkup(doc, 'warning', DB_GRAPH_MESSAGE);
    if (!graph) return null; // still loading: the first refresh renders every live slot
    if (macro.kind === 'invalid') return noticeMarkup(doc, 'error', `Maturity Map: ${QUERY_MACRO} options are not valid.`, macro.errors);
    if (macro.kind === 'query') return queryMarkup(graph, macro.query, doc);
    if (macro.target !== null) {
      const id = graph.resolve(macro.target);
      return id ? cardMarkup(graph, id, doc) : noticeMarkup(doc, 'warning', `Maturity Map: no component named “${macro.target}”.`);
    }
    const pageName = await blockPageName(request.block);
    const id = pageName ? graph.componentOfPage(pageName) : null;
    if (id) return cardMarkup(graph, id, doc);
    return noticeMarkup(doc, 'info', 'Maturity Map: this page is not a component maturity note.', [
      'A component note states its Current Stage (Development, Staging, Production) near the top, with promotion criteria; ' +
        `or name one: {{renderer ${CARD_MACRO}, Name}}.`,
    ]);
  }

  const slots = createSlotRegistry(host, slotTemplate);

  async function rerender(): Promise<void> {
    main?.refresh();
    await slots.refresh();
  }

  function openComponent(id: string): void {
    const page = graph?.pageOf(id);
    if (!page) return;
    host.App.pushState('page', { name: page.originalName });
    if (host.isMainUIVisible) host.hideMainUI();
  }

  let loads = 0;
  async function load(): Promise<void> {
    const mine = ++loads;
    scheduler?.stop();
    scheduler = null;
    main?.destroy();
    main = null;
    pageOfBlock.clear();
    graph = null;
    const isDb = await detectDbGraph(host);
    if (mine !== loads) return; // a newer load (graph switch, settings) took over
    dbGraph = isDb;
    if (dbGraph) {
      await slots.refresh();
      return;
    }
    const next = await createGraphIndex(host, settings, env.today);
    await next.refreshAll();
    if (mine !== loads) return;
    graph = next;
    scheduler = createRefreshScheduler({
      graph: () => graph,
      onChange: rerender,
      visible: () => slots.live().length > 0 || host.isMainUIVisible,
      pollSeconds: settings.pollSeconds,
      timers: env.timers,
      onError: (error) => console.error('[maturity-map] refresh failed', error),
    });
    await slots.refresh();
  }

  function toggleMain(): void {
    if (host.isMainUIVisible) {
      host.hideMainUI();
      return;
    }
    const mount = doc.getElementById('app') ?? doc.body;
    if (dbGraph || !graph) {
      const note = doc.createElement('p');
      note.setAttribute('class', 'mm mm-logseq-notice');
      note.textContent = dbGraph ? DB_GRAPH_MESSAGE : 'Maturity Map is still reading the graph…';
      mount.replaceChildren(note);
      main = null;
    } else if (!main) {
      main = mountDashboard(mount, graph, openComponent, () => host.hideMainUI());
    } else {
      main.refresh();
    }
    adoptHostTheme(doc);
    host.showMainUI({ autoFocus: true });
    if (graph) scheduler?.soon(0);
  }

  host.useSettingsSchema(SETTINGS_SCHEMA);
  host.provideStyle({ key: 'maturity-map', style: env.css });
  host.provideModel({
    [OPEN_METHOD]: (event: unknown) => {
      const dataset = isRecord(event) && isRecord(event['dataset']) ? event['dataset'] : {};
      const page = dataset['mmPage'];
      if (typeof page === 'string' && page !== '') host.App.pushState('page', { name: page });
      else if (typeof dataset['mmId'] === 'string') openComponent(dataset['mmId']);
    },
    mmToggleMain: () => toggleMain(),
  });
  host.App.registerUIItem('toolbar', { key: TOOLBAR_KEY, template: TOOLBAR_ICON });
  host.App.registerCommandPalette({ key: 'maturity-map-open', label: 'Maturity Map: open dashboard' }, () => toggleMain());
  for (const command of SLASH_COMMANDS) {
    host.Editor.registerSlashCommand(command.label, async () => {
      await host.Editor.insertAtEditingCursor(command.text);
    });
  }
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && host.isMainUIVisible) host.hideMainUI({ restoreEditingCursor: true });
  };
  doc.addEventListener('keydown', onKey);
  offs.push(() => doc.removeEventListener('keydown', onKey));

  host.App.onMacroRendererSlotted(({ slot, payload }) => {
    const macro = parseMacro(payload.arguments ?? []);
    if (!macro) return;
    void slots.mount({ slot, block: payload.uuid, macro });
  });
  offs.push(
    host.DB.onChanged(({ blocks }) => {
      const ids = (blocks as ChangedBlock[]).map((b) => b.page?.id).filter((id): id is number => typeof id === 'number');
      scheduler?.pagesChanged(ids);
    }),
    host.App.onRouteChanged(() => scheduler?.soon()),
    host.App.onCurrentGraphChanged(() => void load()),
    host.onSettingsChanged((next: Record<string, unknown>) => {
      settings = readSettings(next);
      void load();
    }),
  );
  host.beforeunload(async () => stopAll());

  function stopAll(): void {
    scheduler?.stop();
    main?.destroy();
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

  await load();
  return { graph: () => graph, isDbGraph: () => dbGraph, stop: stopAll };
}
