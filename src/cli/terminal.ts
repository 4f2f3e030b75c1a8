// Everything the CLI prints goes through here: note text shows its control characters as visible
// escapes (`\x1b`, `\n`, `\u202e`), so no note, file name or setting can move the cursor, clear
// the screen, set the clipboard (OSC 52), forge output lines or colour its own text. Colour comes
// only from `paint`, only on a terminal, never with NO_COLOR. A closed pipe ends output quietly.
import { styleText } from 'node:util';

/**
 * C0 controls, DEL, C1 controls (U+0080–U+009F, which include the one-byte CSI U+009B), the line
 * and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates that
 * reorder what a terminal shows.
 */
// This module exists to match control characters.
/* eslint-disable no-control-regex */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same set plus CRLF, which a block of lines keeps. */
const UNSAFE_OR_CRLF = /\r\n|[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What `JSON.stringify` leaves raw: DEL, C1, the separators, bidi controls. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What terminalSafe changes or must look at: UNSAFE without the tab and the line feed it keeps. */
const GUARDED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** The exact sequences `paint` emits; the output guard lets these, and only these, through. */
const OUR_SGR = /\x1b\[(?:1|2|22|31|32|33|39)m/y;
/* eslint-enable no-control-regex */
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of text with every control character shown as an escape. Idempotent. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * A block of lines (a diff, a Markdown page): line breaks and tabs stay, a carriage return stays
 * only as part of a CRLF line end; every other control character is shown as an escape.
 */
export function visibleBlock(text: string): string {
  return text.replace(UNSAFE_OR_CRLF, (m) => (m === '\r\n' || m === '\n' || m === '\t' ? m : escapeOne(m)));
}

/**
 * JSON for a terminal or a file: `JSON.stringify` already escapes C0 controls; DEL, C1 controls,
 * the separators and the bidi controls become `\uXXXX` escapes too. Parses to the same value.
 */
export function jsonText(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow';

/**
 * Colour for standard output: never when NO_COLOR is set and not empty (no-color.org); always when
 * FORCE_COLOR is set to anything but `0`/`false`; otherwise only on a terminal that is not `dumb`.
 */
export function colourEnabled(env: NodeJS.ProcessEnv = process.env, isTTY: boolean = process.stdout.isTTY === true): boolean {
  if ((env['NO_COLOR'] ?? '') !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTTY && env['TERM'] !== 'dumb';
}

/** `text` (escaped like `visible`) in a style when colour is enabled, else plain. */
export function paint(style: Style, text: string): string {
  const safe = visible(text);
  return colourOfThisRun() ? styleText(style, safe, { validateStream: false }) : safe;
}

let thisRun: boolean | null = null;

/**
 * colourEnabled() of the process, decided once: a scan paints 100,000 fragments of a 10k-component
 * vault, and each read of `process.env` goes through Node's C++ accessor (2.5% of a cached scan).
 */
function colourOfThisRun(): boolean {
  return (thisRun ??= colourEnabled());
}

/**
 * The last guard before a byte reaches the terminal: every control character is made visible
 * except line breaks, tabs, CRLF and (when colour is on) the colour sequences `paint` emits.
 * Formatters escape note text where they put it (so a newline in a name cannot forge a line and a
 * colour sequence in a name cannot colour anything); this guard makes sure nothing else slips by.
 */
export function terminalSafe(text: string, colour: boolean): string {
  // The native search skips what needs nothing (most output, all of a JSON scan) at a fraction of
  // a character loop's cost: 350 ms of a 10k-component `scan --json` went to that loop.
  const first = text.search(GUARDED);
  if (first === -1) return text;
  let out = '';
  let from = 0;
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isUnsafe(code) || code === 0x0a || code === 0x09) continue;
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
    if (code === 0x1b && colour) {
      OUR_SGR.lastIndex = i;
      const sgr = OUR_SGR.exec(text);
      if (sgr) {
        i += sgr[0].length - 1;
        continue;
      }
    }
    out += text.slice(from, i) + escapeOne(text[i]!);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

function isUnsafe(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x061c || code === 0x200e || code === 0x200f || code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

interface OutputState {
  /** The reader closed the pipe (`| head`): further output is dropped, quietly. */
  closed: boolean;
  /** Any other failure to write standard output (ENOSPC on /dev/full, EIO): reported at the end. */
  failure: NodeJS.ErrnoException | null;
}

const state: OutputState = { closed: false, failure: null };
let watching = false;

/** Catch write errors on standard output and error (they arrive as events, not exceptions). */
export function watchOutput(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') state.closed = true;
    else state.failure ??= err;
  });
  process.stderr.on('error', () => undefined); // nowhere left to report it
}

/** Write to standard output through the guard. */
export function writeOut(text: string): void {
  if (state.closed || state.failure) return;
  process.stdout.write(terminalSafe(text, colourOfThisRun()));
}

/** Write to standard error through the guard (never coloured). */
export function writeErr(text: string): void {
  process.stderr.write(terminalSafe(text, false));
}

/**
 * Wait until everything written has reached standard output. Resolves to a message when output
 * could not be written (a full disk), or null — also when the reader closed the pipe early.
 */
export function finishOutput(): Promise<string | null> {
  const report = (): string | null => (state.failure ? `cannot write standard output (${describeWriteError(state.failure)})` : null);
  if (state.closed || state.failure) return Promise.resolve(report());
  return new Promise((resolve) => {
    process.stdout.write('', (err?: Error | null) => {
      const code = (err as NodeJS.ErrnoException | null | undefined)?.code;
      if (err && code !== 'EPIPE') state.failure ??= err as NodeJS.ErrnoException;
      resolve(report());
    });
  });
}

function describeWriteError(err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOSPC') return 'no space left on the device';
  if (err.code === 'EIO') return 'input/output error';
  return err.code ?? err.message;
}
