// The stage badge: the stage's name in its colour with a shape glyph, and the component's flags as
// small marks whose tooltip and accessible name say why.
import type { Component, StageId } from '../core/index';
import type { ViewContext } from './context';
import { h } from './dom';
import { componentFlags, stageInfo, type Flag } from './stage';

export interface BadgeOptions {
  /** Show the flag marks (default true). */
  flags?: boolean;
  /** Show each flag's short label next to its glyph (default false: glyph only). */
  flagLabels?: boolean;
}

/** A bare stage: name, glyph and colour. Used for dependencies' live stages and board columns. */
export function renderStageTag(stage: StageId | null, ctx: Pick<ViewContext, 'document' | 'pipeline'>, title?: string): HTMLElement {
  const info = stageInfo(ctx, stage);
  return h(ctx.document, 'span', {
    cls: `mm mm-stage${info.id === null ? ' mm-stage-unknown' : ''}`,
    attrs: { 'data-mm-stage': info.id ?? 'unknown', title: title ?? `Stage: ${info.name}` },
    vars: info.color ? { '--mm-stage-color': info.color } : undefined,
    children: [
      h(ctx.document, 'span', { cls: 'mm-stage-glyph', text: info.glyph, attrs: { 'aria-hidden': 'true' } }),
      ctx.document.createTextNode(' '),
      h(ctx.document, 'span', { cls: 'mm-stage-name', text: info.name }),
    ],
  });
}

export function renderFlag(flag: Flag, ctx: Pick<ViewContext, 'document'>, withLabel = false): HTMLElement {
  return h(ctx.document, 'span', {
    cls: `mm-flag mm-flag-${flag.kind}`,
    attrs: { title: flag.reason, role: 'img', 'aria-label': flag.reason, 'data-mm-flag': flag.kind },
    children: [
      h(ctx.document, 'span', { cls: 'mm-flag-glyph', text: flag.glyph, attrs: { 'aria-hidden': 'true' } }),
      withLabel ? ctx.document.createTextNode(' ') : null,
      withLabel ? h(ctx.document, 'span', { cls: 'mm-flag-label', text: flag.label, attrs: { 'aria-hidden': 'true' } }) : null,
    ],
  });
}

/**
 * A flag whose label is plain text (glyph hidden, reason as tooltip): for flags inside a link or
 * button, whose accessible name is its visible text (WCAG 2.5.3); the reason goes in the
 * control's description instead.
 */
export function renderFlagText(flag: Flag, ctx: Pick<ViewContext, 'document'>): HTMLElement {
  return h(ctx.document, 'span', {
    cls: `mm-flag mm-flag-${flag.kind}`,
    attrs: { title: flag.reason, 'data-mm-flag': flag.kind },
    children: [
      h(ctx.document, 'span', { cls: 'mm-flag-glyph', text: flag.glyph, attrs: { 'aria-hidden': 'true' } }),
      ctx.document.createTextNode(' '),
      h(ctx.document, 'span', { cls: 'mm-flag-label', text: flag.label }),
    ],
  });
}

/** The component's stage badge with its flags. */
export function renderStageBadge(component: Component, ctx: ViewContext, options: BadgeOptions = {}): HTMLElement {
  const stage = component.note.stage;
  const info = stageInfo(ctx, stage?.id ?? null);
  const title = stage
    ? `Stage: ${info.name}${stage.qualifier ? ` — ${stage.qualifier}` : ''}${stage.id === null && stage.raw ? ` (the note says “${stage.raw}”)` : ''}`
    : 'Stage: unknown — the note states no Current Stage';
  const badge = h(ctx.document, 'span', { cls: 'mm mm-badge', attrs: { 'data-mm-id': component.id } });
  const tag = renderStageTag(info.id, ctx, title);
  tag.classList.remove('mm');
  badge.appendChild(tag);
  if (options.flags !== false) {
    const flags = componentFlags(component, ctx);
    if (flags.length > 0) {
      const holder = h(ctx.document, 'span', { cls: 'mm-flags' });
      for (const flag of flags) holder.appendChild(renderFlag(flag, ctx, options.flagLabels === true));
      badge.appendChild(holder);
    }
  }
  return badge;
}
