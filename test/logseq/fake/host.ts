// A fake `logseq` (the plugin SDK's user object) answering as the Logseq 0.10.x app does for a
// file graph: the methods that app lacks reject with "Not existed method #…" (the SDK's host-side
// `invokeHostExportedApi`), `provideUI` injects into the host document through DOMPurify with the
// host's config and maps `data-on-<event>` to `provideModel` methods (`setupInjectedUI`), macro
// slots get a new id on every render and lose what was injected into them, `DB.onChanged` fires
// for in-app edits only. Tests drive it with the controls at the bottom.
import createDOMPurify from 'dompurify';
import type { SettingSchemaDesc, UIOptions } from '@logseq/libs/dist/LSPlugin';
import type { Entity, FakeGraph } from './graph';

type Callback = (event: never) => void;
type Model = Record<string, (event: unknown) => void>;

/** The host's sanitiser config (`libs/src/helpers.ts` `setupInjectedUI`). */
export const HOST_PURIFY_CONFIG = {
  ADD_TAGS: ['iframe'],
  ALLOW_UNKNOWN_PROTOCOLS: true,
  ADD_ATTR: ['allow', 'src', 'allowfullscreen', 'frameborder', 'scrolling', 'target'],
};

const EVENTS = ['click', 'focus', 'focusin', 'focusout', 'blur', 'dblclick', 'keyup', 'keypress', 'keydown', 'change', 'input', 'contextmenu'];

export interface FakeHostOptions {
  graph: FakeGraph;
  /** Logseq's main window document (slots, injected UI, styles live here). */
  hostDocument: Document;
  pluginId?: string;
  /** 'db' answers like the DB-era app (Logseq 2.x). */
  graphKind?: 'file' | 'db';
  graphPath?: string;
  /** How the host splits `{{renderer …}}` into arguments (mldoc in Node tests). */
  macroArguments: (content: string) => string[] | null;
}

export interface FakeHost {
  logseq: Record<string, unknown>;
  calls: Array<{ ns: string; method: string; args: unknown[] }>;
  rejected: string[];
  navigations: Array<{ route: string; params: unknown }>;
  /** provideUI writes whose target no longer existed (the host logs and drops them). */
  missedWrites: string[];
  messages: string[];
  slashCommands: Map<string, (e: { uuid: string }) => Promise<void>>;
  mainUIVisible(): boolean;
  /** Render a block holding a macro: a fresh slot element, then the slotted event (after 50 ms in the app). */
  renderBlock(block: Entity, container?: Element): string;
  /** Logseq re-renders a block: the old slot and its injected UI go, a new slot id comes. */
  rerenderBlock(block: Entity, oldSlot: string): string;
  unmountSlot(slot: string): void;
  /** An edit made in Logseq: the file is rewritten and DB.onChanged fires. */
  editInApp(path: string, content: string): void;
  /** An edit made outside Logseq (Obsidian, git): the file watcher re-parses, no onChanged. */
  editOnDisk(path: string, content: string): void;
  navigate(pageName: string): void;
  updateSettings(attrs: Record<string, unknown>): void;
  switchGraph(): void;
  clickToolbar(): void;
  unload(): Promise<void>;
  /** The block the slash commands insert into. */
  setEditing(block: Entity | null): void;
  /** Resolves when the plugin's ready callback has finished. */
  started(): Promise<unknown>;
}

