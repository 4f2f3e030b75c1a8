// The graph's Markdown pages as the plugin last read them: which page is at which path, under
// which name and id, with the file time and a digest of the text (never the text itself).
export interface PageInfo {
  id: number;
  /** Lower-cased page name. */
  name: string;
  originalName: string;
}

export interface PageTable {
  byPath(path: string): PageInfo | undefined;
  pathOfId(id: number): string | undefined;
  pathOfName(name: string): string | undefined;
  /** The file time last read for this page (null: the host gave none; undefined: never read). */
  seenAt(id: number): number | null | undefined;
  digest(path: string): string | undefined;
  pages(): PageInfo[];
  /** Record a page read at `path` (a page renamed in Logseq keeps its id: forget its old path first). */
  record(page: PageInfo, path: string, mtime: number | null): void;
  /** Keep the text's digest; true when it differs from the one kept. */
  setDigest(path: string, digest: string): boolean;
  forget(path: string): void;
  clearDigests(): void;
}

export function createPageTable(): PageTable {
  const digests = new Map<string, string>();
  const pages = new Map<string, PageInfo>();
  const pathOfName = new Map<string, string>();
  const pathOfId = new Map<number, string>();
  const seenAt = new Map<number, number | null>();
  return {
    byPath: (path) => pages.get(path),
    pathOfId: (id) => pathOfId.get(id),
    pathOfName: (name) => pathOfName.get(name),
    seenAt: (id) => seenAt.get(id),
    digest: (path) => digests.get(path),
    pages: () => [...pages.values()],
    record(page, path, mtime) {
      const old = pages.get(path);
      if (old && old.name !== page.name && pathOfName.get(old.name) === path) pathOfName.delete(old.name);
      pages.set(path, page);
      pathOfName.set(page.name, path);
      pathOfId.set(page.id, path);
      seenAt.set(page.id, mtime);
    },
    setDigest(path, digest) {
      if (digests.get(path) === digest) return false;
      digests.set(path, digest);
      return true;
    },
    forget(path) {
      const page = pages.get(path);
      if (page) {
        if (pathOfName.get(page.name) === path) pathOfName.delete(page.name);
        pathOfId.delete(page.id);
        seenAt.delete(page.id);
      }
      pages.delete(path);
      digests.delete(path);
    },
    clearDigests: () => digests.clear(),
  };
}
