// The component card: badge, criteria progress, owner/group, last updated, dependencies with
// their live stages, dependents, open blockers and diagnostics, then any host sections.
import type { Component, Diagnostic, ResolvedDependency } from '../core/index';
import { openBlockers } from '../core/serialize';
import { compareStages, stageName } from '../core/stages';
import { renderStageBadge, renderStageTag } from './badge';
import type { ViewContext } from './context';
import { h, plural } from './dom';
import { renderComponentLink } from './link';
import { renderCriteriaProgress } from './progress';
import { renderReadiness } from './readiness';
import { relativeDate } from './time';

export interface CardOptions {
  /** Level of the card's title heading, 1–5 (default 3); sections use the next level. */
  headingLevel?: number;
  /**
   * The readiness evidence table shown (default) or folded under its summary, as in a grid of
   * cards, where it was half of each card's elements and of its height.
   */
  evidence?: 'shown' | 'folded';
}

type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

function heading(level: number): HeadingTag {
  return `h${Math.min(6, Math.max(1, level))}` as HeadingTag;
}

function section(ctx: ViewContext, kind: string, title: string, level: number, body: Node): HTMLElement {
  return h(ctx.document, 'section', {
    cls: `mm-card-section mm-${kind}`,
    children: [h(ctx.document, heading(level), { cls: 'mm-section-title', text: title }), body],
  });
}

/** "Last updated" as a relative date with the ISO date in its tooltip and datetime. */
export function renderUpdated(component: Component, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const updated = component.note.lastUpdated;
  if (!updated?.value) return h(doc, 'span', { cls: 'mm-muted', text: updated ? `unreadable date “${updated.raw}”` : 'not stated' });
  const relative = relativeDate(updated.value, ctx.today()) ?? updated.value;
  return h(doc, 'time', {
    cls: `mm-updated${component.stale ? ' mm-is-stale' : ''}`,
    text: relative,
    attrs: { datetime: updated.value, title: `Last updated ${updated.value}` },
  });
}

function renderMeta(component: Component, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const note = component.note;
  const list = h(doc, 'dl', { cls: 'mm-card-meta' });
  const add = (term: string, value: Node) => {
    list.appendChild(h(doc, 'div', { cls: 'mm-meta-item', children: [h(doc, 'dt', { text: term }), h(doc, 'dd', { children: [value] })] }));
  };
  const textOrMuted = (value: string | undefined) => h(doc, 'span', { cls: value ? '' : 'mm-muted', text: value || 'not stated' });
  add('Owner', textOrMuted(note.owner?.value));
  add('Group', textOrMuted(note.group?.value));
  add('Updated', renderUpdated(component, ctx));
  if (note.stage?.qualifier) add('Stage note', textOrMuted(note.stage.qualifier));
  return list;
}

function renderDependency(component: Component, dep: ResolvedDependency, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const item = h(doc, 'li', { cls: 'mm-dep' });
  // The dependency's name and live stage only: its whole view is its own card's (see stageOf).
  const id = dep.id;
  const live = id ? ctx.stageOf(id) : undefined;
  if (!id || live === undefined) {
    item.classList.add('mm-dep-unresolved');
    item.append(
      h(doc, 'span', { cls: 'mm-dep-name', text: dep.name }),
      h(doc, 'span', { cls: 'mm-note mm-warn-text', text: ' ⚠ not a known component' }),
    );
  } else {
    const name = ctx.nameOf(id) ?? id;
    item.append(renderComponentLink(id, ctx, name), ' ', renderStageTag(live, ctx, `Live stage of ${name}: ${stageName(ctx.pipeline, live)}`));
    if (dep.declaredStage !== null && live !== null && dep.declaredStage !== live) {
      item.classList.add('mm-dep-mismatch');
      item.appendChild(h(doc, 'span', {
        cls: 'mm-note mm-warn-text',
        text: ` ⚠ note says ${stageName(ctx.pipeline, dep.declaredStage)}`,
        attrs: { title: `Line ${dep.line} declares ${stageName(ctx.pipeline, dep.declaredStage)}; ${name} is at ${stageName(ctx.pipeline, live)}.` },
      }));
    }
    if (compareStages(ctx.pipeline, component.note.stage?.id ?? null, live) === 1) {
      item.classList.add('mm-dep-inversion');
      item.appendChild(h(doc, 'span', { cls: 'mm-note mm-error-text', text: ' ▼ less mature than this component' }));
    }
  }
  if (dep.optional) item.appendChild(h(doc, 'span', { cls: 'mm-note mm-muted', text: ' (optional)' }));
  return item;
}