export function createFakeHost(options: FakeHostOptions): FakeHost {
  const { graph, hostDocument: doc } = options;
  const pluginId = options.pluginId ?? 'maturity-map';
  const purify = createDOMPurify(doc.defaultView as unknown as Window & typeof globalThis);
  const hooks = new Map<string, Set<Callback>>();
  const calls: FakeHost['calls'] = [];
  const rejected: string[] = [];
  const navigations: FakeHost['navigations'] = [];
  const missedWrites: string[] = [];
  const messages: string[] = [];
  const slashCommands = new Map<string, (e: { uuid: string }) => Promise<void>>();
  const injected = new Map<string, () => void>();
  let model: Model = {};
  let schema: SettingSchemaDesc[] = [];
  let userSettings: Record<string, unknown> = {};
  let mainVisible = false;
  let editingBlock: Entity | null = null;
  let unloadCallback: (() => Promise<void>) | null = null;
  let slotCounter = 0;
  let started: Promise<unknown> = Promise.resolve();

  const on = (hook: string) => (callback: Callback) => {
    let set = hooks.get(hook);
    if (!set) hooks.set(hook, (set = new Set()));
    set.add(callback);
    return () => set.delete(callback);
  };
  const fire = (hook: string, ...args: unknown[]) => {
    for (const cb of hooks.get(hook) ?? []) (cb as (...a: unknown[]) => void)(...args);
  };

  function transformableEvent(target: HTMLElement, event: Event): Record<string, unknown> {
    const out: Record<string, unknown> = { type: event.type };
    out['value'] = (target as HTMLInputElement).value;
    out['id'] = target.id;
    out['className'] = target.className;
    out['dataset'] = { ...target.dataset };
    if ('rect' in target.dataset) out['rect'] = target.getBoundingClientRect().toJSON();
    return out;
  }

  function delegate(el: HTMLElement): void {
    for (const type of EVENTS) {
      el.addEventListener(type, (event) => {
        const trigger = (event.target as HTMLElement).closest(`[data-on-${type}]`) as HTMLElement | null;
        if (!trigger) return;
        const method = trigger.dataset[`on${type.charAt(0).toUpperCase()}${type.slice(1)}`];
        if (method) model[method]?.(transformableEvent(trigger, event));
        if (trigger.dataset['preventDefault']?.toLowerCase() === 'true') event.preventDefault();
      });
    }
  }

  function provideUI(ui: UIOptions): boolean | void {
    const slot = 'slot' in ui ? ui.slot : null;
    const selector = slot ? `#${slot}` : 'path' in ui ? ui.path : null;
    const id = `${pluginId}--${ui.key ?? `ui${slotCounter++}`}`;
    const target = selector ? doc.querySelector(selector) : doc.body;
    if (!target) {
      missedWrites.push(selector ?? '');
      return false;
    }
    if (!ui.template) {
      injected.get(id)?.();
      return;
    }
    const template = purify.sanitize(ui.template, HOST_PURIFY_CONFIG) as unknown as string;
    const existing = doc.getElementById(id);
    if (existing) {
      // eslint-disable-next-line no-restricted-properties -- the host does exactly this with the sanitised template.
      existing.innerHTML = template;
      return;
    }
    if (slot && ui.reset) for (const other of target.querySelectorAll('[data-injected-ui]')) injected.get(other.id)?.();
    const el = doc.createElement('div');
    el.id = id;
    el.dataset['injectedUi'] = id;
    // eslint-disable-next-line no-restricted-properties -- the host does exactly this with the sanitised template.
    el.innerHTML = template;
    target.appendChild(el);
    delegate(el);
    injected.set(id, () => {
      injected.delete(id);
      el.remove();
    });
  }

  const reject = (ns: string, method: string) => {
    rejected.push(`${ns}.${method}`);
    return Promise.reject(new Error(`Not existed method #${method}`));
  };
  const proxy = (ns: string, impl: Record<string, (...args: never[]) => unknown>) =>
    new Proxy(impl, {
      get(target, prop: string) {
        const fn = target[prop];
        return (...args: unknown[]) => {
          calls.push({ ns, method: prop, args });
          return fn ? (fn as (...a: unknown[]) => unknown)(...args) : reject(ns, prop);
        };
      },
    });

  const appImpl: Record<string, (...args: never[]) => unknown> = {
    getCurrentGraph: async () => ({ url: `logseq_local_${options.graphPath ?? '/graphs/demo'}`, name: 'demo', path: options.graphPath ?? '/graphs/demo' }),
    getCurrentGraphConfigs: async (...keys: string[]) => (keys[0] === 'file/name-format' && graph.fileNameFormat === 'triple-lowbar' ? 'triple-lowbar' : keys.length ? null : {}),
    getUserConfigs: async () => ({ preferredThemeMode: 'light', preferredFormat: 'markdown', currentGraph: 'demo' }),
    getInfo: async () => ({ version: '0.10.15' }),
    pushState: (route: string, params: Record<string, unknown>) => {
      navigations.push({ route, params });
      if (route === 'page') fire('hook:app:route-changed', { path: `/page/${encodeURIComponent(String(params['name']))}`, template: '/page/:name', parameters: { path: params } });
    },
    registerUIItem: (type: string, opts: { key: string; template: string }) => {
      let bar = doc.getElementById(`fake-${type}`);
      if (!bar) {
        bar = doc.createElement('div');
        bar.id = `fake-${type}`;
        doc.body.prepend(bar);
      }
      provideUI({ key: `${type}-${opts.key}`, path: `#fake-${type}`, template: opts.template });
    },
    registerCommandPalette: () => undefined,
    onMacroRendererSlotted: on('hook:app:macro-renderer-slotted'),
    onRouteChanged: on('hook:app:route-changed'),
    onCurrentGraphChanged: on('hook:app:current-graph-changed'),
    onThemeModeChanged: on('hook:app:theme-mode-changed'),
  };
  if (options.graphKind === 'db') {
    appImpl['checkCurrentIsDbGraph'] = async () => true;
    appImpl['getInfo'] = async (key?: string) => (key === 'supportDb' ? true : { version: '2.0.1', supportDb: true });
  }

  const logseq: Record<string, unknown> = {
    get settings() {
      const defaults = Object.fromEntries(schema.filter((s) => s.type !== 'heading').map((s) => [s.key, s.default]));
      return { disabled: false, ...defaults, ...userSettings };
    },
    get isMainUIVisible() {
      return mainVisible;
    },
    baseInfo: { id: pluginId },
    ready: (callback: () => unknown) => {
      // The SDK calls back once the host handshake is done; the fake is connected from the start.
      started = Promise.resolve().then(callback);
      return started;
    },
    provideModel: (m: Model) => {
      model = { ...model, ...m };
    },
    provideStyle: (style: string | { key?: string; style: string }) => {
      const el = doc.createElement('style');
      el.setAttribute('data-ref', pluginId);
      el.textContent = typeof style === 'string' ? style : style.style;
      doc.head.appendChild(el);
    },
    provideUI,
    useSettingsSchema: (s: SettingSchemaDesc[]) => {
      schema = s;
    },
    onSettingsChanged: on('settings:changed'),
    showMainUI: () => {
      mainVisible = true;
    },
    hideMainUI: () => {
      mainVisible = false;
    },
    setMainUIInlineStyle: () => undefined,
    beforeunload: (cb: () => Promise<void>) => {
      unloadCallback = cb;
    },
    App: proxy('App', appImpl),
    Editor: proxy('Editor', {
      getPage: async (src: number | string) => graph.editorJson(typeof src === 'number' ? graph.entities.get(src) : graph.pageByName(src)),
      getBlock: async (uuid: string) => graph.editorJson(graph.blockByUuid(uuid)),
      registerSlashCommand: (label: string, action: (e: { uuid: string }) => Promise<void>) => {
        slashCommands.set(label, action);
      },
      insertAtEditingCursor: async (text: string) => {
        if (editingBlock) editingBlock['block/content'] = `${String(editingBlock['block/content'])}${text}`;
      },
    }),
    DB: proxy('DB', {
      datascriptQuery: async (query: string) => graph.datascriptQuery(query),
      onChanged: on('hook:db:changed'),
    }),
    UI: proxy('UI', {
      queryElementById: async (id: string) => (doc.getElementById(id) ? id : false),
      showMsg: async (content: string) => {
        messages.push(content);
        return 'msg';
      },
    }),
  };

  function renderBlock(block: Entity, container: Element = doc.body): string {
    const args = options.macroArguments(String(block['block/content']));
    const slot = `slot__${(slotCounter++).toString(36).padStart(8, 'x')}`;
    const el = doc.createElement('div');
    el.className = 'lsp-hook-ui-slot';
    el.id = slot;
    el.setAttribute('data-block-uuid', String(block['block/uuid']));
    container.appendChild(el);
    if (args) fire('hook:app:macro-renderer-slotted', { slot, payload: { arguments: args, uuid: block['block/uuid'] } });
    return slot;
  }

  function unmountSlot(slot: string): void {
    const el = doc.getElementById(slot);
    if (!el) return;
    for (const child of el.querySelectorAll('[data-injected-ui]')) injected.get(child.id)?.();
    el.remove();
  }

  return {
    logseq,
    calls,
    rejected,
    navigations,
    missedWrites,
    messages,
    slashCommands,
    mainUIVisible: () => mainVisible,
    renderBlock,
    rerenderBlock(block, oldSlot) {
      const parent = doc.getElementById(oldSlot)?.parentElement ?? doc.body;
      unmountSlot(oldSlot);
      return renderBlock(block, parent);
    },
    unmountSlot,
    editInApp(path, content) {
      const page = graph.setFile(path, content);
      const block = { ...graph.editorJson(page) as object, page: { id: page['db/id'] } };
      fire('hook:db:changed', { blocks: [block], txData: [], txMeta: { outlinerOp: 'saveBlock' } });
    },
    editOnDisk(path, content) {
      graph.setFile(path, content);
    },
    navigate(pageName) {
      fire('hook:app:route-changed', { path: `/page/${encodeURIComponent(pageName)}`, template: '/page/:name', parameters: { path: { name: pageName } } });
    },
    updateSettings(attrs) {
      const before = logseq['settings'];
      userSettings = { ...userSettings, ...attrs };
      fire('settings:changed', logseq['settings'], before);
    },
    switchGraph() {
      fire('hook:app:current-graph-changed', {});
    },
    clickToolbar() {
      (doc.querySelector('#fake-toolbar [data-on-click]') as HTMLElement | null)?.click();
    },
    async unload() {
      await unloadCallback?.();
    },
    setEditing(block) {
      editingBlock = block;
    },
    started: () => started,
  };
}
