// "Link dependencies in this note" / "…in every component note": the core link edit (plain-text
// dependencies become `[[…]]` links Obsidian's backlinks and graph see) applied through
// note-edit.ts — the open editor when a view edits the note (one undo step), else `vault.process`.
import { Notice, TFile } from 'obsidian';
import { indexResolution, linkDependencies, obsidianLinkTargets, type SkippedDependency } from '../core/index';
import type { CommandSpec } from './commands';
import type { Host } from './host';
import { rewriteNote } from './note-edit';

export interface LinkOutcome {
  notes: number;
  links: number;
  skipped: SkippedDependency[];
}

/**
 * What a link must say to reach `id`, checked against Obsidian's own resolution: the file name
 * when the vault has no other note of that name, else the path; null when neither leads there.
 */
function linkTargets(host: Host): (id: string) => string | null {
  const candidate = obsidianLinkTargets(host.app.vault.getMarkdownFiles().map((f) => f.path));
  return (id) => {
    for (const text of [candidate(id), id.replace(/\.md$/i, '')]) {
      if (text !== null && host.app.metadataCache.getFirstLinkpathDest(text, '')?.path === id) return text;
    }
    return null;
  };
}

async function linkFile(host: Host, file: TFile, targetOf: (id: string) => string | null, outcome: LinkOutcome): Promise<void> {
  const index = host.indexer.index;
  await rewriteNote(host.app, file, (current) => {
    const result = linkDependencies(current, index.pipeline, { style: 'obsidian', selfId: file.path, resolve: indexResolution(index, file.path), targetOf });
    outcome.links += result.linked.length;
    if (result.changes.length > 0) outcome.notes++;
    outcome.skipped.push(...result.skipped.filter((s) => s.reason !== 'self'));
    return result.changes.length > 0 ? result.text : current;
  });
}

function report(outcome: LinkOutcome, scope: string): void {
  const left = outcome.skipped.length;
  const why = left === 0 ? '' : ` Left as text: ${outcome.skipped.slice(0, 5).map((s) => s.message).join('; ')}${left > 5 ? `; and ${left - 5} more` : ''}.`;
  new Notice(outcome.links > 0 ? `Linked ${outcome.links} dependenc${outcome.links === 1 ? 'y' : 'ies'} in ${outcome.notes} note${outcome.notes === 1 ? '' : 's'}.${why}` : `No dependency to link ${scope}.${why}`);
}

export async function linkDependenciesIn(host: Host, files: TFile[], scope: string): Promise<LinkOutcome> {
  const outcome: LinkOutcome = { notes: 0, links: 0, skipped: [] };
  const targetOf = linkTargets(host);
  for (const file of files) {
    try {
      await linkFile(host, file, targetOf, outcome);
    } catch (err) {
      new Notice(`Could not write ${file.path}: ${err instanceof Error ? err.message : String(err)}. The note is unchanged.`);
    }
  }
  report(outcome, scope);
  return outcome;
}

function componentFiles(host: Host): TFile[] {
  return host.indexer.index.ids().map((id) => host.app.vault.getAbstractFileByPath(id)).filter((f): f is TFile => f instanceof TFile);
}

export const LINK_COMMANDS: CommandSpec[] = [
  {
    id: 'link-dependencies',
    name: 'Link dependencies in this note',
    scope: 'component',
    run: (host, file) => file && linkDependenciesIn(host, [file], 'in this note'),
    menuTitle: 'Link dependencies',
    menuIcon: 'link',
  },
  { id: 'link-all-dependencies', name: 'Link dependencies in every component note', scope: 'app', run: (host) => linkDependenciesIn(host, componentFiles(host), 'in the component notes') },
];
