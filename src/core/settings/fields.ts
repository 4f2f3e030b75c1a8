// Building blocks of the settings schema. Each block says, in words a user can act on, what it
// expects: those words are the error a bad settings file gets (zod/mini carries no message locale).
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { DIAGNOSTIC_CODES } from '../diagnostic-codes';

/** Text, trimmed. */
export function text(what: string) {
  return z.string(`expected ${what} as text`).check(z.trim());
}

/** A list of words (tags, folders, names): each trimmed, blanks dropped. */
export function wordList(what: string) {
  return z.pipe(
    z.array(text(what), `expected a list of ${what} (["…", "…"])`),
    z.transform((words: string[]) => words.filter((word) => word !== '')),
  );
}

export function flag(what: string) {
  return z.boolean(`expected true or false (${what})`);
}

/** A whole number in [min, max]. */
export function wholeNumber(what: string, min: number, max: number) {
  const expected = `expected ${what}: a whole number from ${min} to ${max}`;
  return z.number(expected).check(z.int(expected), z.minimum(min, expected), z.maximum(max, expected));
}

// A colour, and nothing that could carry more CSS: views put it in a custom property, and a value
// such as `red;background:url(…)` from a shared vault's settings must not reach a style attribute.
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([0-9a-z.,%\s/+-]{1,80}\)|var\(--[a-z0-9-]{1,60}\))$/i;
export const DEFAULT_COLOR = '#6b7280';

export const colour = lazy(() =>
  z.string('expected a CSS colour as text').check(
    z.trim(),
    z.regex(COLOR, 'expected a CSS colour: #rrggbb, a colour name, rgb(…)/hsl(…)/oklch(…) or var(--…)'),
  ),
);

export function isColour(value: string): boolean {
  return COLOR.test(value.trim());
}

export const diagnosticCode = lazy(() => z.enum(DIAGNOSTIC_CODES, 'expected a diagnostic code (see docs/cli.md, "Diagnostics")'));
