// "New maturity note": ask for the component's name, fill the template, create and open the note.
import { Notice, normalizePath, type TFile } from 'obsidian';
import type { Host } from './host';
import { prompt } from './modals';
import { BUILT_IN_TEMPLATE, fillTemplate, noteFileName } from './template';

async function templateText(host: Host): Promise<string> {
  const path = host.settings.templatePath;
  if (!path) return BUILT_IN_TEMPLATE;
  const file = host.app.vault.getFileByPath(normalizePath(path.endsWith('.md') ? path : `${path}.md`));
  if (!file) {
    new Notice(`Template "${path}" not found; using the built-in template.`);
    return BUILT_IN_TEMPLATE;
  }
  return host.app.vault.cachedRead(file);
}

export async function createMaturityNote(host: Host, name?: string): Promise<TFile | null> {
  const wanted = name ?? (await prompt(host.app, 'New maturity note', 'Component name'));
  if (!wanted) return null;
  const fileName = noteFileName(wanted);
  if (!fileName) {
    new Notice('That name has no characters a file name can use.');
    return null;
  }
  const folder = normalizePath(host.settings.newNoteFolder || '/');
  const path = normalizePath(folder === '/' ? `${fileName}.md` : `${folder}/${fileName}.md`);
  if (host.app.vault.getAbstractFileByPath(path)) {
    new Notice(`${path} already exists.`);
    return null;
  }
  if (folder !== '/' && !host.app.vault.getAbstractFileByPath(folder)) await host.app.vault.createFolder(folder);
  const text = fillTemplate(await templateText(host), {
    name: wanted,
    today: new Date(),
    firstStage: host.indexer.index.pipeline.stages[0]?.name ?? 'Development',
  });
  const file = await host.app.vault.create(path, text);
  await host.app.workspace.getLeaf(false).openFile(file);
  return file;
}
