// The host side of Logseq 0.10.x's plugin bridge, for the REAL `@logseq/libs` SDK bundled in the
// plugin. The plugin runs in its own frame; everything crosses as postMessage, as in the app
// (read from logseq/logseq at tag 0.10.15, `libs/src/LSPlugin.core.ts`, `LSPlugin.caller.ts`,
// `postmate/index.ts`, `helpers.ts`; facts only):
// - Postmate handshake: the host posts `handshake` (with `{baseInfo}` as the model) every 500 ms,
//   five times at most, until the frame answers `handshake-reply`; then it calls `#lspmsg#ready#`.
// - The SDK's messages arrive as `emit` events named `#lspmsg#<id>` with `{type, payload}`:
//   `api:call` (the method name snake-cased and looked up in the host's API; a missing one fails
//   with "Not existed method #…"; the answer goes back as a `#lspmsg#reply#` call with `_sync`),
//   `provider:ui` / `provider:style`, `settings:schema` (with `isSync` the host merges the
//   defaults and sends `#lspmsg#settings#` — so a plugin hears `settings:changed` right after
//   `useSettingsSchema`), `settings:update`, `main-ui:visible`.
// - Hooks go out as `#lspmsg#` calls `{ns, type, payload}`, only to plugins that installed them.
// - `provideUI` injects into the host document through DOMPurify and maps `data-on-<event>` to
//   model calls with `transformableEvent` (type, value, id, className, dataset, rect): no
//   modifier keys. Macro slots get a new id on every render, 50 ms before the slotted hook.
// - `DB.onChanged` fires for in-app edits only; the edit's file is written by a queue flushed
//   every second (`frontend/modules/outliner/file.cljs`, `batch-write-interval`), which then
//   sets `:file/content` and `:file/last-modified-at` without another event.
// - `datascript_query` answers nil when no graph is open.
// - Editor calls (`api.cljs`): `get_current_page` is the page (or, zoomed in, the block) the
//   `:page` route names, nil on any other route; `get_page_blocks_tree` pulls the page's blocks
//   and nests each under its parent (`blocks->vec-tree`);
//   `update_block` on the block being edited only replaces the editor's text (saved when the user
//   leaves it), on any other block saves it (`save-block!`): the database changes, `DB.onChanged`
//   fires, and the queue writes the page's file from all its blocks (`tree->file-content`);
//   `check_editing` is the edited block's uuid or false. A command-palette entry
//   (`register_plugin_simple_command`) runs its `editor/hook` with the edited block's uuid, if any.
import createDOMPurify from 'dompurify';
import { snakeCase } from 'snake-case';
import type { SettingSchemaDesc, UIOptions } from '@logseq/libs/dist/LSPlugin';
import type { Entity, FakeGraph } from './graph';
import { LOGSEQ_HOST_CSS } from './logseq-css';

export const POSTMATE_TYPE = 'application/x-postmate-v1+json';
const LSPMSG = '#lspmsg#';
const LSPMSG_READY = '#lspmsg#ready#';
const LSPMSG_SYNC = '#lspmsg#reply#';
const LSPMSG_SETTINGS = '#lspmsg#settings#';
const LSPMSG_ERROR_TAG = '#lspmsg#error#';
const LSPMSG_BEFORE_UNLOAD = '#lspmsg#beforeunload#';

/** The host's sanitiser config (`libs/src/helpers.ts` `setupInjectedUI`). */
export const HOST_PURIFY_CONFIG = {
  ADD_TAGS: ['iframe'],
  ALLOW_UNKNOWN_PROTOCOLS: true,
  ADD_ATTR: ['allow', 'src', 'allowfullscreen', 'frameborder', 'scrolling', 'target'],
};

const EVENTS = ['click', 'focus', 'focusin', 'focusout', 'blur', 'dblclick', 'keyup', 'keypress', 'keydown', 'change', 'input', 'contextmenu'];

