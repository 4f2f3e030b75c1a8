// Plain data written flat into one array (a tape) and read back as it was. An object on a tape
// costs only its values: no object header, no property slots, and its flags, small choices and
// its one integer (a line number) share one number. A note's checklist items, figures and history
// take about a third of the heap as tape that they take as objects (see compact-note.ts).
//
// A codec writes a value's parts in a fixed order and reads them back in the same order; a record
// is rebuilt with its keys in the order declared, which is the order the parser makes them in, so
// a value read back prints and compares as the one written.

import { NONE, shrinkToFit } from './exact-array';

export type Tape = unknown[];

export interface TapeReader {
  readonly tape: readonly unknown[];
  at: number;
}

/**
 * Where a codec writes: `tape[at]` on. A note's parts are written into one scratch tape reused
 * from note to note and copied out at their length (writeTape): a tape grown by push() for each
 * note reallocated its store as it grew, ~40 MB of copies for a 10k-note vault's 15 MB of tapes.
 */
export interface TapeWriter {
  tape: unknown[];
  at: number;
}

export interface Codec<T> {
  put(value: T, writer: TapeWriter): void;
  take(reader: TapeReader): T;
  /** Its first place is never null (a record's packed number), so a null there can mean "none". */
  readonly leadsWithNumber?: boolean;
}

/** The value itself in one place: strings, numbers, booleans, null (shared strings stay shared). */
export function slot<T>(): Codec<T> {
  return {
    put: (value, writer) => void (writer.tape[writer.at++] = value),
    take: (reader) => reader.tape[reader.at++] as T,
  };
}

export function list<T>(item: Codec<T>): Codec<T[]> {
  return {
    put(values, writer) {
      writer.tape[writer.at++] = values.length;
      // Indexed: `for…of` here made an iterator result a value (12 MB for a 10k-note vault).
      for (let i = 0; i < values.length; i++) item.put(values[i]!, writer);
    },
    take(reader) {
      const length = reader.tape[reader.at++] as number;
      if (length === 0) return NONE;
      // Pushed, then copied to its length: the parser's lists are built so (exact-array.ts), and a
      // list made by `new Array(n)` stays "holey" in V8, which left code reading both kinds slower.
      const out: T[] = [];
      for (let i = 0; i < length; i++) out.push(item.take(reader));
      return shrinkToFit(out);
    },
  };
}

export function maybe<T>(inner: Codec<T>): Codec<T | null> {
  if (inner.leadsWithNumber) {
    return {
      put: (value, writer) => (value === null ? void (writer.tape[writer.at++] = null) : inner.put(value, writer)),
      take: (reader) => (reader.tape[reader.at] === null ? (reader.at++, null) : inner.take(reader)),
    };
  }
  return {
    put(value, writer) {
      writer.tape[writer.at++] = value !== null;
      if (value !== null) inner.put(value, writer);
    },
    take: (reader) => (reader.tape[reader.at++] === true ? inner.take(reader) : null),
  };
}

/** A record whose keys vary (metric name → figure): its keys in their order, each with its value. */
export function keyed<T>(value: Codec<T>): Codec<Partial<Record<string, T>>> {
  return {
    put(record, writer) {
      // Its count goes first and is known last: walked once, not listed (Object.keys made an
      // array a record). Own keys only, as Object.keys gives them.
      const countAt = writer.at++;
      let count = 0;
      for (const key in record) {
        if (!Object.hasOwn(record, key)) continue;
        writer.tape[writer.at++] = key;
        value.put(record[key]!, writer);
        count++;
      }
      writer.tape[countAt] = count;
    },
    take(reader) {
      const out: Partial<Record<string, T>> = {};
      const count = reader.tape[reader.at++] as number;
      for (let i = 0; i < count; i++) {
        const key = reader.tape[reader.at++] as string;
        out[key] = value.take(reader);
      }
      return out;
    },
  };
}

/**
 * How a record's field is kept: in a place of its own (a codec), or packed into the record's one
 * number: a boolean (`flag`), one of a few known values (`choice`; any other value gets a place of
 * its own), or the record's non-negative integer (`int`, at most one a record).
 */
export type FieldKind = Codec<unknown> | 'flag' | 'int' | { readonly choice: readonly unknown[] };

