// What the plugin registers with Logseq once: the settings schema, its styles, the model calls
// that our markup's buttons make (injected markup has no listeners), the toolbar icon, the
// command palette entry and the slash commands.
import { queryOrder, type RowOrder } from '../plugin-cache/query-order';
import { findText } from './graph-focus-menu';
import { isRecord, type LogseqHost } from './host';
import { SLASH_COMMANDS } from './macros';
import { OPEN_METHOD, SIDEBAR_METHOD, SLOT_METHOD } from './markup';
import type { PluginEnvironment } from './plugin-state';
import { SETTINGS_SCHEMA } from './settings';
import type { SlotRegistry, SlotState } from './slot-types';

export const TOOLBAR_KEY = 'maturity-map-toolbar';

const TOOLBAR_ICON =
  '<a class="button" data-on-click="mmToggleMain" title="Maturity Map" aria-label="Maturity Map">' +
  '<svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">' +
  '<circle cx="5" cy="12" r="3"/><circle cx="19" cy="6" r="3"/><circle cx="19" cy="18" r="3"/><path d="M8 11l8-4M8 13l8 4"/></svg></a>';

export interface UIParts {
  slots: SlotRegistry;
  openLine: (id: string, line: number) => Promise<void>;
  toggleMain: () => void;
  onSettings: (raw: Record<string, unknown>) => void;
}

/**
 * What a slot control asks for, applied to the slot's view state. `own`: the order a query's table
 * shows before any header press (its `sort` and `order`; names A→Z by default).
 */
export function slotPatch(action: string, arg: string, value: unknown, own: RowOrder = { column: 'name', order: 'asc' }): ((s: SlotState) => SlotState) | null {
  switch (action) {
    case 'sort':
      // The header of the order shown reverses it. A new order starts again at the first page
      // (the whole result is sorted, query-slot.ts), as Obsidian's query block does.
      return (s) => {
        const now = s.sort ?? own;
        const next: SlotState = { ...s, sort: { column: arg, order: now.column === arg && now.order === 'asc' ? 'desc' : 'asc' } };
        delete next.limit;
        return next;
      };
    case 'more': {
      // The rows the slot is to show next, written on the button (views.ts): a page more than now.
      const rows = Math.floor(Number(arg));
      return Number.isFinite(rows) && rows >= 1 ? (s) => ({ ...s, limit: rows }) : null;
    }
    case 'focus':
      return (s) => ({ ...s, focus: typeof value === 'string' && value !== '' ? value : null, zoom: 0 });
    case 'hops': {
      const hops = Math.floor(Number(value));
      return Number.isFinite(hops) && hops >= 1 ? (s) => ({ ...s, hops: Math.min(9, hops) }) : null;
    }
    case 'find':
      // The Find field's text (a change: Enter, or leaving the field); empty clears it.
      return (s) => {
        const next: SlotState = { ...s };
        const find = findText(value);
        if (find === undefined) delete next.find;
        else next.find = find;
        return next;
      };
    case 'externals':
      // A toggle: the checkbox's state does not travel with the model call.
      return (s) => ({ ...s, externals: s.externals === false });
    case 'zoom':
      return (s) => ({ ...s, zoom: arg === 'fit' ? 0 : (s.zoom ?? 0) + (arg === 'in' ? 1 : -1) });
    default:
      return null;
  }
}

/** The most calls the host makes for one event that we believe: a control is never nested deeper. */
const MAX_CALLS = 8;

/** How many calls the host makes for this event (the control's `data-mm-calls`, markup.ts declareCalls); 1 when it declares none. */
function declaredCalls(event: unknown): number {
  const calls = isRecord(event) && isRecord(event['dataset']) ? Number(event['dataset']['mmCalls']) : 1;
  return Number.isInteger(calls) && calls >= 1 && calls <= MAX_CALLS ? calls : 1;
}

/**
 * Which model calls act: the first of each event's calls. The host calls a control's method once
 * per injected root around it, each call posted to the frame right after the other in the same
 * DOM dispatch (postMessage keeps their order), and the control declares how many (declareCalls,
 * where the host's source is cited). So after a call that declares n, the next n − 1 calls with the
 * same method and event are its echoes, whenever they come; anything else is a new event. No
 * clock: two presses of one control a millisecond apart both act, and an echo delivered late to a
 * busy frame does not.
 */
export function createEchoFilter(): (method: string, event: unknown) => boolean {
  let last = '';
  let echoes = 0;
  return (method, event) => {
    const key = `${method}\n${JSON.stringify(event) ?? ''}`;
    if (key === last && echoes > 0) {
      echoes--;
      return false;
    }
    last = key;
    echoes = declaredCalls(event) - 1;
    return true;
  };
}

export function registerUI(host: LogseqHost, env: PluginEnvironment, parts: UIParts): () => void {
  host.useSettingsSchema(SETTINGS_SCHEMA);
  host.provideStyle({ key: 'maturity-map', style: env.css });
  const datasetOf = (event: unknown): Record<string, unknown> => (isRecord(event) && isRecord(event['dataset']) ? event['dataset'] : {});
  const firstCall = createEchoFilter();
  const once = (method: string, handler: (event: unknown) => void) => (event: unknown) => {
    if (firstCall(method, event)) handler(event);
  };
  host.provideModel({
    [OPEN_METHOD]: once(OPEN_METHOD, (event: unknown) => {
      const dataset = datasetOf(event);
      const line = Number(dataset['mmLine']);
      const id = dataset['mmId'];
      if (typeof id === 'string' && Number.isInteger(line) && line > 0) return void parts.openLine(id, line);
      const page = dataset['mmPage'];
      if (typeof page === 'string' && page !== '') host.App.pushState('page', { name: page });
    }),
    [SIDEBAR_METHOD]: once(SIDEBAR_METHOD, (event: unknown) => {
      const id = Number(datasetOf(event)['mmPageId']);
      if (Number.isInteger(id)) host.Editor.openInRightSidebar(id);
    }),
    [SLOT_METHOD]: once(SLOT_METHOD, (event: unknown) => {
      const dataset = datasetOf(event);
      const slot = dataset['mmSlot'];
      if (typeof slot !== 'string') return;
      const macro = parts.slots.get(slot)?.macro;
      const own = macro?.kind === 'query' ? queryOrder(macro.query) : undefined;
      const patch = slotPatch(String(dataset['mmAction'] ?? ''), String(dataset['mmArg'] ?? ''), isRecord(event) ? event['value'] : undefined, own);
      if (patch) void parts.slots.update(slot, patch);
    }),
    // The toolbar icon is one injected root in Logseq's own header (frontend/components/plugins.cljs
    // `ui-item-renderer`, tag 0.10.15, lines 1006–1025): one call a click.
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

