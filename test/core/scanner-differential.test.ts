// The fast line scanner against the remark reference (CommonMark + GFM), field for field: every
// note of the example vault and of the real corpus must parse to the same MaturityNote either way.
// Deliberate deviations (shared by both, or out of the notes' reach) are listed in
// src/core/parse/reference.ts and docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disagreements } from '../helpers/note-diff';
import { CORPUS, EXAMPLE_VAULT, corpusAvailable, listMarkdown } from '../helpers/vault';

function folder(dir: string): Array<{ path: string; text: string }> {
  return listMarkdown(dir).map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') }));
}

describe('fast scanner vs remark reference', () => {
  it('agree on every note of the example vault', () => {
    const notes = folder(EXAMPLE_VAULT);
    expect(notes.length).toBeGreaterThan(20);
    expect(disagreements(notes)).toEqual([]);
  });

  it.runIf(corpusAvailable('tta-kb'))('agree on every note of tta-kb', () => {
    const notes = folder(join(CORPUS, 'tta-kb'));
    expect(notes.length).toBeGreaterThan(300);
    expect(disagreements(notes)).toEqual([]);
  });

  it.runIf(corpusAvailable('tta-repo'))('agree on every note of tta-repo and the template', () => {
    const notes = folder(join(CORPUS, 'tta-repo'));
    notes.push({ path: 'template.md', text: readFileSync(join(CORPUS, 'template.md'), 'utf8') });
    notes.push({ path: 'MATURITY.md.template', text: readFileSync(join(CORPUS, 'tta-repo/src/components/MATURITY.md.template'), 'utf8') });
    expect(notes.length).toBeGreaterThan(15);
    expect(disagreements(notes)).toEqual([]);
  });
});
