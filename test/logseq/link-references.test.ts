// Proof in Logseq's own terms: after the link edit, Logseq's parser (mldoc, the build the app
// pins) finds on each edited line a page reference to the page of each dependency linked there;
// before it, the line referenced none of them. The block's whole AST is walked for `Page_ref`
// links, as the graph parser does (`block.cljs` walks the title and body, so `**[[Page]]**`
// inside bold counts), not only mldoc's top-level `getReferences`.
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/core/index';
import { completeVault, corpusVaults, linkVault, type Files } from '../helpers/link-corpus';
import { corpusAvailable } from '../helpers/vault';
import { pageRefs } from './mldoc';

function prove(files: Files): number {
  const { linked, targetOf } = linkVault(files, 'logseq');
  let count = 0;
  for (const { path, before, result } of linked) {
    if (result.linked.length === 0) continue;
    const old = splitLines(before).lines;
    const now = splitLines(result.text).lines;
    for (const l of result.linked) {
      const page = targetOf(l.id)!.toLowerCase();
      expect(pageRefs(old[l.line - 1]!.content), `${path}:${l.line}`).not.toContain(page);
      expect(pageRefs(now[l.line - 1]!.content), `${path}:${l.line}`).toContain(page);
      count++;
    }
  }
  return count;
}

describe.runIf(corpusAvailable())('linked dependencies as mldoc page references', () => {
  it('the corpus vaults as they are', () => {
    expect(corpusVaults().map((v) => prove(v.files)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('every real dependency line, each name naming one component', () => {
    let refs = 0;
    for (const vault of corpusVaults()) {
      for (const [path, text] of Object.entries(vault.files)) {
        const files = completeVault(path, text);
        if (files) refs += prove(files);
      }
    }
    expect(refs).toBeGreaterThan(50);
  });
});
