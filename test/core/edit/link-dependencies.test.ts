// linkDependencies: plain-text dependencies become the hosts' own links, nothing else changes.
import { describe, expect, it } from 'vitest';
import {
  createIndex,
  createPipeline,
  DEFAULT_STAGES,
  indexResolution,
  linkDependencies,
  logseqPageName,
  obsidianLinkTargets,
  parseNote,
  type DependencyLinkContext,
  type LinkStyle,
} from '../../../src/core/index';

const pipeline = createPipeline(DEFAULT_STAGES);

function note(name: string, deps: string): string {
  return `---
tags: [maturity]
---
# ${name} Component Maturity Status

**Current Stage**: Development
**Owner**: team

## Component Overview

${deps}

## Maturity Criteria

### Development → Staging

- [ ] Tests

**Status**: 0/1 criteria met
`;
}

/** A vault of notes, indexed; the edit runs on `path` with the index's resolution. */
function vault(files: Record<string, string>, style: LinkStyle = 'obsidian') {
  const index = createIndex({});
  index.batch(() => {
    for (const [path, text] of Object.entries(files)) index.upsert(path, text);
  });
  const obsidian = obsidianLinkTargets(Object.keys(files));
  const context = (path: string): DependencyLinkContext => ({
    style,
    selfId: path,
    resolve: indexResolution(index, path),
    targetOf: (id) => (style === 'obsidian' ? obsidian(id) : logseqPageName(id, files[id] ?? '')),
  });
  const link = (path: string) => linkDependencies(files[path]!, pipeline, context(path));
  return { index, link, context };
}

describe('linkDependencies (Obsidian)', () => {
  const files = {
    'Api.md': note('Api', '**Dependencies**:\n- Neo4j (Current Stage: Staging)\n- Redis (Current Stage: Development - BLOCKED) for caching\n- [[Store]] (Current Stage: Staging)\n- Kafka (Current Stage: Production)'),
    'Neo4j.md': note('Neo4j', '**Dependencies**: None'),
    'caches/Redis Component Maturity Status.md': note('Redis', '**Dependencies**: None'),
    'Store.md': note('Store', '**Dependencies**: None'),
  };

  it('links each resolved plain name, keeps the declared stage and every other byte', () => {
    const result = vault(files).link('Api.md');
    expect(result.text).toContain('- [[Neo4j]] (Current Stage: Staging)\n');
    // The file is not named after the component: the written name becomes the display text.
    expect(result.text).toContain('- [[Redis Component Maturity Status|Redis]] (Current Stage: Development - BLOCKED) for caching\n');
    expect(result.text).toContain('- [[Store]] (Current Stage: Staging)\n');
    expect(result.linked.map((l) => l.id)).toEqual(['Neo4j.md', 'caches/Redis Component Maturity Status.md']);
    expect(result.skipped).toEqual([expect.objectContaining({ name: 'Kafka', reason: 'unresolved' })]);
    expect(result.changes.map((c) => c.line)).toEqual([12, 13]);
    expect(result.text.replace('[[Neo4j]]', 'Neo4j').replace('[[Redis Component Maturity Status|Redis]]', 'Redis')).toBe(files['Api.md']);
  });

  it('leaves the dependencies resolving as before (the index reads the links as the same edges)', () => {
    const before = vault(files).index.component('Api.md')!.dependencies.map((d) => d.id);
    const after = vault({ ...files, 'Api.md': vault(files).link('Api.md').text }).index.component('Api.md')!.dependencies.map((d) => d.id);
    expect(after).toEqual(before);
  });

  it('is idempotent: a second run changes nothing', () => {
    const once = vault(files).link('Api.md').text;
    const twice = vault({ ...files, 'Api.md': once }).link('Api.md');
    expect(twice.changes).toEqual([]);
    expect(twice.text).toBe(once);
  });

  it('uses the path when the file name is shared, as in a tree of MATURITY.md files', () => {
    const tree = {
      'src/api/MATURITY.md': note('Api', '**Dependencies**:\n- Neo4j (graph database)'),
      'src/neo4j/MATURITY.md': note('Neo4j', '**Dependencies**: None'),
    };
    const result = vault(tree).link('src/api/MATURITY.md');
    expect(result.text).toContain('- [[src/neo4j/MATURITY|Neo4j]] (graph database)\n');
  });

  it('links names in an inline list after the label, and a bold name inside its bold', () => {
    const inline = {
      ...files,
      'Api.md': note('Api', '**Dependencies**: Neo4j, Redis (Staging); Store\n\n**Runtime Dependencies**:\n- **Neo4j**: graph store'),
    };
    const result = vault(inline).link('Api.md');
    expect(result.text).toContain('**Dependencies**: [[Neo4j]], [[Redis Component Maturity Status|Redis]] (Staging); [[Store]]\n');
    expect(result.text).toContain('- **[[Neo4j]]**: graph store\n');
  });

  it('leaves ambiguous names alone and reports the candidates', () => {
    const shared = {
      'Api.md': note('Api', '**Dependencies**:\n- Cache (Current Stage: Staging)'),
      'a/Cache.md': note('Cache', '**Dependencies**: None'),
      'b/Cache.md': note('Cache', '**Dependencies**: None'),
    };
    const result = vault(shared).link('Api.md');
    expect(result.changes).toEqual([]);
    expect(result.text).toBe(shared['Api.md']);
    expect(result.skipped).toEqual([expect.objectContaining({ name: 'Cache', reason: 'ambiguous', candidates: ['a/Cache.md', 'b/Cache.md'] })]);
  });

  it('never links inside code, an existing Markdown link, or a glued word', () => {
    const code = {
      ...files,
      'Api.md': note('Api', '**Dependencies**:\n- `Neo4j` (driver)\n- [Redis](https://redis.io) (cache)\n- Storehouse'),
    };
    const result = vault(code).link('Api.md');
    expect(result.text).toBe(code['Api.md']);
    expect(result.skipped.map((s) => s.reason)).toEqual(['not-found', 'not-found', 'unresolved']);
  });

  it('keeps CRLF line ends, a BOM and a missing final newline', () => {
    const crlf = '\ufeff' + files['Api.md'].replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const result = vault({ ...files, 'Api.md': crlf }).link('Api.md');
    expect(result.text.startsWith('\ufeff')).toBe(true);
    expect(result.text.endsWith('met')).toBe(true);
    expect(result.text).toContain('- [[Neo4j]] (Current Stage: Staging)\r\n');
    expect(result.text.replace('[[Neo4j]]', 'Neo4j').replace('[[Redis Component Maturity Status|Redis]]', 'Redis')).toBe(crlf);
  });

  it('does not link a note to itself', () => {
    const self = { 'Neo4j.md': note('Neo4j', '**Dependencies**:\n- Neo4j (Staging)') };
    const result = vault(self).link('Neo4j.md');
    expect(result.changes).toEqual([]);
    expect(result.skipped[0]?.reason).toBe('self');
  });
});

