// The settings every host shares: one zod schema (schema.ts), its building blocks (fields.ts) and
// the strict and lenient readers (read.ts).
export {
  settingsSchema,
  stageSchema,
  componentRulesSchema,
  DEFAULT_STAGES,
  mirrorProperty,
  SEVERITY_LEVELS,
  type MaturityConfig,
  type MaturitySettings,
  type StageDefinition,
  type ComponentRules,
} from './schema';
export { colour, DEFAULT_COLOR, flag, isColour, text, wholeNumber, wordList } from './fields';
export {
  formatSettingsIssues,
  keyName,
  parseMaturitySettings,
  readMaturitySettings,
  resolveConfig,
  salvageSettings,
  validateSettings,
  type SettingsIssue,
  type SettingsResult,
} from './read';
import { lazy } from '../lazy';
import { resolveConfig } from './read';

/** The settings with nothing set (built on first use: see lazy.ts). */
export const defaultConfig = lazy(() => resolveConfig({}));