/** The plugin's frame as the host sees it: messages out (to its origin) and in (from it only). */
export interface FrameChannel {
  post(message: unknown): void;
  listen(handler: (data: Record<string, unknown>) => void): () => void;
}

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
  /** Settings the user saved before (`~/.logseq/settings/<id>.json`). */
  settings?: Record<string, unknown>;
  /** The write queue's interval (the app's is 1000 ms). */
  writeIntervalMs?: number;
  /** Load the Logseq CSS rules that reach into injected UI (default true). */
  styles?: boolean;
  /** The main UI's container element (Chromium: the iframe's wrapper). */
  mainUIContainer?: HTMLElement | null;
}

export interface ApiCall {
  method: string;
  args: unknown[];
}

export interface EditorState {
  uuid: string;
  content: string;
  cursor: number;
}

export interface FakeHost {
  /** Connect the plugin's frame: the Postmate handshake, then `#lspmsg#ready#`. */
  connect(channel: FrameChannel): Promise<void>;
  /** Resolves when the plugin has connected and told the host its SDK version (its `ready` ran). */
  ready(): Promise<void>;
  calls: ApiCall[];
  rejected: string[];
  navigations: Array<{ route: string; params: unknown; query?: unknown }>;
  sidebar: unknown[];
  /** provideUI writes whose target no longer existed (the host logs and drops them). */
  missedWrites: string[];
  messages: string[];
  /** Every `settings:changed` the host sent. */
  settingsSent: number;
  slashCommands(): string[];
  mainUIVisible(): boolean;
  hooks(): string[];
  /** Render a block holding a macro: a fresh slot element, then (50 ms later) the slotted hook. */
  renderBlock(block: Entity, container?: Element): string;
  /** Logseq re-renders a block: the old slot and its injected UI go, a new slot id comes. */
  rerenderBlock(block: Entity, oldSlot: string): string;
  unmountSlot(slot: string): void;
  /** An edit made in Logseq: the database changes and DB.onChanged fires now; the file is written by the queue. */
  editInApp(path: string, content: string): void;
  /** An edit made outside Logseq (Obsidian, git): the watcher re-parses the file, no onChanged. */
  editOnDisk(path: string, content: string): void;
  /**
   * A page renamed in Logseq (`rename-page-aux`): the page and its file entity change in two
   * transactions, each firing DB.onChanged with the changed entities (the page itself, then its
   * file: neither is a block of a page); the queue then writes the page's file at its new path,
   * the same text (a page in Logseq's own form), stamping a new file time.
   */
  renameInApp(from: string, to: string): void;
  /** A file renamed on disk (rename(2)): the watcher deletes the old page and reads the new file, with its old mtime; no DB.onChanged for the read. */
  renameOnDisk(from: string, to: string): void;
  deleteOnDisk(path: string): void;
  navigate(pageName: string): void;
  /** The user edits the plugin's settings page. */
  updateSettings(attrs: Record<string, unknown>): void;
  switchGraph(): void;
  /** No graph open (datascript_query answers nil). */
  closeRepo(): void;
  /** The graph finishes opening (no event: the app fires none for the first graph). */
  openRepo(): void;
  clickToolbar(): void;
  setTheme(mode: 'light' | 'dark'): void;
  /** Start editing a block; the user has typed `/` at `cursor`; `content`: the editor's text (unsaved typing), default the block's. */
  setEditing(block: Entity, cursor?: number, content?: string): void;
  editor(): EditorState | null;
  runSlashCommand(label: string): Promise<void>;
  /** Labels of the command-palette entries plugins registered. */
  paletteCommands(): string[];
  /** The user picks a command-palette entry. */
  runPaletteCommand(label: string): Promise<void>;
  unload(): Promise<void>;
  close(): void;
}

type Handler = (...args: never[]) => unknown;

/**
 * Logseq's `query_element_rect` (src/main/logseq/sdk/ui.cljs): the first match's
 * getBoundingClientRect as JSON (in Chromium, a forced style and layout), nil when none.
 */
function elementRect(doc: Document, selector: string): Record<string, number> | null {
  const el = doc.querySelector(selector);
  if (!el) return null;
  const { x, y, width, height, top, right, bottom, left } = el.getBoundingClientRect();
  return { x, y, width, height, top, right, bottom, left };
}

