// Parsing on worker threads (`--jobs`): the notes come back as the main thread would have made
// them, every command sees what a run without workers sees, and a worker that fails or cannot
// start costs only its speed — its notes are parsed on the main thread.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNotes } from '../../bench/generator/vault';
import { loadVault, type LoadedVault } from '../../src/cli/context';
import { POOL_START_NOTES } from '../../src/cli/note-intake';
import { createParsePool, type PoolWorker, type SpawnWorker } from '../../src/cli/parse-pool';
import { createIndex, prepareForIndex, scanToJSON } from '../../src/core/index';
import { toRecord, type PreparedNote } from '../../src/plugin-cache/note-record';
import type { FromWorker, ToWorker } from '../../src/plugin-cache/parse-protocol';
import { CLI, ensureBuilt, runCli } from '../helpers/cli';
import { CORPUS, corpusAvailable, TODAY } from '../helpers/vault';

const NOTES = 400;
let vaultDir = '';

beforeAll(() => {
  ensureBuilt();
  vaultDir = mkdtempSync(join(tmpdir(), 'mm-pool-'));
  for (const note of generateNotes({ notes: NOTES, seed: 11 })) {
    const file = join(vaultDir, note.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, note.text);
  }
});

afterAll(() => rmSync(vaultDir, { recursive: true, force: true }));

/** The built CLI's worker, started as the CLI starts it, counted. */
function builtWorkers(): { spawn: SpawnWorker; started: () => number } {
  let started = 0;
  const spawn = () => {
    started++;
    return new Worker(join(dirname(CLI), 'parse-worker.mjs'));
  };
  return { spawn, started: () => started };
}

/** Everything a command reads of the vault: components whole (notes, views), vault findings, skipped files, paths. */
function seen(vault: LoadedVault): string {
  const { index } = vault;
  return JSON.stringify({ scan: scanToJSON(index, 'vault'), components: index.components(), vault: index.vaultDiagnostics(), skipped: vault.skipped, paths: vault.paths });
}

