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
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const VAULT_OPTIONS_HELP = `  --tag <tag>          only notes with this tag (repeatable)
  --today YYYY-MM-DD   the date staleness is measured from (default: today)
  --stale-days <n>     Last Updated older than n days is stale (default 30)
  --config <file>      settings JSON (default: <dir>/.maturity-map.json)`;

export function str(value: CommandArgs['values'][string]): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function strs(value: CommandArgs['values'][string]): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

export function loadOptions(values: CommandArgs['values']) {
  return { tags: strs(values['tag']), today: str(values['today']), staleDays: str(values['stale-days']), config: str(values['config']) };
}
