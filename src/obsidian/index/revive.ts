// A note that crossed a structured clone (a worker message, IndexedDB) comes back with ordinary
// objects where the parser made null-prototype records: a front matter key such as `constructor`
// or `__proto__` must stay plain data, so the records are rebuilt without a prototype.
import type { FrontmatterRecord, FrontmatterValue, MaturityNote } from '../../core/index';

function bare(value: FrontmatterValue): FrontmatterValue {
  if (Array.isArray(value)) return value.map(bare);
  if (value === null || typeof value !== 'object') return value;
  return record(value);
}

function record(value: FrontmatterRecord): FrontmatterRecord {
  const out = Object.create(null) as FrontmatterRecord;
  for (const key of Object.keys(value)) out[key] = bare(value[key]!);
  return out;
}

export function reviveNote(note: MaturityNote): MaturityNote {
  const frontmatter = record(note.frontmatter);
  const properties = note.properties === note.frontmatter ? frontmatter : record(note.properties);
  return { ...note, frontmatter, properties };
}
