// What Logseq reads differently in a component's file (core `logseqDiagnostics`), worked out on
// demand: no page text is kept, so the first time a shown card asks, its text is pulled again and
// the card told once the answer is known; from then on the component's edits keep it current.
import { logseqDiagnostics, type Diagnostic, type FileNameFormat, type MaturityIndex } from '../core/index';
import { digestOf } from './graph-answers';

export interface LogseqReadingsOptions {
  index(): MaturityIndex;
  enabled(): boolean;
  /** The digest of the text the index holds for this path. */
  digestOf(path: string): string | undefined;
  readText(path: string): Promise<string | null>;
  fileNameFormat: FileNameFormat;
  /** A component's reading, asked for before it was known, is known now. */
  onLate?: (id: string) => void;
}

export interface LogseqReadings {
  /** Diagnostics of a component (empty until known); asking marks it as wanted. */
  of(id: string): Diagnostic[];
  /** A file's text was just read: a wanted component's reading is worked out now. */
  textRead(path: string, content: string): void;
  forget(path: string): void;
  clear(): void;
}

export function createLogseqReadings(options: LogseqReadingsOptions): LogseqReadings {
  const cache = new Map<string, { digest: string; diagnostics: Diagnostic[] }>();
  /** Components whose Logseq diagnostics were asked for (a card shown): kept current on edits. */
  const wanted = new Set<string>();
  const fetching = new Set<string>();

  function remember(path: string, content: string): void {
    const index = options.index();
    const component = index.component(path);
    if (!component || !options.enabled()) return;
    const digest = digestOf(content);
    if (cache.get(path)?.digest === digest) return;
    cache.set(path, { digest, diagnostics: logseqDiagnostics(path, content, { fileNameFormat: options.fileNameFormat, note: component.note, severity: index.config.severity }) });
  }

  function fetch(path: string): void {
    if (fetching.has(path)) return;
    fetching.add(path);
    void options
      .readText(path)
      .then((content) => {
        if (content === null) return;
        remember(path, content);
        // Shown only when it is the text the index holds (a newer one arrives with the next look).
        if (cache.get(path)?.digest === options.digestOf(path)) options.onLate?.(path);
      })
      .catch(() => undefined)
      .finally(() => fetching.delete(path));
  }

  return {
    of(id) {
      if (!options.enabled() || !options.index().component(id)) return [];
      wanted.add(id);
      const cached = cache.get(id);
      if (cached?.digest !== options.digestOf(id)) fetch(id);
      return cached?.diagnostics ?? [];
    },
    textRead(path, content) {
      if (wanted.has(path)) remember(path, content);
    },
    forget(path) {
      cache.delete(path);
      wanted.delete(path);
    },
    clear: () => cache.clear(),
  };
}
