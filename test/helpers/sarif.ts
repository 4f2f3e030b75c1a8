// Validating a SARIF log with Microsoft's SARIF Multitool (`validate`: its built-in SARIF 2.1.0
// schema plus its SARIF1xxx/2xxx rules), reading its own SARIF output for what it found.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';

export interface ValidationFinding {
  ruleId: string;
  level: string;
  text: string;
}

/** The multitool binary for this platform (the npm package resolves to its path). */
export function multitoolPath(): string {
  return createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
}

/** Errors and warnings the multitool reports for `log` (notes, its style hints, are left out). */
export function validateSarif(log: unknown): ValidationFinding[] {
  const dir = mkdtempSync(join(tmpdir(), 'mm-sarif-'));
  const input = join(dir, 'input.sarif');
  const output = join(dir, 'validation.sarif');
  writeFileSync(input, JSON.stringify(log));
  const run = spawnSync(multitoolPath(), ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--level', 'Error;Warning'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`sarif multitool failed (${run.status}): ${run.stdout}${run.stderr}`);
  const report = JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log;
  const validator = report.runs[0]!;
  const rules = validator.tool.driver.rules ?? [];
  return (validator.results ?? []).map((r) => {
    const template = rules.find((rule) => rule.id === r.ruleId)?.messageStrings?.[r.message.id ?? '']?.text ?? r.message.text ?? '';
    const text = template.replace(/\{(\d+)\}/g, (_, i: string) => r.message.arguments?.[Number(i)] ?? '');
    return { ruleId: r.ruleId ?? '', level: r.level ?? 'warning', text };
  });
}