function renderDependencies(component: Component, ctx: ViewContext, level: number): HTMLElement {
  const doc = ctx.document;
  const deps = component.dependencies;
  const body = deps.length > 0
    ? h(doc, 'ul', { cls: 'mm-dep-list', children: deps.map((d) => renderDependency(component, d, ctx)) })
    : h(doc, 'p', { cls: 'mm-muted', text: component.note.dependenciesNone ? 'None (foundational component).' : 'None listed.' });
  return section(ctx, 'dependencies', `Depends on (${deps.length})`, level, body);
}

function renderDependents(component: Component, ctx: ViewContext, level: number): HTMLElement {
  const doc = ctx.document;
  const body = component.dependents.length > 0
    ? h(doc, 'ul', {
        cls: 'mm-dep-list',
        children: component.dependents.map((id) => {
          const live = ctx.stageOf(id);
          return h(doc, 'li', { cls: 'mm-dep', children: [renderComponentLink(id, ctx), live !== undefined ? doc.createTextNode(' ') : null, live !== undefined ? renderStageTag(live, ctx) : null] });
        }),
      })
    : h(doc, 'p', { cls: 'mm-muted', text: 'No component depends on this one.' });
  return section(ctx, 'dependents', `Used by (${component.dependents.length})`, level, body);
}

function renderBlockers(component: Component, ctx: ViewContext, level: number): HTMLElement | null {
  const doc = ctx.document;
  const open = openBlockers(component);
  const resolved = component.note.blockers.length - open.length;
  if (component.note.blockers.length === 0) return null;
  const list = h(doc, 'ul', { cls: 'mm-blocker-list' });
  for (const b of open) {
    list.appendChild(h(doc, 'li', {
      cls: `mm-blocker mm-severity-${b.severity ?? 'unknown'}`,
      children: [
        b.severity ? h(doc, 'span', { cls: 'mm-severity', text: b.severity }) : null,
        h(doc, 'span', { cls: 'mm-blocker-text', text: b.text }),
        b.issue ? h(doc, 'span', { cls: 'mm-note mm-muted', text: ` ${b.issue}` }) : null,
        b.status === 'in-progress' ? h(doc, 'span', { cls: 'mm-note mm-muted', text: ' (in progress)' }) : null,
      ],
    }));
  }
  if (resolved > 0) list.appendChild(h(doc, 'li', { cls: 'mm-muted mm-blocker-resolved', text: `${plural(resolved, 'resolved blocker')} not shown` }));
  return section(ctx, 'blockers', `Open blockers (${open.length})`, level, list);
}

const SEVERITY_GLYPH: Record<Diagnostic['severity'], string> = { error: '✖', warning: '▲', info: '●' };
const SEVERITY_RANK: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };

/** One diagnostic: severity as glyph and word, the message, and the line (opens the note there). */
export function renderDiagnostic(component: Component | null, d: Diagnostic, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const item = h(doc, 'li', {
    cls: `mm-diagnostic mm-${d.severity}`,
    attrs: { 'data-mm-code': d.code },
    children: [
      h(doc, 'span', { cls: 'mm-severity-mark', text: `${SEVERITY_GLYPH[d.severity]} ${d.severity}`, attrs: { title: d.code } }),
      h(doc, 'span', { cls: 'mm-diagnostic-message', text: ` ${d.message}` }),
    ],
  });
  if (component && d.line) {
    const line = d.line;
    const button = h(doc, 'button', { cls: 'mm-line', text: `line ${line}`, attrs: { type: 'button', title: `Open ${component.name} at line ${line}` } });
    button.addEventListener('click', (event) => {
      event.preventDefault();
      ctx.onOpen(component.id, event, line);
    });
    item.append(' ', button);
  }
  return item;
}

function renderDiagnostics(component: Component, ctx: ViewContext, level: number): HTMLElement | null {
  const shown = component.diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length === 0) return null;
  const sorted = [...shown].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.line ?? 0) - (b.line ?? 0));
  const list = h(ctx.document, 'ul', { cls: 'mm-diagnostic-list', children: sorted.map((d) => renderDiagnostic(component, d, ctx)) });
  return section(ctx, 'diagnostics', `Problems (${shown.length})`, level, list);
}

