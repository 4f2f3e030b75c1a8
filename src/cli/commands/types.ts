// The shape of a CLI command, so commands stay small and the dispatcher generic.
import type { ParseArgsConfig } from 'node:util';

export interface CommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
}

export interface Command {
  name: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the process exit code. */
  run(args: CommandArgs): Promise<number>;
}

/** Options every vault command accepts. */
export const VAULT_OPTIONS = {
  tag: { type: 'string', multiple: true },
  today: { type: 'string' },
  'stale-days': { type: 'string' },
  config: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  jobs: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const VAULT_OPTIONS_HELP = `  --tag <tag>          only notes with this tag (repeatable)
  --today YYYY-MM-DD   the date staleness is measured from (default: today)
  --stale-days <n>     Last Updated older than n days is stale (default 30)
  --config <file>      settings JSON (default: <dir>/.maturity-map.json)
  --cache              keep what each note parsed to, and parse only changed notes next time
  --cache-location <file>
                       the cache file (implies --cache; default: <dir>/.maturity-map-cache)
  --jobs <n>|auto      threads that parse notes besides the main one (auto: one per core, up to 8;
                       default: none)`;

export function str(value: CommandArgs['values'][string]): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function strs(value: CommandArgs['values'][string]): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

export function loadOptions(values: CommandArgs['values']) {
  const cache = str(values['cache-location']) ?? values['cache'] === true;
  return { tags: strs(values['tag']), today: str(values['today']), staleDays: str(values['stale-days']), config: str(values['config']), cache, jobs: str(values['jobs']) };
}
