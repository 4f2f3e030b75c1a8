// The simple front-matter reader must give exactly what the YAML path gives whenever it answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWithYaml, type FrontmatterBlock } from '../../src/core/parse/frontmatter';
import { readSimpleYaml } from '../../src/core/parse/simple-yaml';

const block = (yaml: string): FrontmatterBlock => ({ yaml, firstLine: 2, bodyOffset: 0, bodyLine: 1 });

const SCALARS = [
  'Active', 'Neo4j Component Maturity Status', 'theinterneti/TTA', 'src/components/neo4j/MATURITY.md', '2025-11-01', '2025-13-45',
  'P1 (Complete)', '"@mara.lind"', "'single quoted'", '"with \\"escape\\""', "'it''s'", '@mara.lind', 'true', 'True', 'FALSE', 'null', 'Null',
  '~', 'yes', 'no', 'on', 'off', '12', '1.5', '0x1F', '1e3', '.inf', '.NaN', '-1', '+2', '#TTA', '#maturity #payments', 'a: b', 'a:b',
  'x #y', 'x#y', '[a, b]', '[]', '[maturity, payments]', '[a, "b"]', '[a, [b]]', '{a: 1}', '&anchor a', '*alias', '!tag x', '|', '>',
  'tabs\there', 'trailing ', ' leading', 'two  spaces', 'é accent', 'a, b', "'", '"', '- item', '', '%x', '`code`', '(paren)', 'a-b_c.d',
];
const KEYS = ['title', 'tags', 'status', 'owner', 'created', 'updated', 'aliases', 'current-stage', 'component_name', '__proto__', 'Key Space', '1num', 'a'];

// Mostly the values real notes hold, with the tricky ones mixed in.
const SAFE = ['Active', 'Neo4j Component Maturity Status', 'theinterneti/TTA', '2025-11-01', 'P1 (Complete)', '"@mara.lind"', '#TTA', '[maturity, payments]', 'x'];
const scalar = fc.oneof({ arbitrary: fc.constantFrom(...SAFE), weight: 6 }, { arbitrary: fc.constantFrom(...SCALARS), weight: 1 });
const key = fc.oneof({ arbitrary: fc.constantFrom('title', 'tags', 'status', 'owner', 'created', 'updated'), weight: 6 }, { arbitrary: fc.constantFrom(...KEYS), weight: 1 });

const line = fc.oneof(
  fc.tuple(key, scalar).map(([k, v]) => (v === '' ? `${k}:` : `${k}: ${v}`)),
  fc.tuple(key, fc.array(scalar, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '  ', '    '))
    .map(([k, items, indent]) => [`${k}:`, ...items.map((i) => `${indent}- ${i}`)].join('\n')),
  fc.constantFrom('', '# comment', '  ', 'tags:', 'nested:\n  child: x', '---'),
);
const yamlText = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => `${lines.join('\n')}\n`);

describe('simple front matter', () => {
  it('agrees with the YAML path on every block it reads', () => {
    let answered = 0;
    fc.assert(
      fc.property(yamlText, (yaml) => {
        const fast = readSimpleYaml(yaml);
        if (fast === null) return;
        answered++;
        expect(fast).toEqual(parseWithYaml(block(yaml)).data);
        expect(parseWithYaml(block(yaml)).diagnostics).toEqual([]);
      }),
      { numRuns: 20000 },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  it('reads the front matter real notes carry', () => {
    const yaml = 'title: Neo4j Component Maturity Status\ntags: #TTA\nstatus: Active\nrepo: theinterneti/TTA\npath: src/components/neo4j/MATURITY.md\ncreated: 2025-11-01\nupdated: 2025-11-01\n';
    const fast = readSimpleYaml(yaml);
    expect(fast).not.toBeNull();
    expect({ ...fast }).toEqual({ title: 'Neo4j Component Maturity Status', tags: '#TTA', status: 'Active', repo: 'theinterneti/TTA', path: 'src/components/neo4j/MATURITY.md', created: '2025-11-01', updated: '2025-11-01' });
    expect(fast).toEqual(parseWithYaml(block(yaml)).data);
    expect(readSimpleYaml('tags:\n  - maturity\n  - payments\n')).toEqual(parseWithYaml(block('tags:\n  - maturity\n  - payments\n')).data);
  });

  it('leaves anything unusual to YAML', () => {
    for (const yaml of ['a: 1\n', 'a: true\n', 'a: x: y\n', 'a: *b\n', 'a:\n  b: c\n', 'a: x\na: y\n', '__proto__: x\n', '# only a comment\n', 'a: "\\u0041"\n']) {
      expect(readSimpleYaml(yaml), yaml).toBeNull();
    }
  });
});