interface PackedField {
  key: string;
  kind: 'flag' | 'int' | 'choice' | 'codec';
  codec: Codec<unknown> | null;
  choices: readonly unknown[];
  /** The field's place value in the packed number (flags and choices), and how many values it takes. */
  scale: number;
  width: number;
}

function describe(fields: ReadonlyArray<readonly [string, FieldKind]>): { list: PackedField[]; scale: number; packs: boolean } {
  let scale = 1;
  let packs = false;
  const list = fields.map(([key, kind]): PackedField => {
    const field: PackedField = { key, kind: 'codec', codec: null, choices: [], scale, width: 1 };
    if (kind === 'flag') Object.assign(field, { kind: 'flag', width: 2 });
    else if (kind === 'int') Object.assign(field, { kind: 'int' });
    else if ('choice' in kind) Object.assign(field, { kind: 'choice', choices: kind.choice, width: kind.choice.length + 1 });
    else field.codec = kind;
    if (field.kind !== 'codec') packs = true;
    scale *= field.width;
    return field;
  });
  return { list, scale, packs };
}

/**
 * A record with the given fields, in this order. `make` builds it from their values in that order,
 * as an object literal: an object given its properties one computed key at a time takes a quarter
 * more memory in V8 than one made whole. `split` is its mirror: the record's values, in the same
 * order, written into `out` by name. One site reading every record's fields by computed key
 * (`value[field.key]`) sees every kind of record and every key, and such reads were a fifth of the
 * cold index's own work; each record's `split` reads one kind of object.
 */
export function record<T extends object>(
  fields: ReadonlyArray<readonly [keyof T & string, FieldKind]>,
  make: (values: readonly unknown[]) => T,
  split: (value: T, out: unknown[]) => void,
): Codec<T> {
  const { list: described, scale: intScale, packs } = describe(fields);
  const intAt = described.findIndex((f) => f.kind === 'int');
  // Reused record to record: a record's fields are read from it before the next record of its
  // kind is split into it, and no record holds one of its own kind.
  const values: unknown[] = described.map(() => undefined);
  return {
    leadsWithNumber: packs,
    put(value, writer) {
      split(value, values);
      const at = writer.at;
      if (packs) writer.tape[writer.at++] = 0;
      let packed = 0;
      for (let i = 0; i < described.length; i++) {
        const field = described[i]!;
        const v = values[i];
        if (field.kind === 'flag') packed += (v === true ? 1 : 0) * field.scale;
        else if (field.kind === 'choice') {
          const code = field.choices.indexOf(v) + 1;
          packed += code * field.scale;
          if (code === 0) writer.tape[writer.at++] = v;
        } else if (field.kind === 'codec') field.codec!.put(v, writer);
      }
      if (intAt >= 0) {
        const n = values[intAt];
        const fits = typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && Number.isSafeInteger(n * intScale + packed);
        // An integer that does not fit keeps its own pair: [value, the rest packed].
        writer.tape[at] = fits ? n * intScale + packed : [n, packed];
      } else if (packs) writer.tape[at] = packed;
    },
    take(reader) {
      let packed = 0;
      let n: unknown = undefined;
      if (packs) {
        const head = reader.tape[reader.at++];
        if (typeof head === 'number') {
          packed = intAt >= 0 ? head % intScale : head;
          n = intAt >= 0 ? (head - packed) / intScale : undefined;
        } else [n, packed] = head as [unknown, number];
      }
      const taken = new Array<unknown>(described.length);
      for (let i = 0; i < described.length; i++) {
        const field = described[i]!;
        if (field.kind === 'codec') taken[i] = field.codec!.take(reader);
        else if (field.kind === 'int') taken[i] = n;
        else {
          const code = Math.floor(packed / field.scale) % field.width;
          if (field.kind === 'flag') taken[i] = code === 1;
          else taken[i] = code === 0 ? reader.tape[reader.at++] : field.choices[code - 1];
        }
      }
      return make(taken);
    },
  };
}

/** What `write` puts on a tape, as a tape of its own length (see TapeWriter). */
export function writeTape(write: (writer: TapeWriter) => void): Tape {
  const writer = scratch;
  writer.at = 0;
  write(writer);
  const tape = writer.tape.slice(0, writer.at);
  // A very long note's scratch is not kept: the next note starts a new one.
  if (writer.tape.length > SCRATCH_KEPT) scratch.tape = [];
  return tape;
}

const scratch: TapeWriter = { tape: [], at: 0 };
const SCRATCH_KEPT = 1 << 16;
