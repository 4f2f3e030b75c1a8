// Criteria progress: one bar per transition (`7/9`), the next transition highlighted, and a
// visible warning where the note's status line claims another count than its boxes.
import type { Component, Pipeline, Transition } from '../core/index';
import { effectiveTransitions } from '../core/transitions';
import { stageName } from '../core/stages';
import type { ViewContext } from './context';
import { h } from './dom';

/** The stage the component is heading for: the promotion in progress, else the next in the pipeline. */
export function nextStage(component: Component, pipeline: Pipeline): string | null {
  const stage = component.note.stage;
  if (!stage?.id) return null;
  if (stage.headingFor) return stage.headingFor;
  const rank = pipeline.rank.get(stage.id);
  return rank === undefined ? null : pipeline.stages[rank + 1]?.id ?? null;
}

/** Transitions worth showing: those with criteria or a status line, one per from→to pair. */
export function shownTransitions(component: Component): Transition[] {
  return effectiveTransitions(component.note.transitions).filter((t) => t.total > 0 || t.claim !== null);
}

/** The transition towards the next stage, when the note has one with criteria. */
export function nextTransition(component: Component, pipeline: Pipeline): Transition | null {
  const target = nextStage(component, pipeline);
  if (!target) return null;
  return shownTransitions(component).find((t) => t.to === target) ?? null;
}

/** The status line's claim when it differs from the boxes, as `8/9`; null when they agree. */
export function claimMismatch(t: Transition): string | null {
  const claim = t.claim;
  if (!claim) return null;
  const metDiffers = claim.met !== null && claim.met !== t.met;
  const totalDiffers = claim.total !== null && claim.total !== t.total;
  if (!metDiffers && !totalDiffers) return null;
  return `${claim.met ?? '?'}/${claim.total ?? '?'}`;
}

export function transitionLabel(t: Transition, pipeline: Pipeline): string {
  return `${stageName(pipeline, t.from)} → ${stageName(pipeline, t.to)}`;
}

function percent(met: number, total: number): string {
  return total > 0 ? `${Math.round((met / total) * 1000) / 10}%` : '0%';
}

/** One progress bar with its ARIA values; `label` names what it measures. */
export function renderBar(doc: Document, met: number, total: number, label: string): HTMLElement {
  return h(doc, 'span', {
    cls: `mm-bar${total > 0 && met >= total ? ' mm-bar-complete' : ''}`,
    attrs: {
      role: 'progressbar',
      'aria-label': label,
      'aria-valuemin': 0,
      'aria-valuemax': total,
      'aria-valuenow': met,
      'aria-valuetext': `${met} of ${total} criteria met`,
    },
    vars: { '--mm-progress': percent(met, total) },
    children: [h(doc, 'span', { cls: 'mm-bar-fill' })],
  });
}

function renderTransition(component: Component, t: Transition, isNext: boolean, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const label = transitionLabel(t, ctx.pipeline);
  const mismatch = claimMismatch(t);
  const row = h(doc, 'div', {
    cls: `mm-transition${isNext ? ' mm-next' : ''}${mismatch ? ' mm-mismatch' : ''}${t.total > 0 && t.met >= t.total ? ' mm-complete' : ''}`,
    attrs: { 'data-mm-from': t.from ?? 'unknown', 'data-mm-to': t.to ?? 'unknown' },
    children: [
      h(doc, 'span', { cls: 'mm-transition-name', text: label }),
      isNext ? h(doc, 'span', { cls: 'mm-next-tag', text: 'next', attrs: { title: 'The transition this component is working towards' } }) : null,
      renderBar(doc, t.met, t.total, `${label} criteria`),
      h(doc, 'span', { cls: 'mm-count', text: t.total > 0 ? `${t.met}/${t.total}` : 'no boxes' }),
    ],
  });
  if (mismatch) {
    const warning = h(doc, 'button', {
      cls: 'mm-claim-warning',
      attrs: {
        type: 'button',
        title: `Line ${t.claim!.line}: “${t.claim!.raw}” — the boxes say ${t.met}/${t.total}. Click to open the line.`,
      },
      children: [
        h(doc, 'span', { cls: 'mm-warning-glyph', text: '⚠', attrs: { 'aria-hidden': 'true' } }),
        h(doc, 'span', { text: ` Status line says ${mismatch}` }),
      ],
    });
    warning.addEventListener('click', (event) => {
      event.preventDefault();
      ctx.onOpen(component.id, event, t.claim!.line);
    });
    row.appendChild(warning);
  }
  return row;
}

/** Every transition's bar; the next one marked. */
export function renderCriteriaProgress(component: Component, ctx: ViewContext): HTMLElement {
  const doc = ctx.document;
  const root = h(doc, 'div', { cls: 'mm mm-progress', attrs: { role: 'group', 'aria-label': `Promotion criteria of ${component.name}` } });
  const transitions = shownTransitions(component);
  if (transitions.length === 0) {
    root.appendChild(h(doc, 'p', { cls: 'mm-empty', text: 'No promotion criteria found in this note.' }));
    return root;
  }
  const next = nextTransition(component, ctx.pipeline);
  for (const t of transitions) root.appendChild(renderTransition(component, t, t === next, ctx));
  return root;
}
