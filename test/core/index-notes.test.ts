// What the index keeps of a note: the parse with `detail: 'index'` is the full parse without the
// checklists outside transition sections (no view or finding reads them), and nothing else differs.
import { describe, expect, it } from 'vitest';
import { createIndex, createPipeline, resolveConfig } from '../../src/core/index';
import { parseNote } from '../../src/core/parse/note';
import { scanBlocks } from '../../src/core/parse/blocks';
import { CORPUS, EXAMPLE_VAULT, corpusAvailable, listCorpusMarkdown, listMarkdown, readNote } from '../helpers/vault';

const pipeline = createPipeline(resolveConfig({}).stages);

function notes(): Array<[string, string]> {
  const out: Array<[string, string]> = listMarkdown(EXAMPLE_VAULT).map((p) => [p, readNote(EXAMPLE_VAULT, p)]);
  if (corpusAvailable()) for (const p of listCorpusMarkdown(CORPUS)) out.push([p, readNote(CORPUS, p)]);
  return out;
}

describe("parseNote with detail 'index'", () => {
  it('is the full parse without the checklists outside transitions', () => {
    let dropped = 0;
    let criteria = 0;
    for (const [path, text] of notes()) {
      const full = parseNote(text, pipeline);
      const lean = parseNote(text, pipeline, scanBlocks, 'index');
      dropped += full.checklists.length;
      criteria += lean.transitions.reduce((n, t) => n + t.items.length, 0);
      expect(lean.checklists, path).toEqual([]);
      expect(JSON.parse(JSON.stringify({ ...lean, checklists: [] })), path).toEqual(JSON.parse(JSON.stringify({ ...full, checklists: [] })));
    }
    expect(dropped).toBeGreaterThan(10); // the notes had checklists to drop
    expect(criteria).toBeGreaterThan(100); // and kept their criteria
  });

  it('is what the index keeps for a component', () => {
    const text = '---\ntags: maturity\n---\n# Billing\n\n**Current Stage**: Development\n\n## Maturity Criteria\n\n### Development → Staging\n\n- [x] Unit tests\n\n## Documentation Status\n\n- [x] README\n';
    const index = createIndex({ today: '2026-12-01' });
    index.upsert('Billing Maturity Status.md', text);
    const note = index.entry('Billing Maturity Status.md')!.note;
    expect(index.entry('Billing Maturity Status.md')!.reason).not.toBeNull();
    expect(note.transitions[0]!.items.map((i) => i.text)).toEqual(['Unit tests']);
    expect(note.checklists).toEqual([]);
    expect(parseNote(text, pipeline).checklists.map((c) => c.kind)).toEqual(['documentation']);
  });
});

