// The settings every host shares, as one zod schema: what a `.maturity-map.json` may hold, each
// key's default, and the normalised shape the core reads. To add a setting, add one key to
// `settingsSchema` (with its default) and a row to test/core/settings/settings.test.ts.
import * as z from 'zod/mini';
import { backstageSchema } from './backstage';
import { colour, DEFAULT_COLOR, diagnosticCode, flag, text, wholeNumber, wordList } from './fields';
import { vocabularySchema } from './vocabulary';
import { lazy } from '../lazy';

const stageFields = lazy(() =>
  z.strictObject(
    {
      /** Lower-case id used in JSON and queries; made from the name when absent. */
      id: z.optional(text('a stage id')),
      /** Display name, e.g. "Staging". */
      name: text('the stage name').check(z.minLength(1, 'expected a stage name that is not blank')),
      /** Other words that name this stage in notes, matched case-insensitively ("dev", "prod"). */
      aliases: z._default(wordList('other names for the stage'), () => []),
      /** CSS colour for badges and graph nodes. */
      color: z._default(colour(), DEFAULT_COLOR),
    },
    'expected a stage: { "name": "…", "aliases": ["…"], "color": "#rrggbb" }',
  ),
);

function stageId(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '-');
}

export const stageSchema = lazy(() =>
  z.pipe(
    stageFields(),
    z.transform((stage: z.output<ReturnType<typeof stageFields>>) => ({
      id: stageId(stage.id || stage.name),
      name: stage.name,
      aliases: stage.aliases.map((alias) => alias.toLowerCase()),
      color: stage.color,
    })),
  ),
);

export type StageDefinition = z.output<ReturnType<typeof stageSchema>>;

export const DEFAULT_STAGES: StageDefinition[] = [
  { id: 'development', name: 'Development', aliases: ['dev', 'develop', 'in development'], color: '#d97706' },
  { id: 'staging', name: 'Staging', aliases: ['stage', 'pre-production', 'preprod'], color: '#2563eb' },
  { id: 'production', name: 'Production', aliases: ['prod', 'live'], color: '#16a34a' },
];

const stageList = lazy(() =>
  z.array(stageSchema(), 'expected a list of stages, least mature first').check(
    z.minLength(1, 'expected at least one stage'),
    z.superRefine((stages: StageDefinition[], ctx) => {
      const seen = new Set<string>();
      stages.forEach((stage, i) => {
        if (seen.has(stage.id)) ctx.addIssue({ code: 'custom', path: [i], input: stage, message: `expected each stage once: the id "${stage.id}" is used twice` });
        seen.add(stage.id);
      });
    }),
  ),
);

export const componentRulesSchema = lazy(() =>
  z.strictObject(
    {
      /** When non-empty, only notes carrying one of these tags are considered. */
      tags: z._default(wordList('tags'), () => []),
      /** When non-empty, only notes under one of these folders are considered. */
      folders: z._default(wordList('folders'), () => []),
      /** Notes under these folders are never components. */
      excludeFolders: z._default(wordList('folders'), () => []),
      /** File names that always hold a maturity note (also matched against a mirrored `path:` property). */
      fileNames: z._default(wordList('file names'), () => ['MATURITY.md']),
      /** Tags that mark a note as a component outright. */
      markerTags: z._default(wordList('tags'), () => ['maturity', 'component-maturity']),
      /** Recognise maturity notes by their structure (a Current Stage header, criteria sections). */
      detect: z._default(flag('recognise maturity notes by their structure'), true),
    },
    'expected an object of component rules: { "tags": […], "folders": […], … }',
  ),
);

export type ComponentRules = z.output<ReturnType<typeof componentRulesSchema>>;

export const mirrorStageSchema = lazy(() =>
  z.strictObject(
    {
      /** Off by default: promote then writes only what the note already says. */
      enabled: z._default(flag('write the stage to a front-matter property on promote'), false),
      /** The property written (`stage: Production`). */
      property: z._default(
        text('a front-matter property name').check(z.regex(/^[A-Za-z][\w-]*$/, 'expected a front-matter property name: a letter, then letters, digits, - or _')),
        'stage',
      ),
    },
    'expected an object: { "enabled": true, "property": "stage" }',
  ),
);

/** The property promote mirrors the stage into, or undefined when the setting is off. */
export function mirrorProperty(config: { mirrorStage: z.output<ReturnType<typeof mirrorStageSchema>> }): string | undefined {
  return config.mirrorStage.enabled ? config.mirrorStage.property : undefined;
}

export const SEVERITY_LEVELS = ['error', 'warning', 'info', 'off'] as const;

export const settingsSchema = lazy(() =>
  z.strictObject(
    {
      /** The stage pipeline, least mature first. */
      stages: z._default(stageList(), () => DEFAULT_STAGES.map((stage) => ({ ...stage, aliases: [...stage.aliases] }))),
      /** Which notes are components. */
      components: z.prefault(componentRulesSchema(), {}),
      /** Last Updated older than this many days makes a component stale. */
      staleAfterDays: z._default(wholeNumber('a number of days', 1, 1_000_000), 30),
      /** Per-code severity overrides; `off` hides the diagnostic. */
      severity: z._default(
        z.partialRecord(
          diagnosticCode(),
          z.enum(SEVERITY_LEVELS, 'expected "error", "warning", "info" or "off"'),
          'expected an object of diagnostic codes and severities: { "stale": "off" }',
        ),
        () => ({}),
      ),
      /** How `export --format backstage` maps components to catalog entities (settings/backstage.ts). */
      backstage: z.prefault(backstageSchema(), {}),
      /** Words notes use for fields, sections and marks, added to the built-in ones (docs/vocabulary.md). */
      vocabulary: z._default(vocabularySchema(), () => ({})),
      /** On promote, also write the stage to a front-matter property, for Bases, Dataview and Logseq queries. */
      mirrorStage: z.prefault(mirrorStageSchema(), {}),
    },
    'expected an object of settings: { "stages": […], "components": {…}, "staleAfterDays": 30, "severity": {…}, "backstage": {…}, "vocabulary": {…}, "mirrorStage": {…} }',
  ),
);

/** The settings the core reads: every key present and normalised. */
export type MaturityConfig = z.output<ReturnType<typeof settingsSchema>>;
/** The settings a user or host may write: every key optional. */
export type MaturitySettings = z.input<ReturnType<typeof settingsSchema>>;
