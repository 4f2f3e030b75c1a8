// The plugin's settings page (Logseq's `useSettingsSchema`) and its translation into the core's
// settings. Logseq stores what the user typed; the core's settings schema checks every value, so a
// hand-edited `~/.logseq/settings/<id>.json` cannot break the plugin.
import type { SettingSchemaDesc } from '@logseq/libs/dist/LSPlugin';
import * as z from 'zod/mini';
import { DEFAULT_COLOR, DEFAULT_STAGES, flag, isColour, readMaturitySettings, salvageSettings, type MaturitySettings, type StageDefinition } from '../core/index';

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
  {
    key: 'vocabulary',
    type: 'string',
    inputAs: 'textarea',
    default: '',
    title: 'Words your notes use',
    description:
      'For notes written to another template: labels, headings and status lines added to the built-in ones, as a JSON object; each key of the vocabulary takes a list of words. Example: `{ "currentStage": ["Lifecycle"], "owner": ["Maintainer"], "dependencies": ["Requires"] }` (docs/vocabulary.md lists every key). Empty: the built-in words only.',
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
  /** What was wrong in the stored settings (each bad value fell back to its default), for the user. */
  problems: string[];
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

/** A number typed into the settings page (Logseq may store it as text); anything else is left for the schema to reject. */
function number(value: unknown): unknown {
  return typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
}

/** `Name | colour | aliases` lines; empty names are skipped. The core's schema checks the rest. */
export function parseStages(value: unknown): Array<Partial<StageDefinition> & { name: string }> | undefined {
  if (typeof value !== 'string') return undefined;
  const stages: Array<Partial<StageDefinition> & { name: string }> = [];
  for (const line of value.split(/\r?\n/)) {
    const [name = '', color = '', aliases = ''] = line.split('|').map((s) => s.trim());
    if (name === '') continue;
    stages.push({ name, color: isColour(color) ? color : DEFAULT_COLOR, aliases: list(aliases) });
  }
  return stages.length > 0 ? stages : undefined;
}

/**
 * The vocabulary as typed on the settings page (JSON text), or as an object in a hand-edited
 * settings file. Text that is not JSON is a problem, and no words are added.
 */
export function parseVocabulary(value: unknown): { vocabulary?: unknown; problems: string[] } {
  if (value === undefined || value === null) return { problems: [] };
  if (typeof value !== 'string') return { vocabulary: value, problems: [] };
  if (value.trim() === '') return { problems: [] };
  try {
    return { vocabulary: JSON.parse(value) as unknown, problems: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [`vocabulary: not valid JSON (${reason}); expected an object such as { "currentStage": ["Lifecycle"] } (see docs/vocabulary.md)`] };
  }
}

// Host-only keys; the maturity keys go through the core's schema (src/core/settings).
const pluginFields = z.object({
  logseqDiagnostics: z._default(flag('show what Logseq reads differently'), true),
  pollSeconds: z._default(z.number('expected a number of seconds').check(z.minimum(0, 'expected 0 or more seconds')), DEFAULT_POLL_SECONDS),
});

/** Every value is checked on its own: a bad one falls back to its default, the rest are kept. */
export function readSettings(raw: Record<string, unknown> | undefined): PluginSettings {
  const s = raw ?? {};
  const vocabulary = parseVocabulary(s['vocabulary']);
  const { settings: core, issues } = readMaturitySettings({
    components: {
      tags: list(s['tags']),
      folders: list(s['folders']),
      excludeFolders: s['excludeFolders'] === undefined ? ['logseq', 'journals'] : list(s['excludeFolders']),
    },
    staleAfterDays: number(s['staleAfterDays']),
    // Unset and the default text read the same, so the host's echo of the defaults changes nothing.
    stages: parseStages(s['stages'] ?? stageLines),
    ...(vocabulary.vocabulary !== undefined ? { vocabulary: vocabulary.vocabulary } : {}),
  });
  const { settings: plugin, issues: pluginIssues } = salvageSettings(pluginFields, { logseqDiagnostics: s['logseqDiagnostics'], pollSeconds: number(s['pollSeconds']) });
  const problems = [...vocabulary.problems, ...[...issues, ...pluginIssues].map((issue) => `${issue.key || 'settings'}: ${issue.message}`)];
  return { core, namespacePrefix: namespaceOf(s['namespacePrefix']), ...plugin, problems };
}
