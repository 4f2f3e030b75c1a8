// The renderer macros, one table row each: `{{renderer :maturity}}` (this page's card, or
// `:maturity, Name` another's), the inline `:maturity-badge` and `:maturity-progress` (same
// targets), and `{{renderer :maturity-query, stage=staging, view=board}}`. Logseq splits macro
// arguments on commas, so `stage=staging, production` arrives as two arguments; an argument
// without `=` continues the list of the option before it. A new macro is a new row in MACROS and,
// if it inserts text, a slash command in SLASH_COMMANDS.
import { parseQueryOptions, type ComponentQuery } from '../core/index';

export type ComponentMacroKind = 'card' | 'badge' | 'progress';

export type Macro =
  | { kind: ComponentMacroKind; target: string | null }
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

function componentMacro(kind: ComponentMacroKind) {
  return (rest: string[]): Macro => {
    const target = rest.map(cleanTarget).filter(Boolean).join(', ');
    return { kind, target: target === '' ? null : target };
  };
}

function queryMacro(rest: string[]): Macro {
  const raw = macroOptions(rest);
  const parsed = parseQueryOptions(raw);
  return parsed.ok ? { kind: 'query', query: parsed.query, raw } : { kind: 'invalid', errors: parsed.errors };
}

/** Macro name (first renderer argument) → how its other arguments are read. */
export const MACROS: Readonly<Record<string, (rest: string[]) => Macro>> = {
  ':maturity': componentMacro('card'),
  ':maturity-badge': componentMacro('badge'),
  ':maturity-progress': componentMacro('progress'),
  ':maturity-query': queryMacro,
};

export const CARD_MACRO = ':maturity';
export const QUERY_MACRO = ':maturity-query';

/** The macro in a slotted event's arguments, or null when it is not one of ours. */
export function parseMacro(args: readonly unknown[]): Macro | null {
  const [name, ...rest] = args.map((a) => (typeof a === 'string' ? a : String(a ?? '')));
  const read = name === undefined ? undefined : MACROS[name.trim()];
  return read && Object.prototype.hasOwnProperty.call(MACROS, name!.trim()) ? read(rest) : null;
}

export interface SlashCommand {
  label: string;
  /** The text inserted in place of the typed `/command`. */
  text: string;
  /** Where the cursor goes: this many characters before the end of `text`. */
  cursorBack: number;
}

/** `{{renderer …}}` with the cursor just before the closing braces, where the user types next. */
function insert(label: string, body: string): SlashCommand {
  return { label, text: `{{renderer ${body}}}`, cursorBack: 2 };
}

export const SLASH_COMMANDS: SlashCommand[] = [
  insert('Maturity card', CARD_MACRO),
  insert('Maturity card of another component', `${CARD_MACRO}, `),
  insert('Maturity badge', ':maturity-badge'),
  insert('Maturity progress', ':maturity-progress'),
  insert('Maturity query', `${QUERY_MACRO}, stage=staging, view=board`),
];
