// The plugin's settings: what data.json holds, its defaults, and how it maps onto the core's
// settings. Loaded data is validated, so a hand-edited or older data.json never breaks start-up.
import * as z from 'zod/mini';
import { DEFAULT_CONFIG, DEFAULT_STAGES, type IndexOptions, type StageDefinition } from '../core/index';

export interface PluginSettings {
  /** Only notes with one of these tags are components (empty: any note). */
  componentTags: string[];
  /** Only notes under these folders are components (empty: anywhere). */
  componentFolders: string[];
  /** Notes under these folders are never components. */
  excludeFolders: string[];
  /** The stage pipeline, least mature first. */
  stages: StageDefinition[];
  /** Last Updated older than this many days makes a component stale. */
  staleAfterDays: number;
  /** Show the maturity header at the top of every component note. */
  autoHeader: boolean;
  /** Folder new maturity notes are created in. */
  newNoteFolder: string;
  /** A note to use as the template for new maturity notes (empty: the built-in template). */
  templatePath: string;
}

export const DEFAULT_SETTINGS: PluginSettings = {
  componentTags: [],
  componentFolders: [],
  excludeFolders: [],
  stages: DEFAULT_STAGES.map((s) => ({ ...s, aliases: [...s.aliases] })),
  staleAfterDays: DEFAULT_CONFIG.staleAfterDays,
  autoHeader: true,
  newNoteFolder: 'Components',
  templatePath: '',
};

const words = z.pipe(z.array(z.string()), z.transform((list: string[]) => list.map((w) => w.trim()).filter(Boolean)));
const stageSchema = z.object({
  id: z.optional(z.string()),
  name: z.string().check(z.trim(), z.minLength(1)),
  aliases: z.optional(words),
  color: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{3,8}$/))),
});

/** Every field is checked on its own: one bad field falls back to its default, the rest are kept. */
const fields = {
  componentTags: words,
  componentFolders: words,
  excludeFolders: words,
  stages: z.array(stageSchema).check(z.minLength(1)),
  staleAfterDays: z.number().check(z.int(), z.minimum(1), z.maximum(36_500)),
  autoHeader: z.boolean(),
  newNoteFolder: z.string(),
  templatePath: z.string(),
} as const;

export function parseSettings(data: unknown): PluginSettings {
  const settings: PluginSettings = structuredClone(DEFAULT_SETTINGS);
  if (data === null || typeof data !== 'object') return settings;
  const record = data as Record<string, unknown>;
  const stages = fields.stages.safeParse(record['stages']);
  if (stages.success) settings.stages = stages.data.map(normaliseStage);
  const tags = fields.componentTags.safeParse(record['componentTags']);
  if (tags.success) settings.componentTags = tags.data.map((t) => t.replace(/^#/, ''));
  const folders = fields.componentFolders.safeParse(record['componentFolders']);
  if (folders.success) settings.componentFolders = folders.data;
  const excluded = fields.excludeFolders.safeParse(record['excludeFolders']);
  if (excluded.success) settings.excludeFolders = excluded.data;
  const stale = fields.staleAfterDays.safeParse(record['staleAfterDays']);
  if (stale.success) settings.staleAfterDays = stale.data;
  const header = fields.autoHeader.safeParse(record['autoHeader']);
  if (header.success) settings.autoHeader = header.data;
  const folder = fields.newNoteFolder.safeParse(record['newNoteFolder']);
  if (folder.success) settings.newNoteFolder = folder.data.trim();
  const template = fields.templatePath.safeParse(record['templatePath']);
  if (template.success) settings.templatePath = template.data.trim();
  return settings;
}

function normaliseStage(stage: z.infer<typeof stageSchema>): StageDefinition {
  const name = stage.name.trim();
  return {
    id: (stage.id ?? name).trim().toLowerCase().replace(/\s+/g, '-') || name.toLowerCase(),
    name,
    aliases: (stage.aliases ?? []).map((a) => a.toLowerCase()),
    color: stage.color ?? '#6b7280',
  };
}

/** The core index options these settings stand for. */
export function indexOptions(settings: PluginSettings): IndexOptions {
  return {
    stages: settings.stages,
    components: {
      tags: settings.componentTags,
      folders: settings.componentFolders,
      excludeFolders: settings.excludeFolders,
    },
    staleAfterDays: settings.staleAfterDays,
  };
}

/** `a, b ,c` → `['a', 'b', 'c']` for the comma-separated setting fields. */
export function splitList(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}
