import fc from 'fast-check';
import { it } from 'vitest';
import { createPipeline, parseNote, resolveConfig } from '../../src/core/index';
import { referenceScan } from '../../src/core/parse/reference';
import { differences } from '../helpers/note-diff';
import { markdownNote } from '../helpers/markdown-arbitrary';
const pipeline = createPipeline(resolveConfig({}).stages);
it('fuzz', () => {
  const seed = Number(process.env.SEED ?? 1);
  try {
    fc.assert(fc.property(markdownNote, (text) => {
      const d = differences(parseNote(text, pipeline), parseNote(text, pipeline, referenceScan), '', [], 3);
      if (d.length) throw new Error(JSON.stringify(text) + '\n' + JSON.stringify(d, null, 1).slice(0, 1500));
    }), { numRuns: Number(process.env.RUNS ?? 500), seed });
  } catch (e) { console.log(String(e).slice(0, 1200)); console.log(String((e as { cause?: unknown }).cause).slice(0, 2500)); }
});
