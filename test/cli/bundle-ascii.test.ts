// The built CLI in ASCII: each command compiles the chunks it imports, and one character above U+007F
// in a chunk makes V8 hold and scan all of it as two-byte text. esbuild leaves such characters in
// regular expression literals; the build escapes them and moves its source maps' columns to match
// (scripts/ascii.mjs; docs/benchmarks.md, session 25).
import { readFileSync, readdirSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/vault';

const DIR = join(ROOT, 'dist/cli');
const chunks = readdirSync(DIR).filter((name) => name.endsWith('.mjs'));
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** An escape of a character above U+007F, as the build (or esbuild, in strings) writes it. */
const ESCAPE = /\\u(?:00[89a-f]|0[1-9a-f][0-9a-f]|[1-9a-f][0-9a-f]{2})[0-9a-f]/i;

/** Each name after the first escape on a line, where the map places one: the name, and the source text at its mapped place. */
function namesAfterEscapes(name: string): Array<{ at: string; name: string; source: string }> {
  const payload = JSON.parse(read(`${name}.map`)) as SourceMapPayload;
  const map = new SourceMap(payload);
  const found: Array<{ at: string; name: string; source: string }> = [];
  read(name)
    .split('\n')
    .forEach((line, index) => {
      const first = line.search(ESCAPE);
      if (first < 0) return;
      for (const m of line.slice(first).matchAll(/(?<![\w$\\])[A-Za-z_$][\w$]*/g)) {
        const column = first + m.index;
        const entry = map.findEntry(index, column) as { generatedLine?: number; generatedColumn?: number; originalSource?: string; originalLine?: number; originalColumn?: number };
        if (entry.generatedLine !== index || entry.generatedColumn !== column || entry.originalSource === undefined) continue;
        const text = payload.sourcesContent?.[payload.sources.indexOf(entry.originalSource)] ?? '';
        found.push({ at: `${name}:${index + 1}:${column}`, name: m[0], source: text.split('\n')[entry.originalLine!]!.slice(entry.originalColumn!, entry.originalColumn! + 40) });
      }
    });
  return found;
}

describe('the CLI bundle', () => {
  it('is ASCII in every chunk, and its source maps still place each name at its source', () => {
    for (const name of chunks) expect(read(name).match(/[\u0080-\uffff]/g) ?? [], name).toEqual([]);
    // The parser's arrows and dashes are there, escaped.
    expect(chunks.some((name) => read(name).includes('var HISTORY_ARROW = /\\u2192|->|\\u27f6|\\u2794|=>|\\bto\\b/;'))).toBe(true);
    const names = chunks.flatMap(namesAfterEscapes);
    expect(names.length).toBeGreaterThan(100);
    // esbuild renames a local that would collide (`optional` becomes `optional2`).
    const misplaced = names.filter(({ name, source }) => !source.startsWith(name.replace(/\d+$/, '')));
    expect(misplaced).toEqual([]);
  });
});
