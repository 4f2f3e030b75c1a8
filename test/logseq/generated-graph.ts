// A Logseq graph of generated notes (bench/generator) as its page files, and the core index of the
// same files: what the view tests load into the harness and check the plugin's answers against.
import { createIndex, type MaturityIndex } from '../../src/core/index';
import { generateNotes } from '../../bench/generator/vault';

/** A graph's page file: `pages/A___B.md` for the generated `A/B.md`. */
export const pageFile = (path: string) => `pages/${path.replace(/\//g, '___')}`;

export interface GeneratedGraph {
  files: Map<string, string>;
  core: MaturityIndex;
  /** A page that is a component. */
  somePage: string;
}

export function generatedGraph(notes: number, seed = 5): GeneratedGraph {
  const files = new Map<string, string>();
  for (const note of generateNotes({ notes, seed })) files.set(pageFile(note.path), note.text);
  const core = createIndex({});
  for (const [path, text] of files) core.upsert(path, text);
  const somePage = [...files.keys()].find((p) => core.component(p) !== undefined)!;
  return { files, core, somePage };
}
