// Run by test/core/compact-note-shapes.test.ts in `node --allow-natives-syntax`: reads note texts
// (JSON on stdin), and prints, for every object or list in a note read back from its tape, whether
// V8 gave it the same hidden class ("map") as the parser's own. Where they differ, code that reads
// both (views, readiness) goes polymorphic and slower; a list made by `new Array(n)` did so.
import { readFileSync } from 'node:fs';
import { compactNote, plainNote } from '../../src/core/compact-note';
import { createPipeline, parseNote, resolveConfig } from '../../src/core/index';

const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const pipeline = createPipeline(resolveConfig({}).stages);
const compared = { objects: 0, differing: {} as Record<string, number> };

function walk(parsed: unknown, readBack: unknown, path: string): void {
  if (typeof parsed !== 'object' || parsed === null || typeof readBack !== 'object' || readBack === null) return;
  compared.objects++;
  if (!sameMap(parsed, readBack)) compared.differing[path] = (compared.differing[path] ?? 0) + 1;
  if (Array.isArray(parsed)) {
    parsed.forEach((value, i) => walk(value, (readBack as unknown[])[i], `${path}[]`));
    return;
  }
  for (const [key, value] of Object.entries(parsed)) walk(value, (readBack as Record<string, unknown>)[key], `${path}.${key}`);
}

const texts = JSON.parse(readFileSync(0, 'utf8')) as string[];
// A first pass lets V8 settle each field's representation (a figure first seen whole, later with
// decimals, moves every record to a new class): only differences that last are reported.
for (const text of texts) plainNote(compactNote(parseNote(text, pipeline)));
for (const text of texts) walk(parseNote(text, pipeline), plainNote(compactNote(parseNote(text, pipeline))), 'note');
process.stdout.write(JSON.stringify(compared));
