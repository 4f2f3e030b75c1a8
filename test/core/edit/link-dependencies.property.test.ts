// Generated notes through the link edit: a second run changes nothing, and taking the recorded
// insertions out again gives back the original bytes, whatever the names, list shapes and line ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIndex, createPipeline, DEFAULT_STAGES, indexResolution, linkDependencies, logseqPageName, obsidianLinkTargets, type LinkStyle } from '../../../src/core/index';
import { sameBytes, withoutInsertedLinks } from '../../helpers/link-proof';

const pipeline = createPipeline(DEFAULT_STAGES);

// Components of the generated vault: some share a name (ambiguous), one has a name inside others.
const COMPONENTS: Record<string, string> = {
  'Neo4j.md': 'Neo4j',
  'stores/Redis Component Maturity Status.md': 'Redis',
  'a/Cache.md': 'Cache',
  'b/Cache.md': 'Cache',
  'Model Management.md': 'Model Management',
  'pages/TTA___Components___Player Experience.md': 'Player Experience',
  'C# Gateway.md': 'C# Gateway',
};
const NAMES = [...new Set(Object.values(COMPONENTS)), 'Kafka', 'Redis Cluster', 'neo4j'];

function componentNote(name: string, deps: string): string {
  return `---\ntags: [maturity]\n---\n# ${name} Component Maturity Status\n\n**Current Stage**: Development\n**Owner**: team\n\n## Dependencies\n\n${deps}\n\n## Maturity Criteria\n\n### Development → Staging\n\n- [ ] Tests\n\n**Status**: 0/1 criteria met\n`;
}

const stage = fc.constantFrom('', ' (Current Stage: Staging)', ' (Staging)', ' (Current Stage: Development - BLOCKED)', ' (graph database)', ' - for caching');
const written = fc.constantFrom(...NAMES).chain((name) =>
  fc.constantFrom(name, `**${name}**`, `\`${name}\``, `[[${name}]]`, `Optional: ${name}`).map((text) => ({ name, text })),
);
const item = fc.tuple(written, stage).map(([w, s]) => `- ${w.text}${s}`);
const list = fc.array(item, { minLength: 1, maxLength: 6 }).map((items) => items.join('\n'));
const inline = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }).map((names) => `**Dependencies**: ${names.join(', ')}`);
const body = fc.oneof(list, inline);
const eol = fc.constantFrom('\n', '\r\n');

function linker(style: LinkStyle, text: string) {
  const files: Record<string, string> = { 'Api.md': text };
  for (const [path, name] of Object.entries(COMPONENTS)) files[path] = componentNote(name, 'None');
  const index = createIndex({});
  index.batch(() => {
    for (const [path, t] of Object.entries(files)) index.upsert(path, t);
  });
  const obsidian = obsidianLinkTargets(Object.keys(files));
  return linkDependencies(text, pipeline, {
    style,
    selfId: 'Api.md',
    resolve: indexResolution(index, 'Api.md'),
    targetOf: (id) => (style === 'obsidian' ? obsidian(id) : logseqPageName(id, files[id] ?? '')),
  });
}

describe('linkDependencies on generated notes', () => {
  for (const style of ['obsidian', 'logseq'] as const) {
    it(`${style}: only link syntax is inserted, and a second run changes nothing`, () => {
      fc.assert(
        fc.property(body, eol, (deps, ending) => {
          const text = componentNote('Api', deps).replace(/\n/g, ending);
          const once = linker(style, text);
          expect(sameBytes(withoutInsertedLinks(once, style), text)).toBe(true);
          // Every changed line holds a link it did not hold before, and nothing outside those lines moved.
          expect(once.changes.length).toBe(new Set(once.linked.map((l) => l.line)).size);
          const twice = linker(style, once.text);
          expect(twice.changes).toEqual([]);
          expect(twice.text).toBe(once.text);
        }),
        { numRuns: 150 },
      );
    });
  }
});
