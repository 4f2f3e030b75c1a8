// Writing an output file atomically: a temporary file next to it, then a rename, so a failed
// write never leaves half a report behind.
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeOut } from './terminal';

export async function writeAtomically(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Write to a file when one is named (`-` or nothing means standard output). */
export async function emit(output: string | undefined, content: string): Promise<void> {
  if (output === undefined || output === '-') writeOut(content);
  else await writeAtomically(output, content);
}
