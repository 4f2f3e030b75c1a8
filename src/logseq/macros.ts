// The renderer macros: `{{renderer :maturity}}` (this page's card), `{{renderer :maturity, Name}}`
// (another component's card) and `{{renderer :maturity-query, stage=staging, view=board}}`.
// Logseq splits macro arguments on commas, so `stage=staging, production` arrives as two
// arguments; an argument without `=` continues the list of the option before it.
import { parseQueryOptions, type ComponentQuery } from '../core/index';

export const CARD_MACRO = ':maturity';
export const QUERY_MACRO = ':maturity-query';

export type Macro =
  | { kind: 'card'; target: string | null }
  | { kind: 'query'; query: ComponentQuery; raw: Record<string, string> }
  | { kind: 'invalid'; errors: string[] };

/** Strip the link syntax people paste into a macro argument: `[[A/B]]`, `#[[A]]`, `#A`, quotes. */
export function cleanTarget(arg: string): string {
  let s = arg.trim();
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) s = s.slice(1, -1).trim();
  s = s.replace(/^#?\[\[(.*)\]\]$/, '$1').replace(/^#(?=\S)/, '');
  return s.trim();
}

/** Raw `key=value` options; `key: value` is accepted too, as in the Obsidian code block. */
export function macroOptions(args: string[]): Record<string, string> {
  const raw: Record<string, string> = Object.create(null) as Record<string, string>;
  let last: string | null = null;
  for (const arg of args) {
    const text = arg.trim();
    if (text === '') continue;
    const sep = text.search(/[=:]/);
    if (sep > 0) {
      last = text.slice(0, sep).trim().toLowerCase();
      raw[last] = text.slice(sep + 1).trim();
    } else if (last !== null) {
      raw[last] = raw[last] === '' ? text : `${raw[last]},${text}`;
    } else {
      raw[text] = '';
    }
  }
  return raw;
}

/** The macro in a slotted event's arguments, or null when it is not one of ours. */
export function parseMacro(args: readonly unknown[]): Macro | null {
  const [name, ...rest] = args.map((a) => (typeof a === 'string' ? a : String(a ?? '')));
  const macro = name?.trim();
  if (macro === CARD_MACRO) {
    const target = rest.map(cleanTarget).filter(Boolean).join(', ');
    return { kind: 'card', target: target === '' ? null : target };
  }
  if (macro === QUERY_MACRO) {
    const raw = macroOptions(rest);
    const parsed = parseQueryOptions(raw);
    return parsed.ok ? { kind: 'query', query: parsed.query, raw } : { kind: 'invalid', errors: parsed.errors };
  }
  return null;
}

export const SLASH_COMMANDS: Array<{ label: string; text: string }> = [
  { label: 'Maturity card', text: `{{renderer ${CARD_MACRO}}}` },
  { label: 'Maturity card of another component', text: `{{renderer ${CARD_MACRO}, }}` },
  { label: 'Maturity query', text: `{{renderer ${QUERY_MACRO}, stage=staging, view=board}}` },
];
