// The GitHub Action (action.yml): its run steps executed the way the runner executes a composite
// action's bash steps — inputs with their defaults substituted into `env`, GITHUB_ACTION_PATH,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY set, `bash --noprofile --norc -eo pipefail` on a script
// file — against a fixture repository. `uses:` steps (setup-node) cannot run here and are checked only.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ensureBuilt } from '../helpers/cli';
import { EXAMPLE_VAULT, ROOT } from '../helpers/vault';
import { parseWorkflowCommand } from '../helpers/workflow-commands';

ensureBuilt();

interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}
interface ActionStep {
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  shell?: string;
  id?: string;
  env?: Record<string, string>;
}
interface Action {
  name: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}` as the runner evaluates it: the given value, else the input's default. */
function expand(text: string, given: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (!input || !(input[1]! in action.inputs)) throw new Error(`unexpected expression in a run step: ${expression}`);
    return given[input[1]!] ?? action.inputs[input[1]!]!.default ?? '';
  });
}

interface ActionRun {
  code: number;
  stdout: string;
  outputs: string;
  summary: string;
}

/** `runnerTemp`: the runner's RUNNER_TEMP (a folder emptied after each job), which every real runner sets. */
function runAction(workspace: string, given: Record<string, string>, runnerTemp: string | null = mkdtempSync(join(tmpdir(), 'mm-runner-temp-'))): ActionRun {
  const temp = mkdtempSync(join(tmpdir(), 'mm-action-'));
  const outputs = join(temp, 'output');
  const summary = join(temp, 'summary.md');
  writeFileSync(outputs, '');
  writeFileSync(summary, '');
  let stdout = '';
  for (const [i, step] of action.runs.steps.entries()) {
    if (step.uses !== undefined) continue;
    expect(step.shell).toBe('bash');
    const script = join(temp, `step-${i}.sh`);
    // Inputs may only reach a script through env, never inside its text.
    expect(step.run).not.toMatch(/\$\{\{/);
    writeFileSync(script, step.run!);
    const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary };
    delete env['RUNNER_TEMP'];
    if (runnerTemp !== null) env['RUNNER_TEMP'] = runnerTemp;
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = expand(value, given);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8' });
    stdout += result.stdout;
    if (result.status !== 0) return { code: result.status ?? -1, stdout, outputs: readFileSync(outputs, 'utf8'), summary: readFileSync(summary, 'utf8') };
  }
  return { code: 0, stdout, outputs: readFileSync(outputs, 'utf8'), summary: readFileSync(summary, 'utf8') };
}

/** A checked-out repository with the example vault under docs/components. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mm-workspace-'));
  mkdirSync(join(dir, '.git'));
  cpSync(EXAMPLE_VAULT, join(dir, 'docs', 'components'), { recursive: true });
  return dir;
}

describe('action.yml', () => {
  it('is a composite action with the inputs the docs promise', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'fail-on', 'path', 'sarif-file', 'summary']);
    expect(action.inputs['fail-on']!.default).toBe('error');
    expect(action.runs.steps[0]).toEqual({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
    expect(action.outputs['sarif-file']!.value).toBe('${{ steps.lint.outputs.sarif-file }}');
  });

  it('annotates every diagnostic at its file from the repository root and fails on errors', () => {
    const repo = workspace();
    const run = runAction(repo, { path: 'docs/components' });
    expect(run.code).toBe(1);
    const annotations = run.stdout.split('\n').map(parseWorkflowCommand).filter((c) => c !== null);
    expect(annotations.length).toBeGreaterThan(10);
    for (const a of annotations) {
      expect(['error', 'warning', 'notice']).toContain(a.command);
      expect(a.properties['file']).toMatch(/^docs\/components\//);
      expect(existsSync(join(repo, a.properties['file']!))).toBe(true);
    }
    expect(run.summary).toMatch(/^# /m);
    expect(run.outputs).toBe('');
  });

  it('writes the SARIF log and names it as an output; fail-on none passes', () => {
    const repo = workspace();
    const run = runAction(repo, { path: 'docs/components', 'sarif-file': 'maturity.sarif', 'fail-on': 'none', summary: 'false' });
    expect(run.code).toBe(0);
    expect(run.outputs).toBe('sarif-file=maturity.sarif\n');
    expect(run.summary).toBe('');
    const log = JSON.parse(readFileSync(join(repo, 'maturity.sarif'), 'utf8')) as Sarif.Log;
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(log.runs[0]!.results).toHaveLength(annotations.length);
  });

  it('parses the notes once for its three runs: the cache lives in the runner temp folder, and changes nothing', () => {
    const given = { path: 'docs/components', 'sarif-file': 'maturity.sarif' };
    const repo = workspace();
    const plain = runAction(repo, given, null);
    const plainSarif = readFileSync(join(repo, 'maturity.sarif'), 'utf8');
    const files = readdirSync(repo, { recursive: true }).sort();
    const runnerTemp = mkdtempSync(join(tmpdir(), 'mm-runner-temp-'));
    expect(runAction(repo, given, runnerTemp)).toEqual(plain);
    expect(readFileSync(join(repo, 'maturity.sarif'), 'utf8')).toBe(plainSarif);
    expect(readdirSync(repo, { recursive: true }).sort()).toEqual(files);
    const caches = readdirSync(runnerTemp);
    expect(caches).toHaveLength(1);
    expect(readFileSync(join(runnerTemp, caches[0]!), 'utf8')).toMatch(/^maturity-map-cache 1\n/);
  });

  it('reads a settings file given as config', () => {
    const repo = workspace();
    const off = Object.fromEntries(['stage-inversion', 'status-count-mismatch', 'stage-criteria-unmet', 'criterion-contradicted', 'dependency-cycle', 'security-critical', 'observation-incomplete', 'stage-missing', 'stage-unknown', 'dependency-self', 'sla-breach'].map((c) => [c, 'warning']));
    writeFileSync(join(repo, 'maturity settings.json'), JSON.stringify({ severity: off }));
    const run = runAction(repo, { path: 'docs/components', config: 'maturity settings.json', summary: 'false' });
    expect(run.stdout).not.toMatch(/^::error /m);
    expect(run.code).toBe(0);
    expect(runAction(repo, { path: 'docs/components', config: 'missing.json' }).code).toBe(2);
  });
});

describe('the workflow example in docs/integrations.md', () => {
  const docs = readFileSync(join(ROOT, 'docs/integrations.md'), 'utf8');
  const example = /<!-- workflow example -->\n```yaml\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';

  it('is five lines of valid workflow that uses this action with its real inputs', () => {
    expect(example.trimEnd().split('\n')).toHaveLength(5);
    const workflow = parse(example) as { on: unknown; jobs: Record<string, { 'runs-on': string; steps: ActionStep[] }> };
    const steps = Object.values(workflow.jobs)[0]!.steps;
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@/);
    const ours = steps.find((s) => s.uses?.includes('maturity-map'))!;
    for (const key of Object.keys(ours.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
  });
});
