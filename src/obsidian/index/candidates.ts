// Which notes are worth reading at all, decided before reading them: the folder rules (excluded
// folders are never read; with component folders set, nothing outside them is) and, when the
// settings name component tags, the tags Obsidian's metadata cache already knows. A note the
// metadata cache has not parsed yet is read, so nothing is missed on a first start.
import { getAllTags, type App, type TFile } from 'obsidian';
import type { IndexOptions } from '../../core/index';

const under = (path: string, folder: string) => {
  const f = folder.replace(/^\/+|\/+$/g, '');
  return f === '' || path === f || path.startsWith(`${f}/`);
};

export interface CandidateRules {
  /** Can a note at this path be a component at all? */
  path(path: string): boolean;
  /** Is this note worth reading now (path and tags)? */
  file(file: TFile): boolean;
}

export function candidateRules(app: App, options: IndexOptions): CandidateRules {
  const rules = options.components ?? {};
  const excluded = rules.excludeFolders ?? [];
  const folders = rules.folders ?? [];
  const tags = (rules.tags ?? []).map((t) => t.replace(/^#/, '').toLowerCase());
  const path = (p: string) => !excluded.some((f) => under(p, f)) && (folders.length === 0 || folders.some((f) => under(p, f)));
  const hasTag = (file: TFile) => {
    const cache = app.metadataCache.getFileCache(file);
    if (!cache) return true;
    // Front matter Obsidian could not parse says nothing about tags; the core may still read them.
    if (cache.frontmatterPosition && !cache.frontmatter) return true;
    // `tags: #TTA` (the template's way) is a YAML comment to Obsidian, so it reports no tag;
    // the core reads the tag from the text, so such a note must be read.
    const frontmatter: Record<string, unknown> = cache.frontmatter ?? {};
    if ('tags' in frontmatter && (frontmatter['tags'] === null || frontmatter['tags'] === undefined)) return true;
    // Logseq-style page properties (`tags:: maturity` on the first lines) are text to Obsidian.
    const first = cache.sections?.[0];
    if (!cache.frontmatter && first?.type === 'paragraph' && first.position.start.line === 0) return true;
    const noteTags = (getAllTags(cache) ?? []).map((t) => t.replace(/^#/, '').toLowerCase());
    return noteTags.some((t) => tags.some((wanted) => t === wanted || t.startsWith(`${wanted}/`)));
  };
  return {
    path,
    file: (file) => file.extension === 'md' && path(file.path) && (tags.length === 0 || hasTag(file)),
  };
}
