// Keeps one rendered element current. It re-draws only when what it shows has changed (its
// fingerprint), only while it is visible, and catches up when it becomes visible again. This is
// what Dataview lacks: no stale blocks, and no re-render on unrelated edits.
import type { Component } from 'obsidian';
import type { Component as MaturityComponent, MaturityIndex } from '../core/index';
import { yieldCount, yieldToUI } from './index/slices';
import type { LiveChange, VaultIndexer } from './vault-indexer';

export interface LiveSource {
  /**
   * Build, a slice at a time, what `fingerprint` and `draw` read (component views), so they build
   * none in their one task. Resolves true when done, false when it should run again (the index
   * was replaced meanwhile) or `cancelled()` stopped it (the view closed, the plugin unloaded).
   */
  prepare?(cancelled: () => boolean): Promise<boolean>;
  /** Everything the drawing depends on, as a string; equal strings mean nothing to re-draw. */
  fingerprint(): string;
  draw(el: HTMLElement): void;
  /** Bring an existing drawing up to date in place; return false to have it drawn again. */
  update?(): boolean;
  /** Release what a drawing holds (observers, handles) before it is replaced or unloaded. */
  teardown?(): void;
  /** Cheap pre-check: can this change affect what is shown? Defaults to yes. */
  affects?(change: LiveChange): boolean;
}

export interface LiveHandle {
  /** Re-draw now if the fingerprint changed (or always, with `force`). */
  refresh(force?: boolean): void;
}

/** What a view shows until its first prepare is done (a prepare done in its own task is never painted). */
export const BUILDING_TEXT = 'Building views…';

export function keepLive(owner: Component, el: HTMLElement, indexer: VaultIndexer, source: LiveSource): LiveHandle {
  let shown: string | null = null;
  let dirty = false;
  let frame: number | null = null;
  let closed = false;

  const show = (force: boolean) => {
    const fingerprint = source.fingerprint();
    if (!force && fingerprint === shown) return;
    const first = shown === null;
    shown = fingerprint;
    if (!first && !force && source.update?.()) return;
    source.teardown?.();
    el.empty();
    source.draw(el);
  };
  let placeholder: HTMLElement | null = null;
  const prepared = preparedShow(source, () => closed || indexer.stopped, show, () => {
    if (shown === null && !placeholder?.isConnected) placeholder = el.createDiv({ cls: 'maturity-map-pending', text: BUILDING_TEXT });
  });

  const refresh = (force = false) => {
    if (closed) return;
    if (!force && shown !== null && !el.isShown()) {
      dirty = true;
      return;
    }
    dirty = false;
    prepared(force);
  };

  const schedule = () => {
    if (frame !== null) return;
    frame = window.requestAnimationFrame(() => {
      frame = null;
      refresh();
    });
  };

  owner.registerEvent(
    indexer.onChange((change) => {
      if (source.affects && !source.affects(change)) return;
      schedule();
    }),
  );
  owner.register(() => {
    closed = true;
    if (frame !== null) window.cancelAnimationFrame(frame);
    source.teardown?.();
  });
  if (typeof window.IntersectionObserver === 'function') {
    const observer = new window.IntersectionObserver((entries) => {
      if (dirty && entries.some((entry) => entry.isIntersecting)) refresh();
    });
    observer.observe(el);
    owner.register(() => observer.disconnect());
  }
  refresh(true);
  return { refresh };
}

/**
 * `show` after the source's prepare (at once where it has none). One prepare runs at a time: a
 * refresh asked for meanwhile stops it at its next slice (what it would show is already out of
 * date: a newer sort, an edit) and runs another; views it built stay built. `pending` marks the
 * element while the first one runs.
 */
function preparedShow(source: LiveSource, cancelled: () => boolean, show: (force: boolean) => void, pending: () => void): (force: boolean) => void {
  if (!source.prepare) return show;
  const prepare = async (cancelled: () => boolean) => {
    const yieldsBefore = yieldCount();
    const ready = await source.prepare!(cancelled);
    // A prepare that went on across tasks ends in a slice that may have spent its time: the draw
    // gets a task of its own. One that fit in its first slice draws in it (an edit's redraw).
    if (!ready || yieldCount() === yieldsBefore || cancelled()) return ready;
    await yieldToUI();
    return !cancelled();
  };
  let running = false;
  /** A refresh asked for while a prepare ran: null for none, else whether it was forced. */
  let queued: boolean | null = null;
  const run = (force: boolean): void => {
    if (running) {
      queued = (queued ?? false) || force;
      return;
    }
    running = true;
    pending();
    prepare(() => cancelled() || queued !== null).then(
      (ready) => {
        running = false;
        if (cancelled()) return;
        const again = queued;
        queued = null;
        if (ready && again === null) show(force);
        else run(force || again === true);
      },
      (err: unknown) => {
        running = false;
        console.error('Maturity Map: a view could not be prepared.', err);
      },
    );
  };
  return run;
}

const fingerprints = new WeakMap<MaturityComponent, string>();

/** The component's whole view as a string; the index caches components, so this is computed once per edit. */
export function componentFingerprint(component: MaturityComponent): string {
  let value = fingerprints.get(component);
  if (value === undefined) {
    value = JSON.stringify(component);
    fingerprints.set(component, value);
  }
  return value;
}

/** What a view shows about other components it mentions: their names and stages. */
export function neighbourFingerprint(index: MaturityIndex, ids: Iterable<string>): string {
  const parts: string[] = [];
  for (const id of ids) {
    const entry = index.entry(id);
    // Whether it is a component, from the stage lists: asking for its view would build it.
    const stage = entry?.note.stage?.id ?? null;
    parts.push(`${id}\u0000${entry?.identity.name ?? ''}\u0000${stage ?? ''}\u0000${entry && index.idsAtStage(stage).has(id) ? 1 : 0}`);
  }
  return parts.join('\u0001');
}

/** True when the change touches one of `ids` (or is a rebuild or a new day). */
export function touches(change: LiveChange, ids: Iterable<string>): boolean {
  if (change.reason === 'build' || change.reason === 'day') return true;
  const touched = new Set([...change.changed, ...change.removed]);
  for (const id of ids) if (touched.has(id)) return true;
  return false;
}

/**
 * What lists, boards and graphs show about a component (not its whole note), so an edit elsewhere
 * in the note does not redraw them.
 */
export function summaryFingerprint(component: MaturityComponent): string {
  let value = summaries.get(component);
  if (value === undefined) {
    value = summaryOf(component);
    summaries.set(component, value);
  }
  return value;
}

/** Views are kept until an edit changes them: a dashboard over 10k compares 10k kept strings, not 10k new ones. */
const summaries = new WeakMap<MaturityComponent, string>();

function summaryOf(component: MaturityComponent): string {
  const note = component.note;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of component.diagnostics) counts[d.severity]++;
  return JSON.stringify([
    component.id,
    component.name,
    note.stage?.id ?? null,
    note.stage?.qualifier ?? '',
    note.stage?.blocked ?? false,
    note.transitions.map((t) => [t.from, t.to, t.met, t.total, t.claim?.met ?? null, t.claim?.total ?? null]),
    note.owner?.value ?? null,
    note.group?.value ?? null,
    note.lastUpdated?.value ?? null,
    note.tags,
    note.blockers.map((b) => [b.status, b.severity, b.targetStage]),
    component.stale,
    component.ageDays,
    counts,
    component.dependencies.map((d) => d.id ?? d.name),
    component.dependents,
  ]);
}
