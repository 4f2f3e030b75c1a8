// Notes that share a name must cost linear work: the reliability probe's shape (n notes called
// "Same", each depending on [[Same]]) and the scale issue's (real notes copied into 1,000 and
// 2,000 files, as when a team copies the template and keeps its title). The index counts its unit
// work (src/core/work-count.ts); the bounds below fail by orders of magnitude on an index that
// re-resolves every same-named note on each insert or sorts the candidates per dependency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentToJSON, createIndex, scanToJSON, snapshotIndex, type MaturityIndex } from '../../src/core/index';
import { resetWorkCount, totalWork, type WorkCount } from '../../src/core/work-count';
import { CORPUS, EXAMPLE_VAULT, TODAY, corpusAvailable, listCorpusMarkdown, listMarkdown } from '../helpers/vault';

interface Note {
  path: string;
  text: string;
}

const SAME = (stage = 'Staging') => `# Same Maturity Status\n\n**Current Stage**: ${stage}\n**Owner**: team\n**Last Updated**: 2026-11-01\n\n## Dependencies\n\n- [[Same]]\n`;

function probeVault(n: number): Note[] {
  return Array.from({ length: n }, (_, i) => ({ path: `f${i}/Same.md`, text: SAME() }));
}

/** Real notes (tta-repo's MATURITY.md files and the example vault's components) copied into n files. */
function copiedVault(n: number): Note[] {
  const repo = join(CORPUS, 'tta-repo');
  const sources = [
    ...listCorpusMarkdown(repo).map((p) => ({ path: `repo/${p}`, text: readFileSync(join(repo, p), 'utf8') })),
    ...listMarkdown(EXAMPLE_VAULT)
      .filter((p) => p.startsWith('Components/'))
      .map((p) => ({ path: `vault/${p}`, text: readFileSync(join(EXAMPLE_VAULT, p), 'utf8') })),
  ];
  return Array.from({ length: n }, (_, i) => {
    const source = sources[i % sources.length]!;
    return { path: `copy${Math.floor(i / sources.length)}/${source.path}`, text: source.text };
  });
}

/** A cold build as the CLI makes it (one batch), then every component's view and the scan JSON. */
function buildAndRead(notes: Note[]): { index: MaturityIndex; work: WorkCount; total: number; jsonBytes: number; snapshotBytes: number } {
  const index = createIndex({ today: TODAY });
  const work = resetWorkCount();
  index.batch(() => {
    for (const note of notes) index.upsert(note.path, note.text);
  });
  const jsonBytes = JSON.stringify(scanToJSON(index, 'vault')).length;
  const counted = { ...work };
  const snapshotBytes = JSON.stringify(snapshotIndex(index, 'vault')).length;
  return { index, work: counted, total: totalWork(counted), jsonBytes, snapshotBytes };
}

/** Work of one edit, with the views it invalidated rebuilt (what a host does after a change). */
function editWork(index: MaturityIndex, edit: () => { changed: string[] }): number {
  resetWorkCount();
  const change = edit();
  for (const id of change.changed) index.component(id);
  return totalWork();
}

