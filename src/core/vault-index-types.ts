// The vault index's public shapes: what it keeps per note, what an edit reports, and its API.
import type { MaturitySettings, MaturityConfig } from './settings/index';
import type { ComponentReason } from './identity';
import type { Component, Diagnostic, MaturityNote, NoteIdentity, StageId } from './model';
import type { Pipeline } from './stages';
import type { NoteKeys } from './index-notes';
import type { LinkResolution } from './link-resolution';

export interface IndexEntry {
  path: string;
  /** The parsed note; one shared, frozen empty note for notes the first look turned away. */
  note: MaturityNote;
  /** Its name and keys (no keys for notes the first look turned away: keys reach components). */
  identity: NoteIdentity;
  reason: ComponentReason | null;
}

export interface IndexChange {
  revision: number;
  /** Component ids whose view may have changed (added, edited, re-resolved, dependents). */
  changed: string[];
  /** Component ids that are no longer components. */
  removed: string[];
  /** True when a rename needs the note's text to classify it again. */
  needsText?: boolean;
}

export interface MaturityIndex {
  readonly config: MaturityConfig;
  readonly pipeline: Pipeline;
  revision(): number;
  upsert(path: string, text: string): IndexChange;
  /**
   * Add or replace a note made elsewhere (a worker, a cache) by `prepareNote` with the same settings.
   * With `keys` (what `noteKeys` gave for that note and path, kept by the host), the note is not
   * classified or identified again: a warm start from a cache reads no more of it than the index needs.
   */
  upsertNote(path: string, note: MaturityNote, keys?: NoteKeys): IndexChange;
  remove(path: string): IndexChange;
  rename(from: string, to: string, text?: string): IndexChange;
  /**
   * Edits between beginBatch and endBatch are reported once, by endBatch (and to subscribers):
   * the calls inside return an empty change. Names shared by many notes are worked out once per
   * batch instead of once per note, so a cold build is linear. Reads inside a batch see every
   * edit made so far. Batches nest; only the outermost endBatch reports.
   */
  beginBatch(): void;
  endBatch(): IndexChange;
  /** beginBatch, `fn`, endBatch. */
  batch(fn: () => void): IndexChange;
  has(path: string): boolean;
  entry(path: string): IndexEntry | undefined;
  /** Component ids, sorted by name. */
  ids(): string[];
  component(id: string): Component | undefined;
  /**
   * The same view, for one use: a view the index keeps is returned as it is, a missing one is
   * built and not kept, and a compact or cached note is read back for it alone. For a one-shot
   * walk over every component (the CLI's reports), which then holds one view at a time.
   */
  componentOnce(id: string): Component | undefined;
  components(): Component[];
  /** Components whose stage is `stage` (`null` for unknown). */
  idsAtStage(stage: StageId | null): ReadonlySet<string>;
  /** The same ids in name order (the order of `ids()`); the list is rebuilt after a change. */
  idsAtStageByName(stage: StageId | null): readonly string[];
  /** Dependency edges between components (dependent → dependency ids). */
  edges(): ReadonlyMap<string, readonly string[]>;
  cycles(): string[][];
  /**
   * The cycle `id` lies on (its ids sorted), or null. Searches only what `id` reaches, and what
   * it finds serves later calls and `cycles()`: a host can find every cycle a slice at a time.
   */
  cycleOf(id: string): string[] | null;
  /** Diagnostics about the vault as a whole (cycles, unreadable files). */
  vaultDiagnostics(): Diagnostic[];
  /**
   * A file the host could not read (too large, binary, not UTF-8, a read error): its note, if any,
   * leaves the index, and a `file-unreadable` diagnostic stands until the path is upserted or removed.
   */
  skip(path: string, reason: string): IndexChange;
  /** Find a component by name, alias or path (case-insensitive). */
  lookup(name: string): string | null;
  /** What link resolution produced for every component, to keep beside a cache (link-resolution.ts). */
  linkResolution(): LinkResolution;
  /**
   * Hand back a resolution kept when the notes were exactly those about to be added (same texts,
   * settings and parser: the host knows, the index cannot): components attached until
   * `adoptLinkResolution(null)` take their resolved dependencies from it instead of resolving
   * them. What does not fit it (a component it does not know, one whose kept targets did not
   * come back) resolves as usual at the next settle. `namesLater`: the components that take it
   * put their name, alias and path keys in the key index only when `placeNameKeys` or a reader of
   * it (a lookup, an edit, a resolution) asks (link-keys.ts): for a host that announces ready first.
   */
  adoptLinkResolution(resolution: LinkResolution | null, options?: { namesLater?: boolean }): void;
  /** Put the keys a `namesLater` adoption left waiting into the key index until `spent()`; true once all are in. */
  placeNameKeys(spent: () => boolean): boolean;
  setToday(today: string): void;
  today(): string;
  subscribe(listener: (change: IndexChange) => void): () => void;
}

export interface IndexOptions extends MaturitySettings {
  /** ISO date used for staleness; defaults to the local date when views are built. */
  today?: string;
  /**
   * The cheap first look that spares non-components the full parse (src/core/first-look.ts):
   * on by default; `false` parses every note (the differential tests compare both).
   */
  firstLook?: boolean;
  /**
   * Keep each component's view-only parts (criteria, figures, history, blockers) on a tape
   * (src/core/compact-note.ts): a third less heap for the index, read back when a view is first
   * built. A note upserted again (an edit) stays whole: its view is rebuilt at once. On by
   * default, for hosts that keep an index for a session; the CLI, which builds every view once
   * and exits, turns it off. Off, the views also keep the strings they build as they are, instead
   * of flat copies shared between views (readiness/keep.ts), which only a long session repays.
   */
  compactNotes?: boolean;
}