/** The full card. */
export function renderComponentCard(component: Component, ctx: ViewContext, options: CardOptions = {}): HTMLElement {
  const card = renderCardHead(component, ctx, options);
  for (const group of cardSectionGroups(component, ctx, options)) card.append(...group());
  return card;
}

/** The card without its sections: title, badge, owner and dates, criteria progress. */
export function renderCardHead(component: Component, ctx: ViewContext, options: CardOptions = {}): HTMLElement {
  const doc = ctx.document;
  const level = options.headingLevel ?? 3;
  const title = h(doc, heading(level), { cls: 'mm-card-title', children: [renderComponentLink(component.id, ctx, component.name)] });
  return h(doc, 'article', {
    cls: 'mm mm-card',
    attrs: { 'data-mm-id': component.id, 'aria-label': component.name },
    children: [
      h(doc, 'header', { cls: 'mm-card-header', children: [title, renderStageBadge(component, ctx, { flagLabels: true })] }),
      renderMeta(component, ctx),
      renderCriteriaProgress(component, ctx),
    ],
  });
}

/**
 * The card's sections after its head, in the order the card shows them, grouped so that a host
 * can render and deliver one group per task (Logseq's macro slots do): readiness; dependencies
 * and dependents; blockers, problems and the host's own sections.
 */
export function cardSectionGroups(component: Component, ctx: ViewContext, options: CardOptions = {}): Array<() => HTMLElement[]> {
  const level = (options.headingLevel ?? 3) + 1;
  const present = (els: Array<HTMLElement | null>) => els.filter((el): el is HTMLElement => el !== null);
  return [
    () => present([renderReadiness(component, ctx, level, options.evidence ?? 'shown')]),
    () => present([renderDependencies(component, ctx, level), renderDependents(component, ctx, level)]),
    () => present([renderBlockers(component, ctx, level), renderDiagnostics(component, ctx, level), ...ctx.cardSections.map((extra) => extra(component, ctx))]),
  ];
}

/** A one-line strip for a note's header: what it depends on (with live stages) and what uses it. */
export function renderDependencyStrip(component: Component, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const strip = h(doc, 'div', { cls: 'mm mm-dep-strip' });
  const group = (label: string, ids: Array<{ id: string | null; name: string }>, empty: string) => {
    const part = h(doc, 'span', { cls: 'mm-strip-group', children: [h(doc, 'span', { cls: 'mm-strip-label', text: `${label}: ` })] });
    if (ids.length === 0) part.appendChild(h(doc, 'span', { cls: 'mm-muted', text: empty }));
    ids.forEach((entry, i) => {
      if (i > 0) part.appendChild(doc.createTextNode(', '));
      const live = entry.id ? ctx.stageOf(entry.id) : undefined;
      if (!entry.id || live === undefined) {
        part.appendChild(h(doc, 'span', { cls: 'mm-dep-unresolved', text: entry.name, attrs: { title: 'Not a known component' } }));
        return;
      }
      part.append(renderComponentLink(entry.id, ctx, ctx.nameOf(entry.id) ?? entry.id), ' ', renderStageTag(live, ctx));
    });
    return part;
  };
  strip.appendChild(group('Depends on', component.dependencies.map((d) => ({ id: d.id, name: d.name })), component.note.dependenciesNone ? 'none (foundational)' : 'none listed'));
  strip.appendChild(doc.createTextNode(' '));
  strip.appendChild(group('Used by', component.dependents.map((id) => ({ id, name: id })), 'nothing yet'));
  return strip;
}

/** What a host puts at the top of a component's own note: badge, criteria progress, dependency strip. */
export function renderNoteHeader(component: Component, ctx: ViewContext): HTMLElement {
  return h(ctx.document, 'div', {
    cls: 'mm mm-note-header',
    attrs: { 'data-mm-id': component.id, role: 'group', 'aria-label': `Maturity of ${component.name}` },
    children: [renderStageBadge(component, ctx, { flagLabels: true }), renderCriteriaProgress(component, ctx), renderDependencyStrip(component, ctx)],
  });
}