describe('notes sharing a name', () => {
  it('n notes named "Same", each depending on [[Same]]: linear work, bounded lists (reliability probe)', () => {
    const small = buildAndRead(probeVault(1000));
    const large = buildAndRead(probeVault(2000));
    // Each dependency resolved once; the candidates ranked once; each name's holders visited once.
    expect(large.work.resolved).toBe(2000);
    expect(large.work.ranked).toBeLessThanOrEqual(2000);
    expect(large.total).toBeLessThan(40 * 2000);
    expect(large.total / small.total).toBeLessThan(2.4);
    // JSON and the dashboard's data grow with the notes, not with their square.
    expect(large.jsonBytes / small.jsonBytes).toBeLessThan(2.2);
    expect(large.snapshotBytes / small.snapshotBytes).toBeLessThan(2.2);

    const index = large.index;
    const first = index.component('f0/Same.md')!;
    expect(first.dependencies[0]!.id).toBe('f0/Same.md');
    expect(first.diagnostics.map((d) => d.code)).toContain('dependency-self');
    expect(first.dependents).toHaveLength(2000);
    const other = index.component('f7/Same.md')!;
    const dep = other.dependencies[0]!;
    expect(dep.id).toBe('f0/Same.md');
    expect(dep.candidateCount).toBe(2000);
    expect(dep.candidates).toEqual(['f0/Same.md', 'f1/Same.md', 'f10/Same.md', 'f100/Same.md', 'f1000/Same.md', 'f1001/Same.md', 'f1002/Same.md', 'f1003/Same.md']);
    const ambiguous = other.diagnostics.find((d) => d.code === 'dependency-ambiguous')!;
    expect(ambiguous.message).toBe(`"Same" matches 2000 components (${dep.candidates.join(', ')} and 1992 more); using f0/Same.md. Link by path to choose.`);
    expect(ambiguous.related).toEqual(dep.candidates);
    expect(ambiguous.relatedCount).toBe(2000);
    const duplicate = other.diagnostics.find((d) => d.code === 'duplicate-name')!;
    expect(duplicate.related).toHaveLength(8);
    expect(duplicate.related).not.toContain('f7/Same.md');
    expect(duplicate.relatedCount).toBe(1999);
    expect(duplicate.message).toMatch(/^The name "Same" is also used by f0\/Same\.md, f1\/Same\.md, .* and 1991 more; links by name are ambiguous\.$/);
  });

  it('edits in a vault of 2,000 same-named notes cost work linear in the notes, not quadratic', () => {
    const { index } = buildAndRead(probeVault(2000));
    const n = 2000;
    // A stage change keeps the keys: nobody resolves again, only f0's dependents' views change.
    expect(editWork(index, () => index.upsert('f0/Same.md', SAME('Development')))).toBeLessThan(10 * n);
    expect(index.component('f9/Same.md')!.diagnostics.map((d) => d.code)).toContain('stage-inversion');
    // One more holder of the name: every holder's counts change once.
    expect(editWork(index, () => index.upsert('new/Same.md', SAME()))).toBeLessThan(20 * n);
    expect(index.component('f9/Same.md')!.dependencies[0]!.candidateCount).toBe(n + 1);
    expect(editWork(index, () => index.rename('f3/Same.md', 'zz/Same.md'))).toBeLessThan(20 * n);
    expect(editWork(index, () => index.remove('f0/Same.md'))).toBeLessThan(20 * n);
    const dep = index.component('f9/Same.md')!.dependencies[0]!;
    expect(dep.id).toBe('f1/Same.md');
    expect(dep.candidateCount).toBe(n);
    expect(dep.candidates).not.toContain('f0/Same.md');
    expect(dep.candidates).not.toContain('f3/Same.md');
  });

  it('incremental edits of same-named notes leave what a fresh build of the final notes has', () => {
    const notes = new Map(probeVault(30).map((n) => [n.path, n.text]));
    const index = createIndex({ today: TODAY });
    for (const [path, text] of notes) index.upsert(path, text);
    const edits: Array<() => void> = [
      () => index.upsert('f4/Same.md', SAME('Production')),
      () => index.upsert('f5/Same.md', '# Other Maturity Status\n\n**Current Stage**: Development\n**Owner**: team\n\n## Dependencies\n\n- [[Same]]\n'),
      () => index.remove('f0/Same.md'),
      () => index.rename('f1/Same.md', 'a/Same.md'),
      () => index.upsert('f2/Same.md', 'just a note about the same thing'),
    ];
    edits.forEach((edit) => edit());
    notes.set('f4/Same.md', SAME('Production'));
    notes.set('f5/Same.md', '# Other Maturity Status\n\n**Current Stage**: Development\n**Owner**: team\n\n## Dependencies\n\n- [[Same]]\n');
    notes.delete('f0/Same.md');
    notes.set('a/Same.md', notes.get('f1/Same.md')!);
    notes.delete('f1/Same.md');
    notes.set('f2/Same.md', 'just a note about the same thing');
    const fresh = createIndex({ today: TODAY });
    fresh.batch(() => {
      for (const [path, text] of notes) fresh.upsert(path, text);
    });
    const view = (i: MaturityIndex) => i.components().map((c) => ({ json: componentToJSON(c, i), deps: c.dependencies, diagnostics: c.diagnostics }));
    expect(view(index)).toEqual(view(fresh));
  });

  describe.runIf(corpusAvailable('tta-repo'))('real notes copied into 1,000 and 2,000 files (the scale issue)', () => {
    it('cost linear work and give bounded candidate lists', () => {
      const small = buildAndRead(copiedVault(1000));
      const large = buildAndRead(copiedVault(2000));
      expect(large.index.ids()).toHaveLength(2000);
      expect(large.total / small.total).toBeLessThan(2.4);
      expect(large.total).toBeLessThan(60 * 2000);
      expect(large.jsonBytes / small.jsonBytes).toBeLessThan(2.2);
      expect(large.snapshotBytes / small.snapshotBytes).toBeLessThan(2.2);
      for (const c of large.index.components()) {
        for (const d of c.dependencies) expect(d.candidates.length).toBeLessThanOrEqual(8);
        for (const d of c.diagnostics) expect((d.related ?? []).length).toBeLessThanOrEqual(8);
      }
    });
  });
});
