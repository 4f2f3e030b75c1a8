// Loading a generated vault from disk for the benchmarks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeVault, type WrittenVault } from './generator/write';

export interface LoadedVault extends WrittenVault {
  texts: string[];
}

export function loadVault(notes: number, seed: number): LoadedVault {
  const written = writeVault({ notes, seed });
  const texts = written.paths.map((p) => readFileSync(join(written.dir, p), 'utf8'));
  return { ...written, texts };
}

/** Every k-th note, so the sample keeps the vault's mix of sizes and kinds. */
export function sample<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items.slice();
  const step = items.length / count;
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(items[Math.floor(i * step)]!);
  return out;
}
