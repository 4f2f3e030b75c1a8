// What a link must say to reach a component in each host: Obsidian resolves `[[name]]` by file
// name anywhere in the vault (a path when the name is shared), Logseq by page name (the `title::`
// property, else the file name). Also the index's view of how a written dependency resolves.
import { logseqFileName, readAsLogseq, type FileNameFormat } from '../logseq-reading';
import type { Dependency } from '../model';
import type { MaturityIndex } from '../vault-index';
import type { DependencyResolution } from './link-dependencies';

/**
 * For each Markdown path of the vault, the shortest link text Obsidian resolves to it: the file
 * name when no other note shares it (Obsidian compares names case-insensitively), else the path
 * without `.md`. Files Obsidian does not index as notes get no link.
 */
export function obsidianLinkTargets(paths: Iterable<string>): (id: string) => string | null {
  const counts = new Map<string, number>();
  const isNote = (path: string) => /\.md$/i.test(path);
  const base = (path: string) => (path.split('/').pop() ?? path).replace(/\.md$/i, '');
  for (const path of paths) {
    if (!isNote(path)) continue;
    const key = base(path).toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (id) => {
    if (!isNote(id)) return null;
    const name = base(id);
    return (counts.get(name.toLowerCase()) ?? 0) === 1 ? name : id.replace(/\.md$/i, '');
  };
}

/** The page name Logseq gives the file at `path` (its `originalName`): title property, else file name. */
export function logseqPageName(path: string, text: string, format: FileNameFormat = 'triple-lowbar'): string {
  return readAsLogseq(path, text, format).pageName;
}

/**
 * Logseq page names for links: a page whose name another file of the graph also takes (a tree of
 * `MATURITY.md` files all named "MATURITY") cannot be reached by a page reference, so it gets none.
 * `textOf` reads a note (only the targets are read); other pages' `title::` are not consulted.
 */
export function logseqLinkTargets(paths: Iterable<string>, textOf: (id: string) => string | null, format: FileNameFormat = 'triple-lowbar'): (id: string) => string | null {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const key = logseqFileName(path, format).toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const names = new Map<string, string | null>();
  const compute = (id: string): string | null => {
    const text = textOf(id);
    if (text === null) return null;
    const name = readAsLogseq(id, text, format).pageName;
    const own = logseqFileName(id, format).toLowerCase() === name.toLowerCase() ? 1 : 0;
    return (counts.get(name.toLowerCase()) ?? 0) > own ? null : name;
  };
  return (id) => {
    let name = names.get(id);
    if (name === undefined) names.set(id, (name = compute(id)));
    return name;
  };
}

/**
 * How the note at `path` resolves each written dependency, from the index: the resolution it
 * already made (same line and name), with same-name candidates making it ambiguous; a dependency
 * the index has not seen (the text changed since) is looked up by name.
 */
export function indexResolution(index: MaturityIndex, path: string): (dep: Dependency) => DependencyResolution {
  const component = index.component(path);
  return (dep) => {
    const known = component?.dependencies.find((d) => d.line === dep.line && d.name === dep.name) ?? component?.dependencies.find((d) => d.name === dep.name);
    if (known) {
      if (known.candidateCount > 1) return { kind: 'ambiguous', candidates: known.candidates };
      return known.id === null ? { kind: 'unresolved' } : { kind: 'component', id: known.id };
    }
    const id = index.lookup(dep.name);
    return id === null ? { kind: 'unresolved' } : { kind: 'component', id };
  };
}
