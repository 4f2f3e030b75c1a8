// Every diagnostic code is explained once: the catalogue (SARIF rules, CI annotations) has an entry
// per code in model order, and the docs' tables list every code with a severity the catalogue
// agrees with, so what a user reads and what a tool reports cannot drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CATALOGUE, DIAGNOSTIC_CODES } from '../../src/core/diagnostic-catalogue';
import { ROOT } from '../helpers/vault';

/** `| \`code\` | default | meaning |` rows of a docs page: code → the severities its default names. */
function documented(file: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const m of readFileSync(join(ROOT, 'docs', file), 'utf8').matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|/gm)) {
    rows.set(m[1]!, [...m[2]!.matchAll(/\b(error|warning|info)\b/g)].map((s) => s[1]!));
  }
  return rows;
}

const docs = new Map([...documented('notes.md'), ...documented('logseq.md')]);

describe('the diagnostic catalogue', () => {
  it('has one entry per code, in the order model.ts lists them (SARIF rule indexes follow it)', () => {
    expect(Object.keys(DIAGNOSTIC_CATALOGUE)).toEqual([...DIAGNOSTIC_CODES]);
  });

  it('gives every code its own title', () => {
    const titles = Object.values(DIAGNOSTIC_CATALOGUE).map((d) => d.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it.each(DIAGNOSTIC_CODES.map((code) => [code]))('%s: a title, what was found and what to do, in sentences', (code) => {
    const entry = DIAGNOSTIC_CATALOGUE[code];
    expect(entry.title).toMatch(/^[A-Z#].{5,}[^.]$/);
    expect(entry.summary).toMatch(/^\S.{10,}\.$/);
    expect(entry.help).toMatch(/^\S.{10,}[.)]$/);
    expect(entry.help).not.toBe(entry.summary);
  });

  it.each(DIAGNOSTIC_CODES.map((code) => [code]))('%s is documented with the default the catalogue gives', (code) => {
    const severities = docs.get(code);
    expect(severities, `${code} is missing from docs/notes.md#diagnostics (logseq-* from docs/logseq.md)`).toBeDefined();
    expect(severities).toContain(DIAGNOSTIC_CATALOGUE[code].defaultSeverity);
  });
});
