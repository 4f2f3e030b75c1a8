// Field-by-field comparison of two parsed notes: the paths where they differ, with both values;
// and the comparison the scanner differential tests make (fast scanner vs remark reference).
import { createPipeline, parseNote, resolveConfig } from '../../src/core/index';
import { referenceScan } from './reference-scan';

export interface FieldDifference {
  path: string;
  fast: unknown;
  reference: unknown;
}

export function differences(fast: unknown, reference: unknown, path = '', out: FieldDifference[] = [], limit = 20): FieldDifference[] {
  if (out.length >= limit) return out;
  if (Object.is(fast, reference)) return out;
  const bothObjects = fast !== null && reference !== null && typeof fast === 'object' && typeof reference === 'object';
  if (!bothObjects || Array.isArray(fast) !== Array.isArray(reference)) {
    out.push({ path: path || '(root)', fast, reference });
    return out;
  }
  const a = fast as Record<string, unknown>;
  const b = reference as Record<string, unknown>;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
    out.push({ path: `${path}.length`, fast: a.length, reference: b.length });
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) differences(a[key], b[key], path ? `${path}.${key}` : key, out, limit);
  return out;
}

const pipeline = createPipeline(resolveConfig({}).stages);

/** Notes whose parse differs between the fast scanner and the remark reference, with the fields. */
export function disagreements(notes: Iterable<{ path: string; text: string }>): Array<{ path: string; fields: FieldDifference[] }> {
  const out: Array<{ path: string; fields: FieldDifference[] }> = [];
  for (const { path, text } of notes) {
    const fields = differences(parseNote(text, pipeline), parseNote(text, pipeline, referenceScan), '', [], 5);
    if (fields.length > 0) out.push({ path, fields });
  }
  return out;
}