describe('linkDependencies (Logseq)', () => {
  const files = {
    'pages/TTA___Components___Api.md': note('Api', '**Dependencies**:\n- Neo4j (Current Stage: Staging)\n- redis (Current Stage: Staging)'),
    'pages/TTA___Components___Neo4j Maturity Document.md': note('Neo4j', '**Dependencies**: None'),
    'pages/redis.md': note('Redis', '**Dependencies**: None').replace('---\ntags', '---\ntitle: Redis\ntags'),
  };

  it('names pages as Logseq does: namespaces from the file name, the title property first', () => {
    expect(logseqPageName('pages/TTA___Components___Neo4j Maturity Document.md', files['pages/TTA___Components___Neo4j Maturity Document.md'])).toBe('TTA/Components/Neo4j Maturity Document');
    expect(logseqPageName('pages/redis.md', files['pages/redis.md'])).toBe('Redis');
  });

  it('writes [[page]] when the name is the page, else a labelled page reference', () => {
    const result = vault(files, 'logseq').link('pages/TTA___Components___Api.md');
    expect(result.text).toContain('- [Neo4j]([[TTA/Components/Neo4j Maturity Document]]) (Current Stage: Staging)\n');
    expect(result.text).toContain('- [[redis]] (Current Stage: Staging)\n');
    const again = vault({ ...files, 'pages/TTA___Components___Api.md': result.text }, 'logseq');
    expect(again.link('pages/TTA___Components___Api.md').changes).toEqual([]);
    expect(again.index.component('pages/TTA___Components___Api.md')!.dependencies.map((d) => d.id)).toEqual([
      'pages/TTA___Components___Neo4j Maturity Document.md',
      'pages/redis.md',
    ]);
  });

  it('the parser reads the labelled reference as a link with the stage kept', () => {
    const parsed = parseNote(note('Api', '**Dependencies**:\n- [Neo4j]([[TTA/Components/Neo4j]]) (Current Stage: Staging)\n- **[Redis]([[Redis]])**: cache'), pipeline);
    expect(parsed.dependencies.map((d) => [d.name, d.link, d.declaredStage])).toEqual([
      ['TTA/Components/Neo4j', true, 'staging'],
      ['Redis', true, null],
    ]);
  });
});
