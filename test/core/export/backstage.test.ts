// Backstage names, lifecycles and owners: valid for Backstage's own validators and unique
// whatever the note names are, and stable for a note whatever other notes come and go.
import { KubernetesValidatorFunctions, parseEntityRef } from '@backstage/catalog-model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES } from '../../../src/core/index';
import { backstageNames, backstageSlug, defaultBackstageOptions, lifecycleOf, ownerRef, toBackstageYaml, type BackstageEntity } from '../../../src/core/export/backstage';
import { parseAllDocuments } from 'yaml';

const valid = (name: string) => KubernetesValidatorFunctions.isValidObjectName(name);

describe('backstageSlug', () => {
  it.each([
    ['Auth Gateway', 'auth-gateway'],
    ['Café Ümlaut Service', 'cafe-umlaut-service'],
    ['Payments "Core"', 'payments-core'],
    ['two\nlines', 'two-lines'],
    ['100% done', '100-done'],
    ['::error file=x::forged', 'error-file-x-forged'],
    ['config.service_v2', 'config.service_v2'],
    ['--Ledger--', 'ledger'],
    ['日本語', ''],
  ])('%j → %j', (name, slug) => {
    expect(backstageSlug(name)).toBe(slug);
    if (slug) expect(valid(slug)).toBe(true);
  });

  it('cuts long names to 63 characters, still ending in a letter or digit', () => {
    const slug = backstageSlug(`${'a'.repeat(62)}-b${'c'.repeat(100)}`);
    expect(slug).toBe('a'.repeat(62));
    expect(valid(backstageSlug(`${'x'.repeat(62)}.yz`))).toBe(true);
  });
});

describe('backstageNames', () => {
  it('gives names that several components share a hash of each note’s path, case-insensitively', () => {
    const names = backstageNames(['a/Ledger.md', 'b/Ledger.md', 'c/LEDGER.md', 'd/Billing.md'], (id) => (id.startsWith('d') ? 'Billing' : id.startsWith('c') ? 'LEDGER' : 'Ledger'));
    expect(names.get('d/Billing.md')).toBe('billing');
    const ledgers = ['a/Ledger.md', 'b/Ledger.md', 'c/LEDGER.md'].map((id) => names.get(id)!);
    expect(new Set(ledgers).size).toBe(3);
    for (const name of ledgers) expect(name).toMatch(/^ledger-[0-9a-z]{6}$/);
  });

  it('names unusable names from the note’s path hash', () => {
    const names = backstageNames(['x.md', 'y.md'], () => '日本語');
    expect([...names.values()].every((n) => /^component-[0-9a-z]{6}$/.test(n))).toBe(true);
    expect(new Set(names.values()).size).toBe(2);
  });

  it('keeps a note’s name when unrelated notes come and go', () => {
    const before = backstageNames(['a.md', 'b.md'], (id) => (id === 'a.md' ? 'Alpha' : 'Shared'));
    const after = backstageNames(['0.md', 'a.md', 'b.md', 'c.md'], (id) => ({ '0.md': 'Zero', 'a.md': 'Alpha', 'b.md': 'Shared', 'c.md': 'Other' })[id]!);
    expect(after.get('a.md')).toBe(before.get('a.md'));
    expect(after.get('b.md')).toBe(before.get('b.md'));
  });

  it('are always valid and unique (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('Ledger', 'ledger', 'LEDGER', 'ledger-abc123', '')), { maxLength: 40 }), (list) => {
        const ids = list.map((_, i) => `n${i}.md`);
        const names = backstageNames(ids, (id) => list[Number(id.slice(1, -3))]!);
        const all = [...names.values()];
        expect(all.every(valid)).toBe(true);
        expect(new Set(all.map((n) => n.toLowerCase())).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lifecycleOf', () => {
  const pipeline = createPipeline(DEFAULT_STAGES);
  it('defaults: the last stage production, the others experimental; settings win', () => {
    expect(['development', 'staging', 'production', null].map((s) => lifecycleOf(s, pipeline, {}))).toEqual(['experimental', 'experimental', 'production', 'experimental']);
    expect(lifecycleOf('staging', pipeline, { staging: 'beta' })).toBe('beta');
    expect(lifecycleOf(null, pipeline, { unknown: 'unknown' })).toBe('unknown');
  });

  it('a pipeline ending in a retirement stage: that stage deprecated, the one before production', () => {
    const custom = createPipeline([...DEFAULT_STAGES, { id: 'deprecated', name: 'Deprecated', aliases: [], color: '#999' }]);
    expect(['staging', 'production', 'deprecated'].map((s) => lifecycleOf(s, custom, {}))).toEqual(['experimental', 'production', 'deprecated']);
  });
});

describe('ownerRef', () => {
  const options = { ...defaultBackstageOptions(), owners: { 'Platform Team': 'group:platform' } };
  it.each([
    [null, 'unknown'],
    ['', 'unknown'],
    ['platform team', 'group:platform'],
    ['group:payments', 'group:payments'],
    ['user:default/alice', 'user:default/alice'],
    ['[[alice]]', 'alice'],
    ['@Alice Smith (alice@example.com)', 'alice-smith-alice-example.com'],
    ['"quoted", team\nnext', 'quoted-team-next'],
    ['日本語', 'unknown'],
  ])('%j → %j', (owner, ref) => {
    expect(ownerRef(owner, options)).toBe(ref);
    expect(() => parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' })).not.toThrow();
  });
});

describe('toBackstageYaml', () => {
  const entity = (title: string): BackstageEntity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', title, annotations: { 'maturity-map/note-path': title } },
    spec: { type: 'service', lifecycle: 'experimental', owner: 'unknown' },
  });
  const titles = ['Yes', 'on', '1e3', 'null', '~', 'a: b # c', "it's \"quoted\"", 'two\nlines\r\n', 'esc\u001b[2J', 'bidi\u202eevil', 'c1\u009bcsi', 'sep\u2028line', 'del\u007f', '%YAML ::x', '--- not a document'];

  it('reads back every title exactly, as text, with no control or bidi character raw in the file', () => {
    const yaml = toBackstageYaml(titles.map(entity), 'header\nsecond line');
    // eslint-disable-next-line no-control-regex
    expect(yaml).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    const docs = parseAllDocuments(yaml);
    if (!Array.isArray(docs)) throw new Error('not a stream');
    expect(docs.map((d) => (d.toJS() as BackstageEntity).metadata.title)).toEqual(titles);
    expect(docs.map((d) => (d.toJS() as BackstageEntity).metadata.annotations['maturity-map/note-path'])).toEqual(titles);
    expect(yaml.startsWith('# header\n# second line\n---\n')).toBe(true);
  });

  it('quotes what a YAML 1.1 reader would not read as text', () => {
    const yaml = toBackstageYaml([entity('Yes'), entity('on'), entity('1e3')]);
    expect(yaml).toMatch(/^ {2}title: "Yes"$/m);
    expect(yaml).toMatch(/^ {2}title: "on"$/m);
    expect(yaml).toMatch(/^ {2}title: "1e3"$/m);
  });
});
