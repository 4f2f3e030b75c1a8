// Shared setup for the view tests: the example vault in a live index and a context whose host
// records every open request.
import { contextFromIndex, type ViewContext, type ViewHost } from '../../src/render/index';
import { createIndex, type Component, type MaturityIndex } from '../../src/core/index';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';

export interface Opened {
  id: string;
  line: number | undefined;
  event: MouseEvent | KeyboardEvent | undefined;
}

export interface Fixture {
  index: MaturityIndex;
  ctx: ViewContext;
  opened: Opened[];
  byName(name: string): Component;
}

export function exampleFixture(host: Partial<ViewHost> = {}, index: MaturityIndex = loadFolder(EXAMPLE_VAULT)): Fixture {
  const opened: Opened[] = [];
  // A clock that stands still unless a test passes one: a part of a page ends at its count, never
  // at its budget (pages.ts), so what a task draws does not hang on the machine's speed.
  const ctx = contextFromIndex(index, { document, onOpen: (id, event, line) => opened.push({ id, event, line }), clock: () => 0, ...host });
  const byName = (name: string) => {
    const found = index.components().find((c) => c.name === name);
    if (!found) throw new Error(`no component named ${name}`);
    return found;
  };
  return { index, ctx, opened, byName };
}

export const STATUS_WIDGET = 'Components/Status Widget.md';

/** The text a reader sees: elements separated by a space, whitespace collapsed. */
export function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    if (n.nodeType !== 1) return;
    parts.push(' ');
    for (const child of n.childNodes) walk(child);
    parts.push(' ');
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').replace(/ ([,.;:)])/g, '$1').trim();
}

export function click(el: Element, init: MouseEventInit = {}): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init });
  el.dispatchEvent(event);
  return event;
}

export function key(el: Element, keyName: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true });
  el.dispatchEvent(event);
  return event;
}

/**
 * `count` components in six tiers, each depending on one to three components of lower tiers: the
 * shape of a real platform, many times the size of the example vault's.
 */
export function tieredIndex(count: number): MaturityIndex {
  const index = createIndex({ today: '2026-11-24' });
  const stages = ['Development', 'Staging', 'Production'];
  let seed = 11;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const tiers = 6;
  const width = Math.floor(count / tiers);
  for (let i = 0; i < count; i++) {
    const tier = i % tiers;
    const deps = new Set<number>();
    for (let k = 0; tier > 0 && k < 1 + Math.floor(random() * 3); k++) deps.add(Math.floor(random() * width) * tiers + Math.floor(random() * tier));
    const lines = [...deps].map((d) => `- [[Service ${d}]]`);
    index.upsert(`S/Service ${i}.md`, `---\ntags: [maturity]\n---\n# Service ${i}\n\n**Current Stage**: ${stages[(5 - tier) % 3]}\n\n**Dependencies**:\n${lines.join('\n') || '- None'}\n\n### Development → Staging\n- [x] a\n- [ ] b\n`);
  }
  return index;
}

/** One queue for the host's `defer` and the context's `nextTask`: the test runs the tasks one at a time. */
export function taskQueue(): { push: (run: () => void) => void; next: () => Promise<(() => void) | null> } {
  const queue: Array<() => void> = [];
  return {
    push: (run) => void queue.push(run),
    // A part waits for an animation frame before it asks for its task: wait for it a little.
    async next() {
      for (let k = 0; k < 40 && queue.length === 0; k++) await new Promise((resolve) => setTimeout(resolve, 5));
      return queue.shift() ?? null;
    },
  };
}
