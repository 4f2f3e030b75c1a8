// What any reader pays to hand the index the model it keeps, whatever reads the notes: each kept
// string made as the parse makes it (a slice of the note, shared through `intern`) and each note's
// object graph built. Issue #20 item 3 sets the cold index against this: the parse's cost above
// the floor is its reading; the floor itself only a leaner model would lower. A reference, not a
// reader: where a kept string is not in the note as written (plain() changed it), a slice of its
// length stands in.
import type { MaturityNote } from '../src/core/model';
import { intern } from '../src/core/intern';

/** Every note's kept strings as (offset, length) pairs into its text, and its parsed model. */
export interface ModelFloorInput {
  texts: string[];
  spans: Int32Array[];
  notes: MaturityNote[];
  strings: number;
  objects: number;
}

export function modelFloorInput(texts: string[], notes: MaturityNote[]): ModelFloorInput {
  const input: ModelFloorInput = { texts, spans: [], notes, strings: 0, objects: 0 };
  notes.forEach((note, i) => {
    const spans: number[] = [];
    collect(input, note, texts[i]!, spans, new Set());
    input.spans.push(Int32Array.from(spans));
  });
  return input;
}

function collect(input: ModelFloorInput, value: unknown, text: string, spans: number[], seen: Set<unknown>): void {
  if (typeof value === 'string') {
    if (value.length < 2) return; // one-character strings are shared by V8
    input.strings++;
    const at = text.indexOf(value);
    spans.push(at === -1 ? 0 : at, Math.min(value.length, text.length));
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  input.objects++;
  for (const v of Array.isArray(value) ? value : Object.values(value)) collect(input, v, text, spans, seen);
}

/** Each kept string made: sliced from its note and shared (the parse's own `intern`). */
export function makeStrings(input: ModelFloorInput): number {
  let chars = 0;
  for (let i = 0; i < input.spans.length; i++) {
    const text = input.texts[i]!;
    const spans = input.spans[i]!;
    for (let j = 0; j < spans.length; j += 2) chars += intern(text.slice(spans[j]!, spans[j]! + spans[j + 1]!)).length;
  }
  return chars;
}

/** Each note's object graph built anew (its strings reused): objects and arrays as the model has them. */
export function makeObjects(input: ModelFloorInput): number {
  let lines = 0;
  for (const note of input.notes) lines += (copyGraph(note) as MaturityNote).lineCount;
  return lines;
}

/** A copy of a note's objects and arrays sharing none of them (strings and numbers kept). */
export function copyGraph(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = copyGraph(value[i]);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key in record) copy[key] = copyGraph(record[key]);
  return copy;
}
