// `graph --format canvas`: a JSON Canvas file whose cards point at the notes from the Obsidian
// vault root (the folder with .obsidian above <dir>), written with -o or to standard output.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../helpers/cli';
import { jsonCanvasProblems } from '../helpers/json-canvas';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../helpers/vault';
import { note } from './run';

ensureBuilt();

interface Canvas {
  nodes: Array<{ type: string; file?: string }>;
  edges: unknown[];
}

describe('graph --format canvas', () => {
  it('prints a valid canvas of the example vault with a card per component', () => {
    const out = runCli(['graph', EXAMPLE_VAULT, '--format', 'canvas', '--today', TODAY]);
    expect(out.code).toBe(0);
    const canvas = JSON.parse(out.stdout) as Canvas;
    expect(jsonCanvasProblems(canvas)).toEqual([]);
    expect(canvas.nodes.filter((n) => n.type === 'file').map((n) => n.file).sort()).toEqual(loadFolder(EXAMPLE_VAULT).ids().sort());
  });

  it('points at notes from the vault root when <dir> is a folder inside a vault, and writes with -o', () => {
    const vault = mkdtempSync(join(tmpdir(), 'mm-canvas-vault-'));
    mkdirSync(join(vault, '.obsidian'));
    mkdirSync(join(vault, 'Team Notes', 'Maturity'), { recursive: true });
    writeFileSync(join(vault, 'Team Notes', 'Maturity', 'Payments "Core" 100%.md'), note('Payments "Core"', 'Production', ['Ledger']));
    writeFileSync(join(vault, 'Team Notes', 'Maturity', 'Ledger.md'), note('Ledger', 'Staging'));
    const out = runCli(['graph', join(vault, 'Team Notes', 'Maturity'), '--format', 'canvas', '-o', join(vault, 'deps.canvas')]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    const canvas = JSON.parse(readFileSync(join(vault, 'deps.canvas'), 'utf8')) as Canvas;
    expect(jsonCanvasProblems(canvas)).toEqual([]);
    expect(canvas.nodes.filter((n) => n.type === 'file').map((n) => n.file).sort()).toEqual(['Team Notes/Maturity/Ledger.md', 'Team Notes/Maturity/Payments "Core" 100%.md']);
    expect(canvas.edges).toHaveLength(1);
  });

  it('keeps --focus: only the component and its neighbours', () => {
    const out = runCli(['graph', EXAMPLE_VAULT, '--format', 'canvas', '--focus', 'Ledger', '--hops', '1', '--today', TODAY]);
    const canvas = JSON.parse(out.stdout) as Canvas;
    const files = canvas.nodes.filter((n) => n.type === 'file').map((n) => n.file);
    expect(files).toContain('Components/Ledger.md');
    expect(files.length).toBeLessThan(loadFolder(EXAMPLE_VAULT).ids().length);
  });
});
