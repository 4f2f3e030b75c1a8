// What the editing commands share: finding the vault a note belongs to and a readable unified diff.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Change } from '../core/index';
import { visible, visibleBlock } from './terminal';

const VAULT_MARKERS = ['.maturity-map.json', '.obsidian', 'logseq', '.git'];

/** The folder holding the note's vault: the nearest ancestor with a vault marker, else the note's folder. */
export function findVaultRoot(file: string): string {
  const start = dirname(resolve(file));
  for (let dir = start; ; dir = dirname(dir)) {
    if (VAULT_MARKERS.some((m) => existsSync(join(dir, m)) && (m !== 'logseq' || statSync(join(dir, m)).isDirectory()))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/**
 * `--- a/<path>` / `+++ b/<path>` unified diff of one note, for a terminal: a path with control
 * characters is quoted the way git quotes it (`"a/x\033[2J.md"`), and control characters in the
 * note's lines are shown as escapes (tabs and CRLF line ends stay).
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  return visibleBlock(createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, '', '', { context: 3 }).replace(/^=+\n/, ''));
}

/** One line per change: `line 66: **Status**: 7/7 → **Status**: 6/7 (reason)`. */
export function describeChanges(changes: Change[]): string[] {
  return changes.map((c) => `  line ${c.line}: ${visible(c.reason)}`);
}