describe('loading a vault with parse workers', () => {
  it('parses on the workers and sees what a run without them sees', async () => {
    const alone = await loadVault(vaultDir, { today: TODAY, jobs: '1' });
    const workers = builtWorkers();
    const pooled = await loadVault(vaultDir, { today: TODAY, jobs: '3', spawnWorker: workers.spawn });
    expect(alone.parsing).toBeNull();
    // Workers only when asked for (--jobs): on two cores they cost what they saved.
    expect((await loadVault(vaultDir, { today: TODAY })).parsing).toBeNull();
    expect(workers.started()).toBe(3);
    expect(pooled.parsing).toEqual({ workers: 3, fallbackBatches: 0, failure: null });
    expect(seen(pooled)).toBe(seen(alone));
  });

  it('starts no worker for a vault with fewer notes to parse than it takes to pay for one', async () => {
    const small = mkdtempSync(join(tmpdir(), 'mm-pool-small-'));
    try {
      const notes = [...generateNotes({ notes: 60, seed: 4 })];
      for (const note of notes) writeFileSync(join(small, note.path.replace(/\//g, '-')), note.text);
      expect(notes.length).toBeLessThan(POOL_START_NOTES);
      const workers = builtWorkers();
      const vault = await loadVault(small, { today: TODAY, jobs: '4', spawnWorker: workers.spawn });
      expect(workers.started()).toBe(0);
      expect(seen(vault)).toBe(seen(await loadVault(small, { today: TODAY, jobs: '1' })));
    } finally {
      rmSync(small, { recursive: true, force: true });
    }
  });

  it('with --cache, a pooled first run keeps what a later run without workers reuses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-pool-cache-'));
    try {
      const cache = join(dir, 'cache');
      const first = await loadVault(vaultDir, { today: TODAY, jobs: '2', cache, spawnWorker: builtWorkers().spawn });
      expect(first.cached).toEqual({ reused: 0, parsed: NOTES });
      const second = await loadVault(vaultDir, { today: TODAY, jobs: '1', cache });
      expect(second.cached).toEqual({ reused: NOTES, parsed: 0 });
      expect(seen(second)).toBe(seen(first));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the corpus four times over (every name held by four notes): the same with and without workers', async () => {
    if (!corpusAvailable()) return;
    const dir = mkdtempSync(join(tmpdir(), 'mm-pool-corpus-'));
    try {
      for (const copy of ['a', 'b', 'c', 'd']) cpSync(CORPUS, join(dir, copy), { recursive: true });
      const workers = builtWorkers();
      const pooled = await loadVault(dir, { today: TODAY, jobs: '2', spawnWorker: workers.spawn });
      expect(pooled.parsing?.workers).toBe(2);
      expect(seen(pooled)).toBe(seen(await loadVault(dir, { today: TODAY, jobs: '1' })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the built CLI with --jobs', () => {
  it('prints the same JSON with and without workers', () => {
    const alone = runCli(['scan', vaultDir, '--json', '--today', TODAY, '--jobs', '1']);
    const pooled = runCli(['scan', vaultDir, '--json', '--today', TODAY, '--jobs', '2']);
    const auto = runCli(['scan', vaultDir, '--json', '--today', TODAY, '--jobs', 'auto']);
    expect(auto.stdout).toBe(alone.stdout);
    expect(alone.code).toBe(pooled.code);
    expect(JSON.parse(pooled.stdout).components.length).toBeGreaterThan(300);
    expect(pooled.stdout).toBe(alone.stdout);
    expect(pooled.stderr).toBe('');
  });

  it('rejects a --jobs that is not a positive whole number or auto', () => {
    for (const bad of ['0', '-2', '1.5', 'many']) {
      const result = runCli(['scan', vaultDir, `--jobs=${bad}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--jobs expects a positive whole number or "auto", got "${bad}"`);
    }
  });
});

/** A worker in this thread that answers as the real one does, until told to die. */
function fakeWorker(behaviour: { dieOnBatch?: number; failEvery?: boolean }): PoolWorker {
  const listeners: { message: Array<(m: FromWorker) => void>; error: Array<(e: Error) => void>; exit: Array<(c: number) => void> } = { message: [], error: [], exit: [] };
  const index = createIndex({ today: TODAY });
  let batches = 0;
  let dead = false;
  return {
    on(event: 'message' | 'error' | 'exit', listener: (value: never) => void) {
      (listeners[event] as Array<(value: never) => void>).push(listener);
    },
    postMessage(message: ToWorker) {
      if (message.type !== 'parse' || dead) return;
      const batch = ++batches;
      queueMicrotask(() => {
        if (dead) return;
        if (batch === behaviour.dieOnBatch) {
          dead = true;
          listeners.error.forEach((l) => l(new Error('out of memory')));
          listeners.exit.forEach((l) => l(1));
          return;
        }
        const answer: FromWorker = behaviour.failEvery
          ? { type: 'failed', id: message.id, error: 'boom' }
          : { type: 'parsed', id: message.id, records: message.items.map((item) => toRecord(prepareForIndex(item.text, item.path, index.config, index.pipeline))) };
        listeners.message.forEach((l) => l(answer));
      });
    },
    terminate: () => Promise.resolve(0),
  } as PoolWorker;
}

describe('the parse pool when workers fail', () => {
  const index = createIndex({ today: TODAY });
  const items = [...generateNotes({ notes: 90, seed: 2 })].map((n) => ({ path: n.path, text: n.text }));
  const batches = [items.slice(0, 30), items.slice(30, 60), items.slice(60)];
  const expected = items.map((item) => toRecord(prepareForIndex(item.text, item.path, index.config, index.pipeline)));
  const records = (notes: PreparedNote[][]) => notes.flat().map((note) => toRecord(note));

  it('a worker that dies mid-run: its batches and the rest are parsed on the main thread', async () => {
    const pool = createParsePool({ today: TODAY }, index, 2, () => fakeWorker({ dieOnBatch: 1 }));
    const notes = await Promise.all(batches.map((b) => pool.parse(b)));
    expect(records(notes)).toEqual(expected);
    expect(pool.stats.failure).toBe('a parse worker failed (out of memory)');
    expect(pool.stats.fallbackBatches).toBe(3);
    await pool.close();
  });

  it('a worker that cannot start, or answers that a batch failed: parsed on the main thread', async () => {
    const unstartable = createParsePool({ today: TODAY }, index, 2, () => {
      throw new Error('no threads here');
    });
    expect(records(await Promise.all(batches.map((b) => unstartable.parse(b))))).toEqual(expected);
    expect(unstartable.stats).toEqual({ workers: 0, fallbackBatches: 3, failure: 'a parse worker could not start (no threads here)' });
    const failing = createParsePool({ today: TODAY }, index, 1, () => fakeWorker({ failEvery: true }));
    expect(records(await Promise.all(batches.map((b) => failing.parse(b))))).toEqual(expected);
    expect(failing.stats.fallbackBatches).toBe(3);
  });
});
