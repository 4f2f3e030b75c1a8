// The plugin's settings page (Logseq's `useSettingsSchema`) and its translation into the core's
// settings. Logseq stores what the user typed; every value is checked here, so a hand-edited
// `~/.logseq/settings/<id>.json` cannot break the plugin.
import type { SettingSchemaDesc } from '@logseq/libs/dist/LSPlugin';
import { DEFAULT_STAGES, type MaturitySettings, type StageDefinition } from '../core/index';

export const DEFAULT_POLL_SECONDS = 10;

const stageLines = DEFAULT_STAGES.map((s) => `${s.name} | ${s.color} | ${s.aliases.join(', ')}`).join('\n');

export const SETTINGS_SCHEMA: SettingSchemaDesc[] = [
  { key: 'componentsHeading', type: 'heading', default: null, title: 'Which pages are components', description: '' },
  {
    key: 'tags',
    type: 'string',
    default: '',
    title: 'Tags',
    description: 'Only pages carrying one of these tags are considered (comma-separated, e.g. `TTA`). Empty: every page.',
  },
  {
    key: 'namespacePrefix',
    type: 'string',
    default: '',
    title: 'Namespace',
    description: 'Only pages in this namespace are read (e.g. `TTA/Components`; the file `pages/TTA___Components___Redis.md` is the page `TTA/Components/Redis`). Empty: every page.',
  },
  {
    key: 'folders',
    type: 'string',
    default: '',
    title: 'Folders',
    description: 'Only files under these folders of the graph are considered (comma-separated, e.g. `pages`). Empty: every folder.',
  },
  {
    key: 'excludeFolders',
    type: 'string',
    default: 'logseq, journals',
    title: 'Excluded folders',
    description: 'Files under these folders are never components (comma-separated).',
  },
  { key: 'stagesHeading', type: 'heading', default: null, title: 'Stage pipeline', description: '' },
  {
    key: 'stages',
    type: 'string',
    inputAs: 'textarea',
    default: stageLines,
    title: 'Stages, least mature first',
    description: 'One stage per line: `Name | colour | other names`. Example: `Staging | #2563eb | stage, preprod`.',
  },
  { key: 'checksHeading', type: 'heading', default: null, title: 'Checks', description: '' },
  {
    key: 'staleAfterDays',
    type: 'number',
    default: 30,
    title: 'Stale after (days)',
    description: 'A component whose Last Updated is older than this is flagged stale.',
  },
  {
    key: 'logseqDiagnostics',
    type: 'boolean',
    default: true,
    title: 'Show what Logseq reads differently',
    description: 'Cards list where Logseq reads a note differently from Obsidian (dropped front matter, `[a, b]` tags, renamed keys, page names).',
  },
  {
    key: 'pollSeconds',
    type: 'number',
    default: DEFAULT_POLL_SECONDS,
    title: 'Re-read files every (seconds)',
    description: 'Edits made outside Logseq (Obsidian, git) do not trigger Logseq change events; visible cards re-read the files this often. 0 turns it off.',
  },
];

export interface PluginSettings {
  core: MaturitySettings;
  /** Lower-case namespace whose pages are read (`tta/components`), or ''. */
  namespacePrefix: string;
  logseqDiagnostics: boolean;
  pollSeconds: number;
}

/** Whether two settings index the same pages the same way (only display settings differ). */
export function sameCoreSettings(a: PluginSettings, b: PluginSettings): boolean {
  return a.namespacePrefix === b.namespacePrefix && JSON.stringify(a.core) === JSON.stringify(b.core);
}

/** `TTA/Components/`, `[[TTA/Components]]` → `tta/components`. */
export function namespaceOf(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.trim().replace(/^\[\[|\]\]$/g, '').replace(/^\/+|\/+$/g, '').toLowerCase();
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').map((s) => s.trim()).filter(Boolean);
  if (typeof value !== 'string') return [];
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function number(value: unknown, fallback: number, min: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  return Number.isFinite(n) && n >= min ? n : fallback;
}

const COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|hsl)a?\([\d\s.,%/]+\))$/i;

/** `Name | colour | aliases` lines; bad colours fall back to grey, empty names are skipped. */
export function parseStages(value: unknown): Array<Partial<StageDefinition> & { name: string }> | undefined {
  if (typeof value !== 'string') return undefined;
  const stages: Array<Partial<StageDefinition> & { name: string }> = [];
  for (const line of value.split(/\r?\n/)) {
    const [name = '', color = '', aliases = ''] = line.split('|').map((s) => s.trim());
    if (name === '') continue;
    stages.push({ name, color: COLOR.test(color) ? color : '#6b7280', aliases: list(aliases) });
  }
  return stages.length > 0 ? stages : undefined;
}

export function readSettings(raw: Record<string, unknown> | undefined): PluginSettings {
  const s = raw ?? {};
  const core: MaturitySettings = {
    components: {
      tags: list(s['tags']),
      folders: list(s['folders']),
      excludeFolders: s['excludeFolders'] === undefined ? ['logseq', 'journals'] : list(s['excludeFolders']),
    },
    staleAfterDays: number(s['staleAfterDays'], 30, 1),
  };
  // Unset and the default text read the same, so the host's echo of the defaults changes nothing.
  const stages = parseStages(s['stages'] ?? stageLines);
  if (stages) core.stages = stages;
  return {
    core,
    namespacePrefix: namespaceOf(s['namespacePrefix']),
    logseqDiagnostics: s['logseqDiagnostics'] !== false,
    pollSeconds: number(s['pollSeconds'], DEFAULT_POLL_SECONDS, 0),
  };
}
