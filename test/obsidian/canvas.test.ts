// @vitest-environment happy-dom
// "Open dependency canvas" in the built plugin: writes the dependency graph as a JSON Canvas into
// the vault, opens it in the Canvas view, regenerates its own canvas, and leaves any other file at
// that path alone.
import { beforeEach, describe, expect, it } from 'vitest';
import { buildGraphModel } from '../../src/core/index';
import { jsonCanvasProblems } from '../helpers/json-canvas';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';
import type { Harness } from './harness/app';
import { notices } from './harness/ui';
import { CanvasView } from './harness/workspace';
import { exampleFiles, startHarness, useHarnessSession } from './helpers';

const CANVAS = 'Maturity Map dependencies.canvas';

let h: Harness | null = null;
useHarnessSession();
beforeEach(() => {
  notices.length = 0;
});

interface Canvas {
  nodes: Array<{ id: string; type: string; file?: string; color?: string }>;
  edges: Array<{ fromNode: string; toNode: string }>;
}

describe('Open dependency canvas', () => {
  it('writes a card per component at its vault path and an edge per dependency, and opens it in the Canvas view', async () => {
    h = await startHarness();
    expect(await h.command('open-dependency-canvas')).toBe(true);
    const canvas = JSON.parse(await h.app.vault.read(h.file(CANVAS))) as Canvas;
    expect(jsonCanvasProblems(canvas)).toEqual([]);
    const model = buildGraphModel(loadFolder(EXAMPLE_VAULT));
    const files = canvas.nodes.filter((n) => n.type === 'file');
    expect(files.map((n) => n.file).sort()).toEqual(model.nodes.map((n) => n.id).sort());
    for (const f of files) expect(h.app.vault.getFileByPath(f.file!)).not.toBeNull();
    expect(canvas.edges).toHaveLength(model.edges.length);
    const view = h.app.workspace.activeLeaf?.view;
    expect(view).toBeInstanceOf(CanvasView);
    expect((view as CanvasView).file?.path).toBe(CANVAS);
    expect((view as CanvasView).error).toBeNull();
    expect((view as CanvasView).data?.nodes).toHaveLength(canvas.nodes.length);
  });

  it('regenerates its own canvas after the notes change', async () => {
    h = await startHarness();
    await h.command('open-dependency-canvas');
    await h.edit('Components/Ledger.md', (text) => text.replace(/\*\*Current Stage\*\*:[^\n]*/, '**Current Stage**: Production'));
    await h.command('open-dependency-canvas');
    const canvas = JSON.parse(await h.app.vault.read(h.file(CANVAS))) as Canvas;
    const ledger = canvas.nodes.find((n) => n.file === 'Components/Ledger.md')!;
    expect(ledger.color).toBe('#16a34a');
    expect(notices.filter((n) => n.includes('left as it is'))).toEqual([]);
  });

  it('leaves a canvas of the same name that it did not write untouched', async () => {
    const own = JSON.stringify({ nodes: [{ id: 'a', type: 'text', text: 'my plans', x: 0, y: 0, width: 100, height: 100 }], edges: [] });
    h = await startHarness({ files: { ...exampleFiles(), [CANVAS]: own } });
    await h.command('open-dependency-canvas');
    expect(await h.app.vault.read(h.file(CANVAS))).toBe(own);
    expect(notices.some((n) => n.includes('was not made by Maturity Map'))).toBe(true);
  });

  it('says so, and writes nothing, in a vault with no component notes', async () => {
    h = await startHarness({ files: { 'Notes/plain.md': '# Just a note\n' } });
    await h.command('open-dependency-canvas');
    expect(h.app.vault.getFileByPath(CANVAS)).toBeNull();
    expect(notices.some((n) => n.includes('no component notes'))).toBe(true);
  });
});
