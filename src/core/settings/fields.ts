// Building blocks of the settings schema. Each block says, in words a user can act on, what it
// expects: those words are the error a bad settings file gets (zod/mini carries no message locale).
import * as z from 'zod/mini';
import type { DiagnosticCode } from '../model';

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

export const colour = z.string('expected a CSS colour as text').check(
  z.trim(),
  z.regex(COLOR, 'expected a CSS colour: #rrggbb, a colour name, rgb(…)/hsl(…)/oklch(…) or var(--…)'),
);

export function isColour(value: string): boolean {
  return COLOR.test(value.trim());
}

// Every code once; `satisfies` makes the type checker ask for a code added to model.ts.
const CODES = {
  'frontmatter-invalid': 1,
  'stage-missing': 1,
  'stage-unknown': 1,
  'stage-conflict': 1,
  'status-count-mismatch': 1,
  'stage-criteria-unmet': 1,
  'checkbox-mark-conflict': 1,
  'template-placeholder': 1,
  'date-invalid': 1,
  stale: 1,
  'dependency-unresolved': 1,
  'dependency-ambiguous': 1,
  'dependency-stage-mismatch': 1,
  'dependency-self': 1,
  'stage-inversion': 1,
  'dependency-cycle': 1,
  'duplicate-name': 1,
  'file-unreadable': 1,
  'criterion-contradicted': 1,
  'sla-breach': 1,
  'security-critical': 1,
  'observation-incomplete': 1,
  'placeholder-evidence': 1,
  'logseq-frontmatter-dropped': 1,
  'logseq-tags-mangled': 1,
  'logseq-hash-tags': 1,
  'logseq-property-key': 1,
  'logseq-page-name': 1,
  'logseq-checkbox-text': 1,
} as const satisfies Record<DiagnosticCode, 1>;

export const DIAGNOSTIC_CODES = Object.keys(CODES) as DiagnosticCode[];

export const diagnosticCode = z.enum(DIAGNOSTIC_CODES, 'expected a diagnostic code (see docs/cli.md, "Diagnostics")');
