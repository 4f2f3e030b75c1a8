// The benchmark vault generator and the benchmark code, on small vaults: the generator writes the
// notes it says it writes (components the index finds, with the stages and names it planned, the
// cycles it planted), and every core benchmark runs and reports sane figures. `npm run bench`
// itself is not part of the test run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coreBench, editedText, shortcutLedger } from '../../bench/core-bench';
import type { LoadedVault } from '../../bench/corpus';
import { generateNotes, planVault } from '../../bench/generator/vault';
import { SHORTCUTS } from '../../src/core/parse/shortcuts';
import { writeVault } from '../../bench/generator/write';
import { table, type Results } from '../../bench/report';
import { createIndex } from '../../src/core/index';
import { TODAY } from '../helpers/vault';

describe('vault generator', () => {
  const notes = [...generateNotes({ notes: 400, seed: 7 })];
  const index = createIndex({ today: TODAY });
  for (const n of notes) index.upsert(n.path, n.text);

  it('is deterministic for a seed', () => {
    const again = [...generateNotes({ notes: 400, seed: 7 })];
    expect(again.map((n) => n.text)).toEqual(notes.map((n) => n.text));
    expect([...generateNotes({ notes: 20, seed: 8 })].map((n) => n.text)).not.toEqual(notes.slice(0, 20).map((n) => n.text));
  });

  it('writes TTA-sized notes, 5–10% of them not components, in all three page flavours', () => {
    const components = notes.filter((n) => n.component !== null);
    const sizes = components.map((n) => Buffer.byteLength(n.text)).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length * 0.05)]!).toBeGreaterThanOrEqual(4000);
    expect(sizes[Math.floor(sizes.length * 0.95)]!).toBeLessThanOrEqual(14000);
    const share = 1 - components.length / notes.length;
    expect(share).toBeGreaterThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.1);
    expect(notes.some((n) => n.path.endsWith('/MATURITY.md'))).toBe(true);
    expect(notes.some((n) => n.path.startsWith('pages/') && n.text.includes('\t- '))).toBe(true);
    expect(notes.some((n) => n.text.startsWith('---\n'))).toBe(true);
  });

  it('holds the real-world deviations the corpus shows', () => {
    const all = notes.map((n) => n.text).join('\n');
    for (const form of ['**Current Stage:** ', '(Promotion in Progress)', '(BLOCKED - ', '- **Currently ', '❌ **', 'criteria met (', '**Criteria Met**:', 'Optional: ', 'None (foundational component)', 'DONE ', 'TODO ', '[/] ', 'Issue #XXX: <Description>', 'XX%', '```bash', '<!--', '| Criterion |', '### Active Blockers', '**Type**:', '## Promotion History', '(Resolved: ']) {
      expect(all, form).toContain(form);
    }
  });

  it('writes notes the index reads as planned: every component found with its name and stage, no other note', () => {
    const found = new Set(index.ids());
    const planned = notes.filter((n) => n.component !== null);
    expect(planned.filter((n) => !found.has(n.path)).map((n) => n.path)).toEqual([]);
    expect(notes.filter((n) => n.component === null && found.has(n.path)).map((n) => n.path)).toEqual([]);
    for (const n of planned) {
      const c = index.component(n.path)!;
      expect({ path: n.path, name: c.name, stage: c.note.stage?.id }).toEqual({ path: n.path, name: n.component, stage: n.stage });
    }
  });

  it('builds a dependency graph with depth, resolved links and the cycles it planted', () => {
    const plan = planVault({ notes: 400, seed: 7 });
    expect(plan.cycles.length).toBeGreaterThan(0);
    const edges = [...index.edges().values()].reduce((sum, targets) => sum + targets.length, 0);
    expect(edges).toBeGreaterThan(index.ids().length);
    const cycleNames = index.cycles().map((cycle) => cycle.map((id) => index.component(id)!.name));
    for (const planted of plan.cycles) expect(cycleNames.some((c) => planted.every((name) => c.includes(name)))).toBe(true);
    const unresolved = index.components().flatMap((c) => c.dependencies.filter((d) => d.id === null && !/^Dependency \d/.test(d.name)));
    expect(unresolved).toEqual([]);
  });
});

