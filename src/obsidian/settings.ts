// The plugin's settings: what data.json holds, its defaults, and how it maps onto the core's
// settings. Loaded data is validated by the core's settings schema, so a hand-edited or older
// data.json never breaks start-up.
import * as z from 'zod/mini';
import { defaultConfig, DEFAULT_STAGES, flag, lazy, readMaturitySettings, salvageSettings, text, type IndexOptions, type MaturityConfig, type StageDefinition } from '../core/index';

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
  /** On promote, also write the stage to this front-matter property (core `mirrorStage`, off by default). */
  mirrorStage: { enabled: boolean; property: string };
  /** Words notes use for fields and sections, added to the built-in ones (core `vocabulary`, docs/vocabulary.md). */
  vocabulary: MaturityConfig['vocabulary'];
}

/** The settings with nothing set (built on first use: see core/lazy.ts). */
export const defaultSettings = lazy((): PluginSettings => ({
  componentTags: [],
  componentFolders: [],
  excludeFolders: [],
  stages: DEFAULT_STAGES.map((s) => ({ ...s, aliases: [...s.aliases] })),
  staleAfterDays: defaultConfig().staleAfterDays,
  autoHeader: true,
  newNoteFolder: 'Components',
  templatePath: '',
  mirrorStage: { ...defaultConfig().mirrorStage },
  vocabulary: {},
}));

// Host-only keys; the maturity keys go through the core's schema (src/core/settings).
const pluginFields = lazy(() =>
  z.object({
    autoHeader: z._default(flag('show the maturity header'), defaultSettings().autoHeader),
    newNoteFolder: z._default(text('a folder'), defaultSettings().newNoteFolder),
    templatePath: z._default(text('a note path'), defaultSettings().templatePath),
  }),
);

/** Every value is checked on its own: a bad one falls back to its default, the rest are kept. */
export function parseSettings(data: unknown): PluginSettings {
  const record: Record<string, unknown> = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const { settings: core } = readMaturitySettings({
    stages: record['stages'],
    components: { tags: record['componentTags'], folders: record['componentFolders'], excludeFolders: record['excludeFolders'] },
    staleAfterDays: record['staleAfterDays'],
    mirrorStage: record['mirrorStage'],
    vocabulary: record['vocabulary'],
  });
  const { settings: plugin } = salvageSettings(pluginFields(), {
    autoHeader: record['autoHeader'],
    newNoteFolder: record['newNoteFolder'],
    templatePath: record['templatePath'],
  });
  return {
    componentTags: core.components.tags.map((t) => t.replace(/^#/, '')),
    componentFolders: core.components.folders,
    excludeFolders: core.components.excludeFolders,
    stages: core.stages,
    staleAfterDays: core.staleAfterDays,
    mirrorStage: core.mirrorStage,
    vocabulary: core.vocabulary,
    ...plugin,
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
    // mirrorStage is read by promote from the settings (writes.ts): it changes no note's reading,
    // so it stays out of the index options and the cache key.
    vocabulary: settings.vocabulary,
  };
}

/** `a, b ,c` → `['a', 'b', 'c']` for the comma-separated setting fields. */
export function splitList(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}
