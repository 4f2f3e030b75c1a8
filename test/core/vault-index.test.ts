// The incremental index: upsert, remove and rename keep components, links and diagnostics right.
import { describe, expect, it } from 'vitest';
import { closure, createIndex, type MaturityIndex } from '../../src/core/index';
import { isCompact } from '../../src/core/compact-note';
import { resetWorkCount } from '../../src/core/work-count';

const note = (name: string, stage: string, deps: string[] = [], extra = '') => `---
title: ${name} Component Maturity Status
tags: [maturity]
---
# ${name} Component Maturity Status

**Current Stage**: ${stage}
**Last Updated**: 2026-11-20
**Owner**: team

## Component Overview

**Dependencies**:
${deps.length ? deps.map((d) => `- ${d}`).join('\n') : '- None (foundational component)'}
${extra}
`;

function vault(): MaturityIndex {
  const index = createIndex({ today: '2026-11-24' });
  index.upsert('a/Store.md', note('Store', 'Production'));
  index.upsert('a/Api.md', note('Api', 'Staging', ['[[Store]] (Current Stage: Production)']));
  index.upsert('a/Web.md', note('Web', 'Development', ['[[Api]] (Current Stage: Staging)', 'Store']));
  return index;
}
const codes = (index: MaturityIndex, id: string) => index.component(id)!.diagnostics.map((d) => d.code);