describe('benchmark code on a tiny vault', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mm-bench-smoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the vault once and reuses it', () => {
    const first = writeVault({ notes: 60, seed: 3 }, dir);
    expect(first.notes).toBe(60);
    expect(writeVault({ notes: 60, seed: 3 }, dir).fingerprint).toBe(first.fingerprint);
  });

  it('measures cold index, the reference parse, edits, queries, heap and the parser shortcuts', () => {
    const written = writeVault({ notes: 60, seed: 3 }, dir);
    const vault: LoadedVault = { ...written, texts: written.paths.map((p) => readFileSync(join(dir, p), 'utf8')) };
    const figures = coreBench(vault, { coldReps: 2, referenceNotes: 5, referenceReps: 1, edits: 5, queryReps: 3 }, () => undefined);
    const shortcuts = shortcutLedger(vault, 20, 1);
    expect(figures.notes).toBe(60);
    expect(figures.components).toBeGreaterThan(50);
    expect(figures.cold.medianMs).toBeGreaterThan(0);
    expect(figures.reference.megabytesPerSecond).toBeGreaterThan(0);
    expect(figures.reference.parseRatio).toBeGreaterThan(1); // the line scan beats remark, even here
    // The cold index and the reference took turns: every run of each has its wall and CPU time.
    expect([figures.cold.runs.length, figures.cold.cpuRuns?.length, figures.reference.runs.length, figures.reference.cpuRuns?.length]).toEqual([2, 2, 1, 1]);
    const cpuRatio = (figures.megabytes / figures.cold.cpuMedianMs!) / (figures.reference.megabytes / figures.reference.cpuMedianMs!);
    expect(figures.cpuRatio).toBeCloseTo(cpuRatio, 6);
    // Every shortcut measured on and off, and all of them switched back on afterwards.
    expect(shortcuts.map((s) => [s.name, s.notes])).toEqual(Object.keys(SHORTCUTS).map((name) => [name, 20]));
    expect(shortcuts.every((s) => s.onMs > 0 && s.offMs > 0)).toBe(true);
    expect(Object.values(SHORTCUTS).every(Boolean)).toBe(true);
    // Five components with dependents, each edited and edited back; every edit touches the
    // component and at least one dependent.
    expect(figures.edit.edits).toBe(10);
    expect(figures.edit.changedPerEdit).toBeGreaterThanOrEqual(2);
    // The query benchmark answers what the index says is at Staging.
    const index = createIndex({ today: TODAY });
    vault.paths.forEach((p, i) => index.upsert(p, vault.texts[i]!));
    expect(figures.query.results).toBe(index.idsAtStage('staging').size);
    expect(figures.query.results).toBeGreaterThan(5);
    const results: Results = {
      machine: { cpu: 'test', cores: 1, node: process.version, date: '', loadBefore: [0, 0, 0], pinnedToOneCore: false },
      sizes: { '60': figures },
      render: { layout: null, paint: null, pendingReason: 'not measured here' },
      ledger: { vaultNotes: 60, shortcuts },
    };
    expect(table(results)).toMatch(/\| cold index, ms \(median\) +\| [\d.,]+ +\|/);
    // The first run is the one a host's first start pays; the row sets it against the median.
    const first = figures.cold.runs[0]!;
    const row = table(results).split('\n').find((line) => line.startsWith('| cold index, first run, ms (× the median) '));
    expect(row?.split('|')[2]?.trim()).toBe(`${first >= 1000 ? Math.round(first).toLocaleString('en-US') : first.toFixed(1)} (${(first / figures.cold.medianMs).toFixed(2)}×)`);
    expect(table(results)).toMatch(/\| ratio: cold index ÷ reference +\| [\d.,]+× \(CPU [\d.,]+×; runs in turns\) +\|/);
    expect(table(results)).toContain('pending (not measured here)');
    expect(table(results)).toMatch(/\| shortcut yamlFastPath: parse time saved +\| -?[\d.]+% \([\d.]+ vs [\d.]+ ms, 20 of 60 notes\)/);
  });

  it('edits the Current Stage the way a promotion does', () => {
    expect(editedText('**Current Stage**: Staging (Promoted)\n')).toBe('**Current Stage**: Production (Promoted)\n');
    expect(editedText('current-stage:: development\n')).toBe('current-stage:: Staging\n');
  });
});
