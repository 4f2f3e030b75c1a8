// Vitest's global set-up: every temporary file or folder the tests make (theirs, the CLI's they
// spawn, Chromium's profiles) goes under one folder of this run, removed when the run ends. Tests
// make hundreds of throwaway vaults; left in the system's temp folder they pile up run after run.
// os.tmpdir() reads TMPDIR when called, and the test workers and spawned processes inherit it.
// Vitest calls a global set-up once per project, in one process: only the first makes the folder
// (nested folders would lengthen every path; Chromium's socket path has a length limit).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MARK = 'MATURITY_MAP_TEST_TEMP_ROOT';

export default function setup(): () => void {
  if (process.env[MARK]) return () => {};
  const previous = process.env['TMPDIR'];
  const root = mkdtempSync(join(tmpdir(), 'mm-test-run-'));
  // As open as the system's temp folder (sticky, everyone may write): tests run the CLI as another
  // user (test/cli/concurrent-edit.test.ts), who must reach the vaults made here.
  chmodSync(root, 0o1777);
  process.env[MARK] = root;
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    delete process.env[MARK];
    rmSync(root, { recursive: true, force: true });
  };
}
