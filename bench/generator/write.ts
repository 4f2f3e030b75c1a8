// Writing a generated vault to a folder, cached across runs: a vault is written again only when
// the generator's output changed (a fingerprint of its first notes) or the folder is incomplete.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateNotes, planVault, type GeneratedNote, type VaultOptions } from './vault';
import { generateRealistic, type RealisticOptions } from './realistic';

export interface WrittenVault {
  dir: string;
  notes: number;
  components: number;
  bytes: number;
  /** Paths in generation order (components first). */
  paths: string[];
  cycles: string[][];
  fingerprint: string;
}

export function fingerprint(options: VaultOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ notes: options.notes, seed: options.seed ?? 1, otherShare: options.otherShare ?? 0.07 }));
  let n = 0;
  for (const note of generateNotes({ ...options, notes: Math.min(options.notes, 60) })) {
    hash.update(note.path).update(note.text);
    if (++n >= 60) break;
  }
  return hash.digest('hex').slice(0, 16);
}

export function defaultVaultDir(options: VaultOptions): string {
  return join(tmpdir(), 'maturity-map-bench', `vault-${options.notes}-seed${options.seed ?? 1}`);
}

export function writeVault(options: VaultOptions, dir = defaultVaultDir(options)): WrittenVault {
  let cycles: string[][] = [];
  return writeNotes(dir, fingerprint(options), options.notes, () => {
    const planned = planVault(options);
    cycles = planned.cycles;
    return generateNotes(options, planned);
  }, () => cycles);
}

/** The realistic vault (bench/generator/realistic.ts), cached like the others. */
export function writeRealisticVault(options: RealisticOptions, dir = join(tmpdir(), 'maturity-map-bench', `realistic-${options.notes}-seed${options.seed ?? 1}`)): WrittenVault {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ realistic: options.notes, seed: options.seed ?? 1, share: options.componentShare ?? 0.03 }));
  let n = 0;
  for (const note of generateRealistic(options)) {
    if (note.component === null && ++n > 60) break;
    hash.update(note.path).update(note.text);
  }
  return writeNotes(dir, hash.digest('hex').slice(0, 16), options.notes, () => generateRealistic(options), () => []);
}

function writeNotes(dir: string, print: string, notes: number, generate: () => Iterable<GeneratedNote>, cycles: () => string[][]): WrittenVault {
  const manifestPath = join(dir, '.manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as WrittenVault;
    if (manifest.fingerprint === print && manifest.notes === notes) return { ...manifest, dir };
  }
  rmSync(dir, { recursive: true, force: true });
  const paths: string[] = [];
  let bytes = 0;
  let components = 0;
  const made = new Set<string>();
  for (const note of generate()) {
    const file = join(dir, note.path);
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, note.text);
    bytes += Buffer.byteLength(note.text);
    paths.push(note.path);
    if (note.component) components++;
  }
  const written: WrittenVault = { dir, notes: paths.length, components, bytes, paths, cycles: cycles(), fingerprint: print };
  writeFileSync(manifestPath, JSON.stringify(written));
  return written;
}
