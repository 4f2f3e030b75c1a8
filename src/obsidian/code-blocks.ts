// ```maturity``` (one component's card) and ```maturity-query``` (components matching options,
// as a table, list, board or graph). Options are `key: value` lines validated by the core's zod
// schema; a mistake is shown in place of the block, never thrown.
import { MarkdownRenderChild, type Component, type MarkdownPostProcessorContext } from 'obsidian';
import * as z from 'zod/mini';
import { parseQueryLines, parseQueryOptions, runQuery, type ComponentQuery } from '../core/index';
import type { Host } from './host';
import { componentFingerprint, keepLive, neighbourFingerprint, summaryFingerprint, type LiveHandle } from './live';
import { renderCard, renderErrors, renderResults, type GraphView } from './render-kit';

const cardOptions = z.strictObject({ component: z.optional(z.string().check(z.trim(), z.minLength(1))) });

/** The block's component: `component: Name` (by name, alias or path), else the note the block is in. */
function cardTarget(host: Host, name: string | undefined, sourcePath: string): string | null {
  if (name === undefined) return sourcePath;
  return host.indexer.index.lookup(name.replace(/^\[\[|\]\]$/g, ''));
}

/** A render child for `root` that clears it when unloaded (by the app, or with the plugin). */
function adoptChild(host: Host, root: HTMLElement, ctx: MarkdownPostProcessorContext): MarkdownRenderChild {
  const child = new MarkdownRenderChild(root);
  child.register(() => root.empty());
  ctx.addChild(child);
  host.adopt(child);
  return child;
}

export function cardBlock(host: Host) {
  return (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
    const root = el.createDiv({ cls: 'maturity-map-block maturity-map-card-block' });
    const parsed = cardOptions.safeParse(parseQueryLines(source));
    if (!parsed.success) {
      renderErrors(root, 'maturity: invalid options', parsed.error.issues.map((i) =>
        i.code === 'unrecognized_keys' ? `Unknown option ${i.keys.map((k) => `"${k}"`).join(', ')}. Known: component.` : `${i.path.join('.') || 'options'}: expected a component name, alias or path.`,
      ));
      return;
    }
    const child = adoptChild(host, root, ctx);
    const wanted = parsed.data.component;
    keepLive(child, root, host.indexer, {
      fingerprint: () => {
        const index = host.indexer.index;
        const id = cardTarget(host, wanted, ctx.sourcePath);
        const component = id ? index.component(id) : undefined;
        if (!component) return `missing\u0000${host.indexer.progress.phase}`;
        const around = [...component.dependencies.flatMap((d) => (d.id ? [d.id] : [])), ...component.dependents];
        return `${index.today()}\u0002${componentFingerprint(component)}\u0002${neighbourFingerprint(index, around)}`;
      },
      draw: (target) => {
        const id = cardTarget(host, wanted, ctx.sourcePath);
        const component = id ? host.indexer.index.component(id) : undefined;
        if (component) renderCard(target, component, host.viewContext(ctx.sourcePath));
        else if (host.indexer.progress.phase !== 'ready') target.createDiv({ cls: 'maturity-map-pending', text: 'Indexing the vault…' });
        else renderErrors(target, 'maturity', [wanted ? `No component named "${wanted}".` : 'This note is not a component maturity note.']);
      },
    });
  };
}

export function queryBlock(host: Host) {
  return (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext): void => {
    const root = el.createDiv({ cls: 'maturity-map-block maturity-map-query-block' });
    const parsed = parseQueryOptions(parseQueryLines(source));
    if (!parsed.ok) {
      renderErrors(root, 'maturity-query: invalid options', parsed.errors);
      return;
    }
    const child = adoptChild(host, root, ctx);
    mountQuery(child, root, host, parsed.query, ctx.sourcePath);
  };
}

/** A live query result; also used by the dashboard. */
export function mountQuery(owner: Component, el: HTMLElement, host: Host, query: ComponentQuery, sourcePath: string): LiveHandle {
  let graph: GraphView | null = null;
  return keepLive(owner, el, host.indexer, {
    teardown: () => {
      graph?.destroy();
      graph = null;
    },
    fingerprint: () => {
      const index = host.indexer.index;
      const results = runQuery(index, query);
      const ids = results.map((c) => c.id);
      const around = new Set(results.flatMap((c) => [...c.dependents, ...c.dependencies.flatMap((d) => (d.id ? [d.id] : []))]));
      return [host.indexer.progress.phase, index.today(), ...results.map(summaryFingerprint), neighbourFingerprint(index, [...ids, ...around])].join('\u0002');
    },
    draw: (target) => {
      const results = runQuery(host.indexer.index, query);
      const ctx = host.viewContext(sourcePath);
      if (results.length === 0) {
        target.createDiv({ cls: 'maturity-map-empty', text: host.indexer.progress.phase === 'ready' ? 'No components match.' : 'Indexing the vault…' });
        return;
      }
      graph = renderResults(target, results, query.view ?? 'table', ctx);
    },
  });
}
