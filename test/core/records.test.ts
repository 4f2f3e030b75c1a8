// Null-prototype records hold keys taken from notes: every key is an own data property.
import { describe, expect, it } from 'vitest';
import { nullRecord } from '../../src/core/records';
import { createPipeline, parseNote, resolveConfig } from '../../src/core/index';

describe('nullRecord', () => {
  it('has no prototype, so __proto__ and constructor are keys like any other', () => {
    const record = nullRecord<string>();
    record['__proto__'] = 'a';
    record['constructor'] = 'b';
    record['title'] = 'c';
    expect(Object.getPrototypeOf(record)).toBeNull();
    expect(Object.keys(record)).toEqual(['__proto__', 'constructor', 'title']);
    expect(JSON.parse(JSON.stringify(record))).toEqual({ ['__proto__']: 'a', constructor: 'b', title: 'c' });
    expect(Object.keys(structuredClone(record))).toEqual(['__proto__', 'constructor', 'title']);
    expect(({} as Record<string, unknown>)['title']).toBeUndefined(); // nothing leaked onto Object.prototype
  });

  it('front matter and page properties read into it keep such keys as data', () => {
    const pipeline = createPipeline(resolveConfig({}).stages);
    const cases: Array<[string, string]> = [
      ['---\n__proto__: x\ntitle: T\n---\n# T\n', '__proto__'], // the YAML fast path
      ['---\n__proto__: [x]\nconstructor: x\ntitle: T\n---\n# T\n', 'constructor'], // the yaml package
      ['constructor:: x\ntitle:: T\n\n- body\n', 'constructor'], // Logseq page properties
    ];
    for (const [text, key] of cases) {
      const note = parseNote(text, pipeline);
      expect(Object.getPrototypeOf(note.frontmatter)).toBeNull();
      expect(note.frontmatter[key]).toBe('x');
      expect(note.frontmatter['title']).toBe('T');
    }
  });
});
