// Types of scripts/release.mjs, for the tests that import it.
export interface VersionInputs {
  pkg: { version: string };
  manifest: { version: string; minAppVersion: string };
  versions: Record<string, string>;
  tag?: string;
}
export function versionProblems(inputs: VersionInputs): string[];
export function sourceMapProblems(files: Record<string, Uint8Array>): string[];
export function assembleRelease(options?: { tag?: string; skipBuild?: boolean; out?: string }): Promise<{ dir: string; files: string[] }>;
