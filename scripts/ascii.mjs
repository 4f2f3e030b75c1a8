// Built scripts in ASCII. A single character above U+007F anywhere in a script makes V8 hold all
// of it as a two-byte string and scan it slower, in the compile as the script loads and in every
// lazy compile of its functions after. esbuild's ASCII output escapes strings, templates and names
// but leaves regular expression literals as written (evanw/esbuild#4205); these steps escape what
// it leaves (docs/benchmarks.md, sessions 24 and 25).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUTSIDE_ASCII = /[\u0080-\uffff]/g;
const ANY_OUTSIDE_ASCII = /[\u0080-\uffff]/;

/**
 * Text in ASCII: each UTF-16 unit above U+007F becomes a `\\uXXXX` escape. In a regular
 * expression the escape matches the same character (a pair of them one code point under the `u`
 * flag); only the pattern's `.source` text differs, and nothing reads it. A character after a
 * backslash (`\\–`) would change meaning: the build fails.
 */
export function asciiOnly(text, file) {
  return text.replace(OUTSIDE_ASCII, (unit, at) => {
    let backslashes = 0;
    while (text[at - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 1) throw new Error(`${file}: an escaped non-ASCII character at offset ${at}`);
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Each escape is 6 units where the character was 1. */
const WIDER_BY = 5;

/** For each line (by index) that holds characters above U+007F, their columns in UTF-16 units. */
function widenedColumns(text) {
  const lines = new Map();
  text.split('\n').forEach((line, index) => {
    const columns = [...line.matchAll(OUTSIDE_ASCII)].map((m) => m.index);
    if (columns.length > 0) lines.set(index, columns);
  });
  return lines;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The first base64 VLQ number of a source map segment, and where the rest of the segment starts. */
function firstNumber(segment) {
  let value = 0;
  let shift = 0;
  let at = 0;
  let digit;
  do {
    digit = BASE64.indexOf(segment[at++]);
    value += (digit & 31) * 2 ** shift;
    shift += 5;
  } while (digit & 32);
  return { value: value % 2 === 1 ? -(value - 1) / 2 : value / 2, rest: segment.slice(at) };
}

function vlq(number) {
  let value = number < 0 ? -number * 2 + 1 : number * 2;
  let out = '';
  do {
    let digit = value & 31;
    value = Math.floor(value / 32);
    if (value > 0) digit |= 32;
    out += BASE64[digit];
  } while (value > 0);
  return out;
}

/**
 * A source map's `mappings` with the generated columns moved where the escapes put them: a
 * segment's first number is its column, relative to the previous segment's on the same line; the
 * others (source, line, column, name) are relative to earlier segments' and do not move.
 */
function shiftMappings(mappings, widened) {
  return mappings
    .split(';')
    .map((line, index) => {
      const columns = widened.get(index);
      if (!columns || line === '') return line;
      let was = 0;
      let now = 0;
      return line
        .split(',')
        .map((segment) => {
          const { value, rest } = firstNumber(segment);
          was += value;
          const moved = was + WIDER_BY * columns.filter((column) => column < was).length;
          const out = vlq(moved - now) + rest;
          now = moved;
          return out;
        })
        .join(',');
    })
    .join(';');
}

/** `file` (under `base`) rewritten in ASCII, and its source map beside it (`<file>.map`) made to match. */
function rewriteInAscii(base, file) {
  const path = join(base, file);
  const text = readFileSync(path, 'utf8');
  if (!ANY_OUTSIDE_ASCII.test(text)) return;
  writeFileSync(path, asciiOnly(text, file));
  if (!existsSync(`${path}.map`)) return;
  const map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
  map.mappings = shiftMappings(map.mappings, widenedColumns(text));
  writeFileSync(`${path}.map`, JSON.stringify(map));
}

/** An esbuild plugin: every script the build writes rewritten in ASCII, source maps included. */
export function asciiScripts() {
  return {
    name: 'ascii-scripts',
    setup(b) {
      b.initialOptions.metafile = true;
      const base = b.initialOptions.absWorkingDir ?? process.cwd();
      b.onEnd((result) => {
        if (result.errors.length > 0) return;
        for (const file of Object.keys(result.metafile.outputs)) if (/\.m?js$/.test(file)) rewriteInAscii(base, file);
      });
    },
  };
}