export function createFakeHost(options: FakeHostOptions): FakeHost {
  const { graph, hostDocument: doc } = options;
  const win = doc.defaultView as unknown as Window & typeof globalThis;
  const pluginId = options.pluginId ?? 'maturity-map';
  const purify = createDOMPurify(win);
  const calls: ApiCall[] = [];
  const rejected: string[] = [];
  const navigations: FakeHost['navigations'] = [];
  const sidebar: unknown[] = [];
  const missedWrites: string[] = [];
  const messages: string[] = [];
  const installedHooks = new Set<string>();
  const slash = new Map<string, unknown[][]>();
  const injected = new Map<string, () => void>();
  const pendingWrites = new Map<string, string>();
  let settings: Record<string, unknown> = { disabled: false, ...(options.settings ?? {}) };
  let mainVisible = false;
  let repoOpen = true;
  let editing: EditorState | null = null;
  /** The `:page` route's name (a page name, or a block uuid when zoomed in); null on other routes. */
  let routePage: string | null = null;
  const palette = new Map<string, { cmd: Record<string, unknown>; action: unknown[] }>();
  let slotCounter = 0;
  let channel: FrameChannel | null = null;
  let settingsSent = 0;
  let requestUid = 0;
  let readyResolve: () => void = () => undefined;
  const readyPromise = new Promise<void>((r) => (readyResolve = r));
  const offs: Array<() => void> = [];

  if (options.styles !== false) {
    const style = doc.createElement('style');
    style.setAttribute('data-fake', 'logseq-0.10.15');
    style.textContent = LOGSEQ_HOST_CSS;
    doc.head.prepend(style);
  }

  const call = (property: string, data: unknown) => channel?.post({ postmate: 'call', type: POSTMATE_TYPE, property, data });
  const fireHook = (ns: 'hook:app' | 'hook:editor' | 'hook:db', type: string, payload: unknown) => {
    const snake = snakeCase(type);
    if (!installedHooks.has(`${ns}:${snake}`)) return;
    call(LSPMSG, { ns, type: snake, payload });
  };
  const setSettings = (next: Record<string, unknown>) => {
    settings = next;
    settingsSent++;
    call(LSPMSG_SETTINGS, { payload: { ...settings } });
  };

  function transformableEvent(target: HTMLElement, event: Event): Record<string, unknown> {
    const out: Record<string, unknown> = { type: event.type };
    for (const key of ['value', 'id', 'className', 'dataset'] as const) {
      const value: unknown = (target as unknown as Record<string, unknown>)[key];
      // As the host does: objects are spread (an SVG element's className is an SVGAnimatedString).
      out[key] = typeof value === 'object' && value !== null ? { ...value } : value;
    }
    if ('rect' in target.dataset) out['rect'] = target.getBoundingClientRect().toJSON() as unknown;
    return out;
  }

  function delegate(el: HTMLElement): void {
    for (const type of EVENTS) {
      el.addEventListener(type, (event) => {
        const trigger = (event.target as HTMLElement).closest(`[data-on-${type}]`) as HTMLElement | null;
        if (!trigger) return;
        const method = trigger.dataset[`on${type.charAt(0).toUpperCase()}${type.slice(1)}`];
        if (method) call(method, transformableEvent(trigger, event));
        if (trigger.dataset['preventDefault']?.toLowerCase() === 'true') event.preventDefault();
      });
    }
  }

  function provideUI(ui: UIOptions): void {
    const slot = 'slot' in ui ? ui.slot : null;
    const selector = slot ? `#${slot}` : 'path' in ui ? ui.path : null;
    const id = `${pluginId}--${ui.key ?? `ui${slotCounter++}`}`;
    const target = selector ? doc.querySelector(selector) : doc.body;
    if (!target) {
      missedWrites.push(selector ?? '');
      return;
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
    el.setAttribute('data-ref', pluginId);
    // eslint-disable-next-line no-restricted-properties -- the host does exactly this with the sanitised template.
    el.innerHTML = template;
    target.appendChild(el);
    delegate(el);
    injected.set(id, () => {
      injected.delete(id);
      el.remove();
    });
  }

  function provideStyle(style: string | { key?: string; style: string }): void {
    const el = doc.createElement('style');
    el.setAttribute('data-ref', pluginId);
    el.textContent = typeof style === 'string' ? style : style.style;
    doc.head.appendChild(el);
  }

  /** A page by entity id, name or uuid, as `Editor.getPage` takes it. */
  const pageOf = (src: unknown): Entity | undefined => {
    if (typeof src === 'number') {
      const json = graph.editorJson(src) as { name?: unknown } | null;
      return typeof json?.name === 'string' ? graph.pageByName(json.name) : undefined;
    }
    if (typeof src !== 'string') return undefined;
    return graph.pageByName(src);
  };
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  /** `save-block!`: the database changes now, DB.onChanged fires, the queue writes the file from the blocks. */
  function saveBlock(uuid: string, content: string): void {
    const { page, block } = graph.saveBlock(uuid, content);
    const file = page['block/file'] as { ':db/id': number } | undefined;
    const path = file ? (graph.editorJson(file[':db/id']) as { path?: string } | null)?.path : undefined;
    if (path) pendingWrites.set(path, graph.serializePage(page[':db/id'] as number));
    fireHook('hook:db', 'changed', { blocks: [graph.editorJson(block)], txData: [], txMeta: { outlinerOp: 'saveBlock' } });
  }

  const api: Record<string, Handler> = {
    install_plugin_hook: (_pid: string, hook: string) => void installedHooks.add(hook),
    uninstall_plugin_hook: (_pid: string, hook: string) => void installedHooks.delete(hook),
    set_sdk_metadata: () => readyResolve(),
    get_app_info: () => ({ version: options.graphKind === 'db' ? '2.0.1' : '0.10.15' }),
    register_plugin_ui_item: (_pid: string, type: string, opts: { key: string; template: string }) => {
      let bar = doc.getElementById(`fake-${type}`);
      if (!bar) {
        bar = doc.createElement('div');
        bar.id = `fake-${type}`;
        doc.body.prepend(bar);
      }
      provideUI({ key: `${type}-${opts.key}`, path: `#fake-${type}`, template: opts.template });
    },
    register_plugin_slash_command: (_pid: string, [label, actions]: [string, unknown[][]]) => void slash.set(label, actions),
    register_plugin_simple_command: (_pid: string, [cmd, action]: [Record<string, unknown>, unknown[]], isPalette?: boolean) => {
      if (isPalette) palette.set(String(cmd['label']), { cmd, action });
    },
    get_current_graph: () => (repoOpen ? { url: `logseq_local_${options.graphPath ?? '/graphs/demo'}`, name: 'demo', path: options.graphPath ?? '/graphs/demo' } : null),
    get_current_graph_configs: (...keys: string[]) => (keys[0] === 'file/name-format' ? (graph.fileNameFormat === 'triple-lowbar' ? 'triple-lowbar' : null) : keys.length ? null : {}),
    get_user_configs: () => ({ preferredThemeMode: doc.documentElement.getAttribute('data-theme') ?? 'light', preferredFormat: 'markdown', currentGraph: 'demo' }),
    push_state: (route: string, params: Record<string, unknown>, query?: Record<string, unknown>) => {
      navigations.push(query ? { route, params, query } : { route, params });
      routePage = route === 'page' ? String(params['name']) : null;
      if (route === 'page') fireHook('hook:app', 'route-changed', { path: `/page/${encodeURIComponent(String(params['name']))}`, template: '/page/:name', parameters: { path: params, query: query ?? {} } });
    },
    replace_state: (route: string, params: Record<string, unknown>, query?: Record<string, unknown>) => void navigations.push({ route, params, query }),
    open_in_right_sidebar: (id: unknown) => void sidebar.push(id),
    get_page: (src: unknown) => graph.editorJson(pageOf(src)),
    get_block: (src: unknown) => (typeof src === 'number' ? graph.editorJson(src) : graph.editorJson(graph.blockByUuid(String(src)))),
    get_page_blocks_tree: (src: unknown) => {
      const page = pageOf(src);
      if (!page) return null;
      // `outliner-tree/blocks->vec-tree`: each block under its parent, in document order.
      const nodes = graph.pageBlocks(page[':db/id'] as number).map((b) => ({ id: b[':db/id'] as number, parent: (b['block/parent'] as { ':db/id': number })[':db/id'], json: { ...(graph.editorJson(b) as object), children: [] as unknown[] } }));
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const roots: unknown[] = [];
      for (const n of nodes) (byId.get(n.parent)?.json.children ?? roots).push(n.json);
      return roots;
    },
    get_current_page: () => {
      if (routePage === null) return null;
      return graph.editorJson(UUID.test(routePage) ? graph.blockByUuid(routePage) : graph.pageByName(routePage));
    },
    update_block: (uuid: string, content: string) => {
      if (!UUID.test(String(uuid))) throw new Error(`#${String(uuid)} is not a valid UUID string.`);
      if (editing?.uuid === uuid) editing = { ...editing, content, cursor: Math.min(editing.cursor, content.length) };
      else if (graph.blockByUuid(uuid)) saveBlock(uuid, content);
      return null;
    },
    check_editing: () => (editing ? editing.uuid : false),
    get_editing_block_content: () => (editing ? editing.content : null),
    insert_at_editing_cursor: (text: string) => {
      if (!editing) return;
      editing = { ...editing, content: editing.content.slice(0, editing.cursor) + text + editing.content.slice(editing.cursor), cursor: editing.cursor + text.length };
    },
    restore_editing_cursor: () => undefined,
    datascript_query: (query: string, ...inputs: unknown[]) => (repoOpen ? graph.datascriptQuery(query, ...inputs) : null),
    ui_query_element_rect: (selector: string) => elementRect(doc, selector),
    ui_query_element_by_id: (id: string) => {
      const el = doc.getElementById(id);
      return el ? `${el.tagName}#${id}` : null;
    },
    ui_show_msg: (content: string) => {
      messages.push(content);
      return 'msg';
    },
    ui_resolve_theme_css_props_vals: (props: string | string[]) => {
      const style = win.getComputedStyle(doc.body);
      const out: Record<string, string> = {};
      for (const prop of typeof props === 'string' ? [props] : props) out[prop] = style.getPropertyValue(prop).trim();
      return out;
    },
  };
  if (options.graphKind === 'db') api['check_current_is_db_graph'] = () => true;

  function invoke(method: string, args: unknown[]): unknown {
    const bare = method.startsWith('_call') ? method : method.replace(/^[_$]+/, '');
    const fn = api[snakeCase(bare)] ?? api[bare];
    calls.push({ method: snakeCase(bare), args });
    if (!fn) {
      rejected.push(snakeCase(bare));
      throw new Error(`Not existed method #${bare}`);
    }
    return (fn as (...a: unknown[]) => unknown)(...args);
  }

  function onPluginMessage(type: string, payload: Record<string, unknown>): void {
    switch (type) {
      case 'api:call': {
        let result: unknown;
        try {
          result = invoke(String(payload['method']), (payload['args'] as unknown[]) ?? []);
        } catch (error) {
          result = { [LSPMSG_ERROR_TAG]: error };
        }
        const sync = payload['_sync'];
        if (sync !== undefined && sync !== null) {
          const reply = (value: unknown) => call(LSPMSG_SYNC, { result: value, _sync: sync });
          Promise.resolve(result).then(reply, (error: unknown) => reply({ [LSPMSG_ERROR_TAG]: error }));
        }
        return;
      }
      case 'provider:ui':
        return provideUI(payload as unknown as UIOptions);
      case 'provider:style':
        return provideStyle(payload as unknown as string | { key?: string; style: string });
      case 'settings:schema': {
        const schema = payload['schema'] as SettingSchemaDesc[];
        if (payload['isSync']) {
          const defaults = Object.fromEntries(schema.filter((s) => s.type !== 'heading' && s.default !== null).map((s) => [s.key, s.default]));
          setSettings({ ...defaults, ...settings });
        }
        return;
      }
      case 'settings:update':
        return setSettings({ ...settings, ...payload });
      case 'main-ui:visible':
        mainVisible = payload['toggle'] ? !mainVisible : Boolean(payload['visible']);
        options.mainUIContainer?.classList.toggle('visible', mainVisible);
        return;
      default:
    }
  }

  function handshake(ch: FrameChannel): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let attempts = 0;
      const send = () => {
        attempts++;
        ch.post({ postmate: 'handshake', type: POSTMATE_TYPE, model: { baseInfo: { id: pluginId, name: pluginId, settings: { ...settings } } } });
        if (attempts === 5) clearInterval(timer);
      };
      const timer = setInterval(send, 500);
      const done = setTimeout(() => {
        off();
        reject(new Error('handshake Timeout'));
      }, 8000);
      const off = ch.listen((data) => {
        if (data['postmate'] !== 'handshake-reply') return;
        clearInterval(timer);
        clearTimeout(done);
        off();
        resolve();
      });
      send();
    });
  }

  async function connect(ch: FrameChannel): Promise<void> {
    await handshake(ch);
    channel = ch;
    offs.push(
      ch.listen((data) => {
        if (data['postmate'] !== 'emit') return;
        const value = data['value'] as { name?: string; data?: { type: string; payload: Record<string, unknown> } } | undefined;
        if (value?.name !== `${LSPMSG}${pluginId}` || !value.data) return;
        onPluginMessage(value.data.type, value.data.payload ?? {});
      }),
    );
    call(LSPMSG_READY, { pid: pluginId });
  }

  function request(property: string, ...args: unknown[]): Promise<unknown> {
    const uid = ++requestUid;
    return new Promise((resolve, reject) => {
      const off = channel!.listen((data) => {
        if (data['postmate'] !== 'reply' || data['uid'] !== uid) return;
        off();
        if (data['error']) reject(data['error']);
        else resolve(data['value']);
      });
      channel!.post({ postmate: 'request', type: POSTMATE_TYPE, property, args, uid });
    });
  }

  const writer = setInterval(() => {
    for (const [path, content] of pendingWrites) graph.writeFile(path, content);
    pendingWrites.clear();
  }, options.writeIntervalMs ?? 1000);

  function renderBlock(block: Entity, container: Element = doc.body): string {
    const args = options.macroArguments(String(block['block/content']));
    const slot = `slot__${(slotCounter++).toString(36).padStart(8, 'x')}`;
    const el = doc.createElement('div');
    el.className = 'lsp-hook-ui-slot';
    el.id = slot;
    container.appendChild(el);
    if (args) {
      const payload = { arguments: args, uuid: String(block['block/uuid']), name: 'renderer' };
      setTimeout(() => fireHook('hook:app', 'macro-renderer-slotted', { type: 'macro-renderer-slotted', slot, payload }), 50);
    }
    return slot;
  }

  function unmountSlot(slot: string): void {
    const el = doc.getElementById(slot);
    if (!el) return;
    for (const child of el.querySelectorAll('[data-injected-ui]')) injected.get(child.id)?.();
    el.remove();
  }

  async function runSlashCommand(label: string): Promise<void> {
    const actions = slash.get(label);
    if (!actions || !editing) throw new Error(`fake host: no slash command ${label} or nothing edited`);
    for (const [cmd, ...args] of actions) {
      const state: EditorState = editing;
      if (cmd === 'editor/clear-current-slash') {
        const slashAt = state.content.lastIndexOf('/', state.cursor - 1);
        if (slashAt >= 0) editing = { ...state, content: state.content.slice(0, slashAt) + state.content.slice(state.cursor), cursor: slashAt };
      } else if (cmd === 'editor/input') {
        const value = String(args[0]);
        const opts = (args[1] ?? {}) as Record<string, unknown>;
        const slashAt = state.content.lastIndexOf('/', state.cursor - 1);
        const prefix = slashAt >= 0 ? state.content.slice(0, slashAt) : state.content.slice(0, state.cursor);
        const backward = typeof opts['backward-pos'] === 'number' ? opts['backward-pos'] : 0;
        editing = { ...state, content: prefix + value + state.content.slice(state.cursor), cursor: prefix.length + value.length - backward };
      } else if (cmd === 'editor/hook') {
        fireHook('hook:editor', String(args[0]), { uuid: state.uuid, format: 'markdown' });
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  async function runPaletteCommand(label: string): Promise<void> {
    const entry = palette.get(label);
    if (!entry) throw new Error(`fake host: no command ${label}`);
    const [step, hook] = entry.action;
    if (step === 'editor/hook') fireHook('hook:editor', String(hook), { ...entry.cmd, pid: pluginId, format: 'markdown', uuid: editing?.uuid ?? null });
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    connect,
    ready: () => readyPromise,
    paletteCommands: () => [...palette.keys()],
    runPaletteCommand,
    calls,
    rejected,
    navigations,
    sidebar,
    missedWrites,
    messages,
    get settingsSent() {
      return settingsSent;
    },
    slashCommands: () => [...slash.keys()],
    mainUIVisible: () => mainVisible,
    hooks: () => [...installedHooks],
    renderBlock,
    rerenderBlock(block, oldSlot) {
      const parent = doc.getElementById(oldSlot)?.parentElement ?? doc.body;
      unmountSlot(oldSlot);
      return renderBlock(block, parent);
    },
    unmountSlot,
    editInApp(path, content) {
      const { page, blocks } = graph.applyEdit(path, content);
      pendingWrites.set(path, content);
      // The block the user typed in (this fake cuts no blocks unless asked: a stand-in then).
      const edited = blocks[0] ? graph.editorJson(blocks[0]) : { uuid: graph.uuid(), content: content.split('\n')[0], page: { id: page[':db/id'] } };
      const changed = [edited];
      fireHook('hook:db', 'changed', { blocks: changed, txData: [], txMeta: { outlinerOp: 'saveBlock' } });
    },
    editOnDisk(path, content) {
      graph.setFile(path, content);
    },
    renameInApp(from, to) {
      const fileId = (graph.pageOfFile(from)?.['block/file'] as { ':db/id': number } | undefined)?.[':db/id'];
      const page = graph.renamePage(from, to);
      fireHook('hook:db', 'changed', { blocks: [graph.editorJson(page)], txData: [], txMeta: null });
      if (fileId !== undefined) fireHook('hook:db', 'changed', { blocks: [graph.editorJson(fileId)], txData: [], txMeta: null });
      pendingWrites.set(to, graph.fileContent(to)!);
    },
    renameOnDisk(from, to) {
      graph.renameFile(from, to);
    },
    deleteOnDisk(path) {
      graph.removeFile(path);
    },
    navigate(pageName) {
      routePage = pageName;
      fireHook('hook:app', 'route-changed', { path: `/page/${encodeURIComponent(pageName)}`, template: '/page/:name', parameters: { path: { name: pageName } } });
    },
    updateSettings(attrs) {
      setSettings({ ...settings, ...attrs });
    },
    switchGraph() {
      repoOpen = true;
      fireHook('hook:app', 'current-graph-changed', {});
    },
    closeRepo() {
      repoOpen = false;
    },
    openRepo() {
      repoOpen = true;
    },
    clickToolbar() {
      (doc.querySelector('#fake-toolbar [data-on-click]') as HTMLElement | null)?.click();
    },
    setTheme(mode) {
      doc.documentElement.setAttribute('data-theme', mode);
      fireHook('hook:app', 'theme-mode-changed', { mode });
    },
    setEditing(block, cursor, typed) {
      const content = typed ?? String(block['block/content'] ?? '');
      editing = { uuid: String(block['block/uuid']), content, cursor: cursor ?? content.length };
    },
    editor: () => editing,
    runSlashCommand,
    async unload() {
      if (channel) await request(LSPMSG_BEFORE_UNLOAD, { unregister: false }).catch(() => undefined);
    },
    close() {
      clearInterval(writer);
      for (const off of offs.splice(0)) off();
    },
  };
}
