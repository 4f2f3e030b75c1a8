// Strings a note keeps, copied out of the note's text so they keep nothing else alive, and
// shared where a vault repeats them (criteria, headings, values written from one template).
import { lazy } from './lazy';

/**
 * Copy a substring so it does not keep the whole note text alive in memory. Notes written from
 * one template repeat the same criteria, headings and values, so short strings are shared: one
 * copy for every note that says it. The table holds two generations of a bounded size, so
 * strings that stop recurring drop out of it.
 */
export function intern(text: string): string {
  if (text.length < 2) return text; // V8 shares one-character strings
  if (text.length > INTERN_MAX_LENGTH) return copy(text);
  let shared = internYoung.get(text);
  if (shared !== undefined) return shared;
  // Short values ("ms", "P0", "Staging") recur most.
  shared = internOld.get(text) ?? copy(text);
  if (internYoung.size >= INTERN_LIMIT) {
    internOld = internYoung;
    internYoung = new Map();
  }
  internYoung.set(shared, shared);
  return shared;
}

/**
 * A flat copy of a string built by concatenation, for one that is kept but seldom repeated (no
 * look-up in the shared table, which it would only crowd). V8 keeps `a + b` and template
 * literals as chains of 32-byte nodes that hold on to every part.
 */
export function flatten(text: string): string {
  return text.length < 13 ? text : copy(text);
}

/**
 * A flat copy of a string that keeps no other string alive, one byte a character when it can be.
 * V8 makes a substring of 13 characters or more a view into its parent (32 bytes on top of the
 * parent it keeps); joining two parts builds one new sequential string. A note holding one `✅` is
 * stored two bytes a character, and so is every substring and join of it, though most of them
 * are plain ASCII: decoding the string's UTF-8 bytes stores them one byte a character (−3.6 MB of
 * the 10k index's 12.5 MB of such strings), at a third of the cost of building the string from
 * its character codes. Lone surrogates would not survive UTF-8, so those strings are joined.
 */
function copy(text: string): string {
  const codec = text.length > COPY_BUFFER_CHARS || LONE_SURROGATE_POSSIBLE.test(text) ? null : utf8();
  if (codec === null) return text.length < 13 ? text : [text.slice(0, 1), text.slice(1)].join('');
  const buffer = copyBuffer();
  const { written } = codec.encoder.encodeInto(text, buffer);
  return codec.decoder.decode(buffer.subarray(0, written));
}

const COPY_BUFFER_CHARS = 4096;
/** Room for the UTF-8 of any string of COPY_BUFFER_CHARS UTF-16 units without surrogates. */
const copyBuffer = lazy(() => new Uint8Array(3 * COPY_BUFFER_CHARS));

/**
 * A UTF-8 encoder and decoder, made on first use, so loading the core needs no global beyond the
 * language's own; null where the host has none. The decoder keeps a leading U+FEFF (`ignoreBOM`):
 * it is part of the text, not a byte-order mark to drop.
 */
export const utf8 = lazy((): { encoder: TextEncoder; decoder: TextDecoder } | null => {
  const web = globalThis as { TextEncoder?: typeof TextEncoder; TextDecoder?: typeof TextDecoder };
  if (!web.TextEncoder || !web.TextDecoder) return null;
  return { encoder: new web.TextEncoder(), decoder: new web.TextDecoder('utf-8', { ignoreBOM: true }) };
});

/** Any surrogate, paired (an astral emoji, kept two bytes a character anyway) or not. */
const LONE_SURROGATE_POSSIBLE = /[\ud800-\udfff]/;

const INTERN_LIMIT = 8192;
const INTERN_MAX_LENGTH = 120;
let internYoung = new Map<string, string>();
let internOld = new Map<string, string>();

/** Empty the shared strings (benchmarks: the heap an index needs, its shared strings included). */
export function forgetInterned(): void {
  internYoung = new Map();
  internOld = new Map();
}
