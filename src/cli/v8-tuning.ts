// V8 tuning for a short-lived batch process. Most of a scan runs while V8 is still compiling: the
// optimising compiler (TurboFan), given its default inlining budget, built large functions out of
// the scanner's and reader's small ones, and on the one core a pinned run has, that compile time
// came out of the scan's own (and a later deoptimisation threw a whole large function away). With
// a small cumulative inlining budget, scans took 7–12% less CPU time on every vault measured:
// the realistic 10k vault, 10k and 1k component vaults, 2,000 notes sharing one name (see
// docs/benchmarks.md, #12). `MATURITY_MAP_V8_DEFAULTS=1` runs with V8's own defaults.
import { setFlagsFromString } from 'node:v8';

/** The flags the CLI sets before it loads a command. */
export const CLI_V8_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=150'];

/** Set the CLI's V8 flags, unless the environment asks for V8's defaults. Before any code is optimised. */
export function tuneV8(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  if ((env['MATURITY_MAP_V8_DEFAULTS'] ?? '') !== '') return [];
  for (const flag of CLI_V8_FLAGS) setFlagsFromString(flag);
  return CLI_V8_FLAGS;
}
