// The dashboard's data (src/core/dashboard-data.ts) as the page reads it (src/render/dashboard/data.ts):
// light components for lists, details joined and readiness computed in the page on demand. The
// page must show exactly what the index says; its data must grow with components and edges only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createIndex, type Component, type MaturityIndex } from '../../src/core/index';
import { dashboardData, RELATED_SAMPLE, type EncodedDashboardData } from '../../src/core/dashboard-data';
import { loadDashboardData } from '../../src/render/dashboard/data';
import { encodeDashboardData } from '../../src/cli/dashboard-page';
import { effectiveTransitions } from '../../src/core/transitions';
import { CORPUS, EXAMPLE_VAULT, TODAY, corpusAvailable, listCorpusMarkdown, loadFolder } from '../helpers/vault';
import { generateNotes } from '../../bench/generator/vault';

/** As `maturity-map dashboard` packs it; chunks of 7 so that the example vault spans several. */
function encode(index: MaturityIndex, chunkSize = 7): { encoded: EncodedDashboardData; bytes: number } {
  const encoded = encodeDashboardData(dashboardData(index, 'vault'), chunkSize);
  // Through JSON, as the page reads it.
  const text = JSON.stringify(encoded);
  return { encoded: JSON.parse(text) as EncodedDashboardData, bytes: text.length };
}

/** A component as the index gives it, through JSON (as any page sees it), related lists cut as the page keeps them. */
function expected(c: Component): unknown {
  const plain = JSON.parse(JSON.stringify(c)) as Component;
  plain.diagnostics = plain.diagnostics.map((d) => (d.related && d.related.length > RELATED_SAMPLE ? { ...d, related: d.related.slice(0, RELATED_SAMPLE), relatedCount: d.relatedCount ?? d.related.length } : d));
  return plain;
}

async function sameAsIndex(index: MaturityIndex): Promise<void> {
  const page = await loadDashboardData(encode(index).encoded);
  expect(page.data.components.map((c) => c.id)).toEqual(index.ids());
  // Lists read the light component: the progress they show is the card's.
  const progress = (c: Component) => effectiveTransitions(c.note.transitions).map((t) => [t.from, t.to, t.heading, t.met, t.total, t.claim?.met ?? null]);
  for (const light of page.data.components) expect(progress(light), light.id).toEqual(progress(index.component(light.id)!));
  for (const id of index.ids()) {
    const shown = JSON.parse(JSON.stringify(page.detail(id))) as unknown;
    expect(shown, id).toEqual(expected(index.component(id)!));
  }
  // The same once every chunk of details was inflated ahead, one task each (in reverse order of asking).
  const prefetched = await loadDashboardData(encode(index).encoded);
  await prefetched.prefetch();
  for (const id of [...index.ids()].reverse()) expect(JSON.parse(JSON.stringify(prefetched.detail(id))) as unknown, id).toEqual(expected(index.component(id)!));
}

describe('the dashboard data', () => {
  it('gives every card of the example vault exactly what the index says, readiness computed in the page', async () => {
    await sameAsIndex(loadFolder(EXAMPLE_VAULT));
  });

  describe.runIf(corpusAvailable('tta-kb') && corpusAvailable('tta-repo'))('on the corpus', () => {
    it('tta-kb and tta-repo cards equal the index', async () => {
      for (const name of ['tta-kb', 'tta-repo']) {
        const dir = join(CORPUS, name);
        const index = createIndex({ today: TODAY });
        index.batch(() => {
          for (const path of listCorpusMarkdown(dir)) index.upsert(path, readFileSync(join(dir, path), 'utf8'));
        });
        await sameAsIndex(index);
      }
    });
  });

  it('on generated notes, and lists stay light: no criteria, no readiness checks until a card opens', async () => {
    const index = createIndex({ today: TODAY });
    index.batch(() => {
      for (const note of generateNotes({ notes: 120, seed: 4 })) index.upsert(note.path, note.text);
    });
    await sameAsIndex(index);
    const page = await loadDashboardData(encode(index).encoded);
    const light = page.data.components.find((c) => c.note.transitions.length > 0)!;
    expect(light.note.transitions.every((t) => t.items.length === 0)).toBe(true);
    expect(light.readiness!.checks).toEqual([]);
    expect(light.readiness!.score).toBe(index.component(light.id)!.readiness!.score);
  });

  it('refuses chunks that do not add up, with a message the page shows', async () => {
    const { encoded } = encode(loadFolder(EXAMPLE_VAULT));
    await expect(loadDashboardData({ ...encoded, details: encoded.details.slice(1) })).rejects.toThrow(/chunks are malformed/);
    await expect(loadDashboardData({ ...encoded, chunkSize: 8 })).rejects.toThrow(/chunks do not match/);
    await expect(loadDashboardData({ ...encoded, encoding: 'deflate-base64' } as unknown as EncodedDashboardData)).rejects.toThrow(/unsupported data encoding deflate-base64/);
    // The last chunk of details (4 of the 18) swapped for the first (7): found when a card of it opens.
    const last = encoded.details.length - 1;
    const page = await loadDashboardData({ ...encoded, details: encoded.details.map((d, k) => (k === last ? encoded.details[0]! : d)) });
    expect(page.detail(page.data.components[0]!.id)).toBeDefined();
    expect(() => page.detail(page.data.components.at(-1)!.id)).toThrow(/chunks do not match/);
  });

  it('grows with components and edges, not their square: one cycle of 1,000, 2,000 and 4,000', async () => {
    const sizes: Array<{ n: number; bytes: number; json: number }> = [];
    for (const n of [1000, 2000, 4000]) {
      const index = createIndex({ today: TODAY });
      index.batch(() => {
        for (let i = 0; i < n; i++) index.upsert(`C${i}.md`, `# C${i}\n\n**Current Stage**: Staging\n**Owner**: team\n\n**Dependencies**:\n- [[C${(i + 1) % n}]]\n`);
      });
      const { encoded, bytes } = encode(index);
      const inflated = (await loadDashboardData(encoded)).data.components;
      const related = inflated.map((c) => c.diagnostics.find((d) => d.code === 'dependency-cycle')!);
      expect(related.every((d) => d.related!.length === RELATED_SAMPLE && d.relatedCount === n)).toBe(true);
      sizes.push({ n, bytes, json: JSON.stringify(inflated).length });
    }
    // Per component the same size: the inflated lists and the page's bytes both scale linearly.
    for (const { n, bytes, json } of sizes) {
      expect(json / n).toBeLessThan((sizes[0]!.json / 1000) * 1.15);
      expect(bytes / n).toBeLessThan((sizes[0]!.bytes / 1000) * 1.15);
    }
  });
});

