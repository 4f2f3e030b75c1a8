// Reading settings against a schema, two ways: strictly (a settings file: every problem named,
// nothing used) and leniently (a host's stored settings: each bad value falls back to its default,
// the rest are kept, so a hand-edited file never stops a plugin from starting).
import type * as z from 'zod/mini';
import { settingsSchema, type MaturityConfig, type MaturitySettings } from './schema';

export interface SettingsIssue {
  /** Where the problem is, as a user would write it: `components.tags`, `stages[1].color`. */
  key: string;
  /** What was expected and what was found. */
  message: string;
}

export type SettingsResult<T> = { ok: true; settings: T } | { ok: false; issues: SettingsIssue[] };

type Path = ReadonlyArray<PropertyKey>;
type Issue = z.core.$ZodIssue;

/** Every problem in `data`, or the parsed settings when there is none. */
export function validateSettings<S extends z.ZodMiniType>(schema: S, data: unknown): SettingsResult<z.output<S>> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, settings: result.data };
  return { ok: false, issues: describeIssues(result.error.issues, data) };
}

/** The settings with every bad value replaced by its default, and what was replaced. */
export function salvageSettings<S extends z.ZodMiniType>(schema: S, data: unknown): { settings: z.output<S>; issues: SettingsIssue[] } {
  const issues: SettingsIssue[] = [];
  let input: unknown = data === undefined ? {} : clonePlain(data);
  // Each round drops what failed; a dropped value can only reveal problems one level up
  // (an emptied list, a stage without its name), so a few rounds always reach a valid input.
  for (let round = 0; round < 8; round++) {
    const result = schema.safeParse(input);
    if (result.success) return { settings: result.data, issues };
    issues.push(...describeIssues(result.error.issues, input));
    input = dropFailures(input, result.error.issues);
  }
  return { settings: schema.parse({}), issues };
}

/** Strict reading of a settings file's parsed JSON. */
export function parseMaturitySettings(data: unknown): SettingsResult<MaturityConfig> {
  return validateSettings(settingsSchema(), data);
}

/** Lenient reading of settings a host stored (see salvageSettings). */
export function readMaturitySettings(data: unknown): { settings: MaturityConfig; issues: SettingsIssue[] } {
  return salvageSettings(settingsSchema(), data);
}

/** Settings written in code, with defaults for whatever they leave out. */
export function resolveConfig(settings: MaturitySettings = {}): MaturityConfig {
  return readMaturitySettings(settings).settings;
}

/** `settings file <file>: <key>: <message>` lines, for a command-line error. */
export function formatSettingsIssues(file: string, issues: SettingsIssue[]): string {
  const shown = issues.slice(0, 20).map((issue) => `  ${issue.key || '(top level)'}: ${issue.message}`);
  if (issues.length > shown.length) shown.push(`  … and ${issues.length - shown.length} more`);
  return `settings file ${file} is not valid:\n${shown.join('\n')}`;
}

function describeIssues(issues: readonly Issue[], input: unknown): SettingsIssue[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
      return { key: keyName(issue.path), message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}` };
    }
    if (issue.code === 'invalid_key') {
      return { key: keyName(issue.path), message: `unknown key: ${issue.issues[0]?.message ?? 'not allowed here'}` };
    }
    const found = valueAt(input, issue.path);
    const got = issue.code === 'custom' ? '' : found.present ? `, got ${describeValue(found.value)}` : ', but it is missing';
    return { key: keyName(issue.path), message: `${issue.message}${got}` };
  });
}

/** `stages[1].color`, `severity["no such code"]`. */
export function keyName(path: Path): string {
  let name = '';
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) name += name === '' ? part : `.${part}`;
    else name += `[${JSON.stringify(String(part))}]`;
  }
  return name;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

function isContainer(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null;
}

function valueAt(input: unknown, path: Path): { present: boolean; value?: unknown } {
  let value = input;
  for (const part of path) {
    if (!isContainer(value) || !Object.prototype.hasOwnProperty.call(value, part)) return { present: false };
    value = value[part];
  }
  return { present: true, value };
}

/** A copy of plain JSON-like data. Own keys are defined, never assigned, so `__proto__` stays a key. */
function clonePlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clonePlain);
  if (!isContainer(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clonePlain(v)]));
}

/**
 * The input without the values that failed: a bad value is removed (its default applies); a
 * missing required value removes its parent. Ancestors win over descendants, and list items go
 * from the highest index down so that one removal does not shift another.
 */
function dropFailures(input: unknown, issues: readonly Issue[]): unknown {
  const targets = new Map<string, Path>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) targets.set(JSON.stringify([...issue.path, key]), [...issue.path, key]);
      continue;
    }
    const path = valueAt(input, issue.path).present ? issue.path : issue.path.slice(0, -1);
    targets.set(JSON.stringify(path), path);
  }
  if (targets.has('[]')) return {};
  const kept = [...targets.values()].filter((path) => !path.some((_, i) => i > 0 && targets.has(JSON.stringify(path.slice(0, i)))));
  kept.sort(comparePathsDescending);
  for (const path of kept) removeAt(input, path);
  return input;
}

function comparePathsDescending(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return y - x;
    return String(y) < String(x) ? -1 : 1;
  }
  return b.length - a.length;
}

function removeAt(input: unknown, path: Path): void {
  const parent = valueAt(input, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!parent.present || !isContainer(parent.value)) return;
  if (Array.isArray(parent.value) && typeof key === 'number') parent.value.splice(key, 1);
  else delete parent.value[key];
}
