// Settings every host shares: the stage pipeline, which notes are components, and thresholds.
import type { DiagnosticCode, Severity } from './model';

export interface StageDefinition {
  /** Lower-case id used in JSON and queries. */
  id: string;
  /** Display name, e.g. "Staging". */
  name: string;
  /** Other words that name this stage in notes, matched case-insensitively ("dev", "prod"). */
  aliases: string[];
  /** CSS colour for badges and graph nodes. */
  color: string;
}

export interface ComponentRules {
  /** When non-empty, only notes carrying one of these tags are considered. */
  tags: string[];
  /** When non-empty, only notes under one of these folders are considered. */
  folders: string[];
  /** Notes under these folders are never components. */
  excludeFolders: string[];
  /** File names that always hold a maturity note (also matched against a mirrored `path:` property). */
  fileNames: string[];
  /** Tags that mark a note as a component outright. */
  markerTags: string[];
  /** Recognise maturity notes by their structure (a Current Stage header, criteria sections). */
  detect: boolean;
}

export interface MaturityConfig {
  stages: StageDefinition[];
  components: ComponentRules;
  /** Last Updated older than this many days makes a component stale. */
  staleAfterDays: number;
  /** Per-code severity overrides; `off` hides the diagnostic. */
  severity: Partial<Record<DiagnosticCode, Severity | 'off'>>;
}

export const DEFAULT_STAGES: StageDefinition[] = [
  { id: 'development', name: 'Development', aliases: ['dev', 'develop', 'in development'], color: '#d97706' },
  { id: 'staging', name: 'Staging', aliases: ['stage', 'pre-production', 'preprod'], color: '#2563eb' },
  { id: 'production', name: 'Production', aliases: ['prod', 'live'], color: '#16a34a' },
];

export const DEFAULT_CONFIG: MaturityConfig = {
  stages: DEFAULT_STAGES,
  components: {
    tags: [],
    folders: [],
    excludeFolders: [],
    fileNames: ['MATURITY.md'],
    markerTags: ['maturity', 'component-maturity'],
    detect: true,
  },
  staleAfterDays: 30,
  severity: {},
};

/** Deep-enough merge of user settings over the defaults; unknown keys are ignored. */
export interface MaturitySettings {
  stages?: Array<Partial<StageDefinition> & { name: string }>;
  components?: Partial<ComponentRules>;
  staleAfterDays?: number;
  severity?: MaturityConfig['severity'];
}

export function resolveConfig(partial: MaturitySettings = {}): MaturityConfig {
  const stages = Array.isArray(partial.stages) && partial.stages.length > 0
    ? partial.stages.map(normaliseStage)
    : DEFAULT_CONFIG.stages;
  return {
    stages,
    components: { ...DEFAULT_CONFIG.components, ...(partial.components ?? {}) },
    staleAfterDays: typeof partial.staleAfterDays === 'number' && partial.staleAfterDays > 0
      ? partial.staleAfterDays
      : DEFAULT_CONFIG.staleAfterDays,
    severity: { ...(partial.severity ?? {}) },
  };
}

function normaliseStage(stage: Partial<StageDefinition> & { name: string }): StageDefinition {
  const name = String(stage.name).trim();
  return {
    id: String(stage.id ?? name).trim().toLowerCase().replace(/\s+/g, '-'),
    name,
    aliases: (stage.aliases ?? []).map((a) => String(a).trim().toLowerCase()).filter(Boolean),
    color: safeColor(stage.color),
  };
}

// A colour, and nothing that could carry more CSS: views put it in a custom property, and a value
// such as `red;background:url(…)` from a shared vault's settings must not reach a style attribute.
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([0-9a-z.,%\s/+-]{1,80}\)|var\(--[a-z0-9-]{1,60}\))$/i;
const DEFAULT_COLOR = '#6b7280';

function safeColor(value: unknown): string {
  return typeof value === 'string' && COLOR.test(value.trim()) ? value.trim() : DEFAULT_COLOR;
}