describe('vault index', () => {
  it('resolves dependencies both ways', () => {
    const index = vault();
    expect(index.component('a/Web.md')!.dependencies.map((d) => d.id)).toEqual(['a/Api.md', 'a/Store.md']);
    expect(index.component('a/Store.md')!.dependents).toEqual(['a/Api.md', 'a/Web.md']);
    expect([...closure('a/Web.md', index.edges()).keys()].sort()).toEqual(['a/Api.md', 'a/Store.md']);
  });

  it('updates dependents\' diagnostics when a note\'s stage changes', () => {
    const index = vault();
    expect(codes(index, 'a/Api.md')).toEqual([]);
    const change = index.upsert('a/Store.md', note('Store', 'Development'));
    expect(change.changed).toEqual(expect.arrayContaining(['a/Store.md', 'a/Api.md', 'a/Web.md']));
    expect(codes(index, 'a/Api.md')).toEqual(expect.arrayContaining(['dependency-stage-mismatch', 'stage-inversion']));
  });

  it('builds a view for one use (componentOnce) equal to the kept one, keeping neither it nor its note read back', () => {
    const index = createIndex({ today: '2026-11-24', compactNotes: true });
    index.upsert('a/Store.md', note('Store', 'Production', [], '## Promotion Criteria\n\n### Staging → Production\n- [x] Load tested\n- [ ] Runbook\n'));
    index.upsert('a/Api.md', note('Api', 'Staging', ['[[Store]] (Current Stage: Development)']));
    const count = resetWorkCount();
    const once = index.componentOnce('a/Api.md')!;
    expect(count.viewsBuilt).toBe(1);
    expect(isCompact(index.entry('a/Api.md')!.note)).toBe(true);
    expect(index.componentOnce('a/Api.md')).not.toBe(once); // built again: nothing was kept
    expect(count.viewsBuilt).toBe(2);
    const kept = index.component('a/Api.md')!;
    expect(kept).toEqual(once);
    expect(once.diagnostics.map((d) => d.code)).toContain('dependency-stage-mismatch');
    expect(isCompact(index.entry('a/Api.md')!.note)).toBe(false);
    // A view the index keeps is the one given, built no more.
    expect(index.componentOnce('a/Api.md')).toBe(kept);
    expect(count.viewsBuilt).toBe(3);
    expect(index.componentOnce('a/Store.md')!.note.transitions[0]!.met).toBe(1);
    expect(isCompact(index.entry('a/Store.md')!.note)).toBe(true);
    expect(index.componentOnce('missing.md')).toBeUndefined();
  });

  it('resolves a dependency written before its target exists, and unresolves it on delete', () => {
    const index = createIndex({ today: '2026-11-24' });
    index.upsert('Api.md', note('Api', 'Staging', ['[[Queue]]']));
    expect(codes(index, 'Api.md')).toContain('dependency-unresolved');
    const added = index.upsert('Queue.md', note('Queue', 'Production'));
    expect(added.changed).toContain('Api.md');
    expect(index.component('Api.md')!.dependencies[0]!.id).toBe('Queue.md');
    const removed = index.remove('Queue.md');
    expect(removed.removed).toEqual(['Queue.md']);
    expect(codes(index, 'Api.md')).toContain('dependency-unresolved');
  });

  it('keeps links right across a rename', () => {
    const index = vault();
    index.rename('a/Store.md', 'b/Storage.md');
    expect(index.component('a/Store.md')).toBeUndefined();
    expect(index.component('a/Api.md')!.dependencies[0]!.id).toBe('b/Storage.md'); // the title still says Store
    expect(index.component('b/Storage.md')!.dependents).toEqual(['a/Api.md', 'a/Web.md']);
  });

  it('asks for the text when a rename makes a note a component', () => {
    const index = createIndex();
    index.upsert('notes/x.md', '# Docker\nSome prose about Staging.\n');
    expect(index.ids()).toEqual([]);
    expect(index.rename('notes/x.md', 'src/docker/MATURITY.md').needsText).toBe(true);
  });

  it('resolves by alias and path, case-insensitively', () => {
    const index = createIndex();
    index.upsert('Store.md', note('Store', 'Production').replace('tags: [maturity]', 'tags: [maturity]\naliases: [Key-Value Store]'));
    index.upsert('Api.md', note('Api', 'Staging', ['[[key-value store]]', '[[STORE]]', '[Store](Store.md)']));
    expect(index.component('Api.md')!.dependencies.map((d) => d.id)).toEqual(['Store.md', 'Store.md', 'Store.md']);
    expect(index.lookup('key-value store')).toBe('Store.md');
  });

  it('reports cycles, self-dependencies and duplicate names', () => {
    const index = createIndex();
    index.upsert('A.md', note('A', 'Staging', ['[[B]]']));
    index.upsert('B.md', note('B', 'Staging', ['[[A]]']));
    index.upsert('C.md', note('C', 'Staging', ['[[C]]']));
    index.upsert('x/A.md', note('A', 'Development'));
    expect(index.cycles()).toEqual([['A.md', 'B.md'], ['C.md']]);
    expect(codes(index, 'C.md')).toEqual(expect.arrayContaining(['dependency-self', 'dependency-cycle']));
    expect(codes(index, 'A.md')).toEqual(expect.arrayContaining(['dependency-cycle', 'duplicate-name']));
    expect(codes(index, 'B.md')).toContain('dependency-ambiguous');
  });

  it('marks stale notes from the index date and rolls over when the date changes', () => {
    const index = vault();
    expect(index.component('a/Api.md')!.stale).toBe(false);
    index.setToday('2027-03-01');
    expect(index.component('a/Api.md')!.stale).toBe(true);
    expect(index.component('a/Api.md')!.ageDays).toBe(101);
  });

  it('tells subscribers what changed', () => {
    const index = vault();
    const seen: string[][] = [];
    const off = index.subscribe((change) => seen.push(change.changed));
    index.upsert('a/Api.md', note('Api', 'Production', ['[[Store]]']));
    off();
    index.upsert('a/Api.md', note('Api', 'Staging', ['[[Store]]']));
    expect(seen).toEqual([['a/Api.md', 'a/Store.md', 'a/Web.md']]);
  });

  it('drops a note that stops being a component', () => {
    const index = vault();
    const change = index.upsert('a/Api.md', '# Api\n\nJust prose now.\n');
    expect(change.removed).toEqual(['a/Api.md']);
    expect(index.component('a/Store.md')!.dependents).toEqual(['a/Web.md']);
    expect(index.component('a/Web.md')!.dependencies[0]!.id).toBeNull();
  });

  it('applies severity overrides', () => {
    const index = createIndex({ severity: { 'dependency-unresolved': 'off', 'stage-inversion': 'warning' } });
    index.upsert('Api.md', note('Api', 'Production', ['[[Nowhere]]', '[[Store]]']));
    index.upsert('Store.md', note('Store', 'Staging'));
    expect(index.component('Api.md')!.diagnostics.map((d) => [d.code, d.severity])).toEqual([['stage-inversion', 'warning']]);
  });
});
