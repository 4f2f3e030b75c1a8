// Front matter and Logseq page properties, including what YAML alone gets wrong.
import { describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES, parseNote } from '../../../src/core/index';

const pipeline = createPipeline(DEFAULT_STAGES);
const parse = (text: string) => parseNote(text, pipeline);

describe('front matter', () => {
  it.each([
    ['tags: #TTA', ['TTA']],
    ['tags: #a #b', ['a', 'b']],
    ['tags: [maturity, platform]', ['maturity', 'platform']],
    ['tags:\n  - maturity\n  - storage', ['maturity', 'storage']],
    ['tags: maturity, platform', ['maturity', 'platform']],
    ['tags: "#maturity"', ['maturity']],
    ['tag: maturity', ['maturity']],
  ])('reads tags from %j', (yaml, tags) => {
    expect(parse(`---\n${yaml}\n---\n# X\n`).tags).toEqual(tags);
  });

  it('keeps the key: value lines of broken YAML and says where it broke', () => {
    const note = parse('---\ntitle: Media Pipeline\nowner: [media-team\ntags: #maturity\n---\n# X\n');
    expect(note.frontmatter['title']).toBe('Media Pipeline');
    expect(note.tags).toEqual(['maturity']);
    expect(note.diagnostics).toContainEqual(expect.objectContaining({ code: 'frontmatter-invalid', severity: 'warning' }));
    expect(note.diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('keeps __proto__, constructor and prototype keys inert', () => {
    const note = parse('---\n__proto__:\n  polluted: yes\nconstructor: x\nprototype: y\n---\n# X\n');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(note.frontmatter)).toBeNull();
    expect(Object.keys(note.frontmatter).sort()).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(note.frontmatter['constructor']).toBe('x');
  });

  it('caps YAML alias expansion', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]'].join('\n');
    const note = parse(`---\n${bomb}\n---\n# X\n**Current Stage**: Staging\n`);
    expect(note.stage?.id).toBe('staging');
    expect(note.diagnostics.map((d) => d.code)).toContain('frontmatter-invalid');
  });

  it('does not take an unclosed fence for front matter', () => {
    const note = parse('---\ntitle: x\n# Heading\n**Current Stage**: Staging\n');
    expect(note.title).toBeNull();
    expect(note.stage?.id).toBe('staging');
  });

  it('reads stage, owner and dates from front matter when the body has none', () => {
    const note = parse('---\ncomponent: Docker\ncurrent_stage: Staging\nlast_updated: 2025-10-21\nowner: Infra Team\nfunctional_group: Infrastructure\n---\n# Docker\n');
    expect(note.stage).toMatchObject({ id: 'staging', source: 'frontmatter' });
    expect(note.lastUpdated?.value).toBe('2025-10-21');
    expect(note.owner?.value).toBe('Infra Team');
    expect(note.group?.value).toBe('Infrastructure');
  });
});

describe('Logseq page properties', () => {
  it('count as front matter, with normalised keys', () => {
    const note = parse('tags:: maturity, messaging\ncurrent-stage:: staging\nowner:: @mara.lind\nalias:: Hub, Notifier\n\n- # Notification Hub\n- **Last Updated**: 2026-11-12\n');
    expect(note.tags).toEqual(['maturity', 'messaging']);
    expect(note.stage).toMatchObject({ id: 'staging', source: 'property' });
    expect(note.owner?.value).toBe('@mara.lind');
    expect(note.aliases).toEqual(['Hub', 'Notifier']);
    expect(note.lastUpdated?.value).toBe('2026-11-12');
  });

  it('reports a body stage that disagrees with the property', () => {
    const note = parse('current-stage:: production\n\n- **Current Stage**: Staging\n');
    expect(note.stage?.id).toBe('staging');
    expect(note.diagnostics.map((d) => d.code)).toContain('stage-conflict');
  });
});
