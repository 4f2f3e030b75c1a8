// Writing a build output so that a reader sees the old file or the new one, never a part: the
// text goes to a new file beside it, which then takes the output's name (a rename on one file
// system replaces the name at once). writeFile truncates the file in place first, and a test page
// that loaded dist/obsidian/styles.css while a build in the same tree rewrote it got an empty
// stylesheet: the harness theme's own link colour then failed axe's contrast in the light theme
// (docs/testing.md, session 29).
import { renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

/** The temporary name: this process's, so two builds in one tree do not write into one file. */
const beside = (path) => `${path}.${process.pid}.tmp`;

/** Write `data` to `path` whole (synchronously). */
export function writeWholeSync(path, data) {
  writeFileSync(beside(path), data);
  renameSync(beside(path), path);
}

/** Write `data` to `path` whole. */
export async function writeWhole(path, data) {
  await writeFile(beside(path), data);
  await rename(beside(path), path);
}
