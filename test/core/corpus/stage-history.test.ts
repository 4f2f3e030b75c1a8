// Stage history of the TTA knowledge base in ../shared/corpus: notes without dates are listed
// apart, and no span starts on a file's created date (the note's own dates only).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentTimeline, type ComponentTimeline } from '../../../src/core/index';
import { CORPUS, corpusAvailable, loadCorpusFolder, TODAY } from '../../helpers/vault';

const spans = (t: ComponentTimeline) => t.stages.map((s) => `${s.stage ?? '?'} ${s.start}→${s.end}${s.ongoing ? '…' : ''}`);

describe('stage history of the TTA knowledge base', () => {
  it.runIf(corpusAvailable('tta-kb'))('lists the four TTA notes with no dates apart and never starts a span on the files’ created date', () => {
    const index = loadCorpusFolder(join(CORPUS, 'tta-kb'));
    const all = index.components().map((c) => componentTimeline(c, index.pipeline, TODAY));
    expect(all.filter((t) => t.undated).map((t) => t.name).sort()).toEqual(['Gameplay Loop', 'Model Management', 'Neo4j', 'Therapeutic Systems']);
    expect(all.flatMap((t) => t.stages).filter((s) => s.start === '2025-11-01')).toEqual([]);
    const carbon = all.find((t) => t.name === 'Carbon')!;
    expect(spans(carbon).at(-1)).toBe('staging 2025-10-21→2026-11-24…');
    expect(all.find((t) => t.name === 'Neo4j' && !t.undated)!.stages.map((s) => s.stage)).toEqual(['development', 'staging']);
  });
});
