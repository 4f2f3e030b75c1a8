// "Open dependency canvas": the dependency graph as a JSON Canvas file in the vault (a card per
// component note, laid out like the graph view, coloured by stage), then opened in Obsidian's
// Canvas. It rewrites only a canvas it wrote itself; any other file at that path is left alone.
import { normalizePath, Notice, TFile } from 'obsidian';
import { buildGraphModel } from '../core/index';
import { CANVAS_LEGEND_TEXT, canvasJSON, toCanvas } from '../render/canvas';
import type { CommandSpec } from './commands';
import type { Host } from './host';

export const CANVAS_PATH = 'Maturity Map dependencies.canvas';

/** A canvas this command wrote (its legend says so), or an empty file: safe to regenerate. */
function isOurs(text: string): boolean {
  return text.trim() === '' || text.includes(JSON.stringify(CANVAS_LEGEND_TEXT));
}

async function writeCanvas(host: Host, text: string): Promise<TFile | null> {
  const vault = host.app.vault;
  const path = normalizePath(CANVAS_PATH);
  const existing = vault.getAbstractFileByPath(path);
  if (existing === null) return vault.create(path, text);
  if (!(existing instanceof TFile)) {
    new Notice(`Maturity map: "${path}" is a folder; rename it to write the dependency canvas.`);
    return null;
  }
  let ours = true;
  // Read, check and replace in one step, so an edit made meanwhile is never overwritten blindly.
  await vault.process(existing, (current) => {
    ours = isOurs(current);
    return ours ? text : current;
  });
  if (!ours) {
    new Notice(`Maturity map: "${path}" was not made by Maturity Map and is left as it is; rename it to write the dependency canvas.`);
    return null;
  }
  return existing;
}

export async function openDependencyCanvas(host: Host): Promise<TFile | null> {
  const index = host.indexer.index;
  if (index.ids().length === 0) {
    new Notice('Maturity map: no component notes yet, so there is no dependency canvas to draw.');
    return null;
  }
  const file = await writeCanvas(host, canvasJSON(toCanvas(buildGraphModel(index), { stages: index.pipeline.stages })));
  if (file) await host.app.workspace.getLeaf('tab').openFile(file);
  return file;
}

export const dependencyCanvasCommand: CommandSpec = { id: 'open-dependency-canvas', name: 'Open dependency canvas', scope: 'app', run: (host) => openDependencyCanvas(host) };
