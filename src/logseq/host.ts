// The part of the Logseq plugin SDK this plugin calls, typed from `@logseq/libs`, and narrow
// shapes of the file-graph (0.10.x) entities it reads. The SDK's 0.2.x typings describe the DB
// era (`title` required on blocks, typed properties), so the file-graph answers get types of
// their own: `Editor.*` returns camelCased keys, `DB.datascriptQuery` kebab-case keys without
// namespaces (`sdk-utils/normalize-keyword-for-json` with camel-case? false).
import type { IAppProxy, IDBProxy, IEditorProxy, ILSPluginUser, IUIProxy } from '@logseq/libs/dist/LSPlugin';

export type LogseqApp = Pick<
  IAppProxy,
  | 'checkCurrentIsDbGraph'
  | 'getCurrentGraph'
  | 'getCurrentGraphConfigs'
  | 'pushState'
  | 'registerUIItem'
  | 'registerCommandPalette'
  | 'onMacroRendererSlotted'
  | 'onRouteChanged'
  | 'onCurrentGraphChanged'
  | 'getUserConfigs'
  | 'onThemeModeChanged'
>;
export type LogseqEditor = Pick<
  IEditorProxy,
  | 'registerSlashCommand'
  | 'insertAtEditingCursor'
  | 'getBlock'
  | 'getPage'
  | 'getPageBlocksTree'
  | 'scrollToBlockInPage'
  | 'openInRightSidebar'
  // "Link dependencies" (link-command.ts)
  | 'getCurrentPage'
  | 'updateBlock'
  | 'checkEditing'
  | 'getEditingBlockContent'
>;
export type LogseqDB = Pick<IDBProxy, 'datascriptQuery' | 'onChanged'>;
export type LogseqUI = Pick<IUIProxy, 'queryElementById' | 'queryElementRect' | 'showMsg' | 'resolveThemeCssPropsVals'>;

/** What the plugin needs from the global `logseq` (an `ILSPluginUser`). */
export interface LogseqHost
  extends Pick<
    ILSPluginUser,
    | 'provideModel'
    | 'provideStyle'
    | 'provideUI'
    | 'useSettingsSchema'
    | 'onSettingsChanged'
    | 'showMainUI'
    | 'hideMainUI'
    | 'setMainUIInlineStyle'
    | 'beforeunload'
  > {
  readonly settings?: Record<string, unknown>;
  readonly isMainUIVisible: boolean;
  readonly App: LogseqApp;
  readonly Editor: LogseqEditor;
  readonly DB: LogseqDB;
  readonly UI: LogseqUI;
}

/** `Editor.getBlock` on a file graph: `page` is a ref `{id}`. */
export interface FileBlock {
  id: number;
  uuid: string;
  content?: string;
  page?: { id: number };
}

/** `Editor.getPage` on a file graph (camelCased keys). */
export interface FilePage {
  id: number;
  name: string;
  originalName?: string;
  file?: { id: number };
  properties?: Record<string, unknown>;
}

/** One row of the files query (`datascriptQuery` pull: kebab keys, namespaces dropped). */
export interface FileRow {
  id: number;
  name: string;
  'original-name'?: string;
  'journal?'?: boolean;
  file: { id?: number; path: string; content?: string | null; 'last-modified-at'?: unknown };
}

/** A block of `Editor.getPageBlocksTree` (file graph): content and children. */
export interface TreeBlock {
  uuid: string;
  content?: string;
  children?: TreeBlock[];
}

/**
 * One of `DB.onChanged`'s changed entities (every entity a transaction touched, `[*]`): a block
 * carries its page ref; a page (renamed in the app, say) carries its own id and name, no page ref.
 */
export interface ChangedBlock {
  id?: unknown;
  name?: unknown;
  page?: { id: number } | null;
}

/** The page a changed entity belongs to, or is: a block's page, a page itself; undefined for others (a file entity). */
export function changedPageId(entity: ChangedBlock): number | undefined {
  if (typeof entity.page?.id === 'number') return entity.page.id;
  return typeof entity.name === 'string' && typeof entity.id === 'number' ? entity.id : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isFileRow(value: unknown): value is FileRow {
  if (!isRecord(value) || typeof value['name'] !== 'string' || !isRecord(value['file'])) return false;
  return typeof value['file']['path'] === 'string';
}