describe('the dashboard data as tables', () => {
  it('writes each string once and no object keys: a generated vault\u2019s page under 800 bytes a component', async () => {
    // The bench's generated vault (bench/generator), 1,000 notes: as plain JSON deflated in chunks
    // the page took ~1,100 bytes a component (10.2 MB at 10k, where Chromium decoded and parsed the
    // document in single tasks of over 100 ms); as tables ~650. 800 leaves room for a view that
    // needs a few more fields, not for the plain JSON's repeats.
    const index = createIndex({ today: TODAY });
    index.batch(() => {
      for (const note of generateNotes({ notes: 1000, seed: 1 })) index.upsert(note.path, note.text);
    });
    const data = dashboardData(index, 'vault');
    const bytes = JSON.stringify(encodeDashboardData(data)).length;
    expect(data.components.length).toBeGreaterThan(850);
    expect(bytes / data.components.length).toBeLessThan(800);
    const page = await loadDashboardData(JSON.parse(JSON.stringify(encodeDashboardData(data))) as EncodedDashboardData);
    expect(page.data.components).toEqual(JSON.parse(JSON.stringify(data.components)));
  });

  it('gives keys back as JSON.parse does, __proto__ an own key', async () => {
    const index = createIndex({ today: TODAY });
    index.upsert('a.md', '---\ntags: [maturity]\n__proto__: polluted\nconstructor: x\n---\n# A Maturity\n\n**Current Stage**: Staging\n**Owner**: team\n');
    expect(index.ids()).toEqual(['a.md']);
    const page = await loadDashboardData(encode(index).encoded);
    const frontmatter = page.detail('a.md')!.note.frontmatter as Record<string, unknown>;
    expect(Object.keys(frontmatter)).toContain('__proto__');
    expect(Object.getPrototypeOf(frontmatter)).toBe(Object.prototype);
    expect(Object.keys(frontmatter)).toEqual(Object.keys(JSON.parse(JSON.stringify(index.component('a.md')!.note.frontmatter)) as object));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('parses a chunk of details only when one of its cards opens, not ahead of the first card', async () => {
    const { encoded } = encode(loadFolder(EXAMPLE_VAULT));
    // The second chunk of details inflates to text that is no JSON: the open and the background
    // work (which inflate it) never parse it; its card does, and says so.
    const notJSON = deflateRawSync(Buffer.from('[not json')).toString('base64');
    const page = await loadDashboardData({ ...encoded, details: encoded.details.map((d, k) => (k === 1 ? notJSON : d)) });
    await page.prefetch();
    expect(page.detail(page.data.components[0]!.id)!.note.transitions).toBeDefined();
    expect(() => page.detail(page.data.components[encoded.chunkSize]!.id)).toThrow(SyntaxError);
    // One that does not even inflate is left to its card too.
    const broken = await loadDashboardData({ ...encoded, details: encoded.details.map((d, k) => (k === 1 ? 'AAAA' : d)) });
    await broken.prefetch();
    expect(() => broken.detail(broken.data.components[encoded.chunkSize]!.id)).toThrow();
  });
});
