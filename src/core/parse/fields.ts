// `**Key**: value` lines in all the forms people write them, and which vocabulary key a label
// belongs to.
import { intern } from '../intern';
import type { VocabularyKey } from './vocabulary';
import { normaliseLabel, type CompiledVocabulary } from './vocabulary-compile';
import { ASK_NORMAL_FORM, findLabel } from './label-trie';
import { SHORTCUTS } from './shortcuts';

export interface Field {
  /** Lower-case key without decoration, e.g. "current stage". */
  key: string;
  /** The value as written after the separator (may still hold Markdown). */
  value: string;
}

/** A field line as the reader takes it: the vocabulary key its label names (null: a label the vocabulary does not know). */
export type FieldLine = { value: string } & ({ known: KnownField; key: string } | { known: null; key: null });

/**
 * Read a field from a line: `**Key**: value`, `**Key:** value`, `__Key__: value`,
 * `**Key** (note): value`; with `plainKeys`, also `Key: value` for short keys.
 */
export function readField(text: string, plainKeys: boolean): Field | null {
  const parts = splitField(text, plainKeys);
  return parts && { key: normaliseKey(parts.label), value: parts.value };
}

/**
 * readField, and the vocabulary key its label names, looked up by the label's characters
 * (label-trie.ts). `key` is the label's normal form, shared by every note that writes it.
 */
export function readFieldLine(vocabulary: CompiledVocabulary, text: string, plainKeys: boolean): FieldLine | null {
  const parts = splitField(text, plainKeys);
  if (!parts) return null;
  const found = SHORTCUTS.labelTrie ? findLabel(vocabulary.labels, parts.label) : ASK_NORMAL_FORM;
  if (found === null) return { value: parts.value, known: null, key: null };
  if (found !== ASK_NORMAL_FORM) return { value: parts.value, known: found.known, key: found.label };
  const key = normaliseKey(parts.label);
  const known = lookupField(vocabulary, key);
  return known ? { value: parts.value, known, key: intern(key) } : { value: parts.value, known: null, key: null };
}

/** A field line's label as written (markers and spacing still in it) and its value. */
function splitField(text: string, plainKeys: boolean): { label: string; value: string } | null {
  if (text.length < 2) return null; // no key and colon fit (and nothing is read out of bounds)
  let s = text;
  // Leading emoji or status marks before the key: "✅ **Status**: …".
  if (s.charCodeAt(0) > 127) {
    s = s.replace(/^[^\w*_]+\s*/u, '');
    if (s.length < 2) return null;
  }
  const c0 = s.charCodeAt(0);
  if ((c0 === 42 && s.charCodeAt(1) === 42) || (c0 === 95 && s.charCodeAt(1) === 95)) return splitEmphasisedField(s);
  if (!plainKeys) return null;
  const colon = s.indexOf(':');
  if (colon <= 0 || colon > 40) return null;
  const key = s.slice(0, colon);
  if (!/^[A-Za-z][A-Za-z0-9 ()/-]*$/.test(key)) return null;
  if (colon + 1 < s.length && s.charCodeAt(colon + 1) === 58) return null; // `key:: value` is a Logseq property, not a field
  return { label: key, value: s.slice(colon + 1).trim() };
}

/** `**Key**: value`, `**Key:** value`, `__Key__: value`, `**Key** (note): value`. */
function splitEmphasisedField(s: string): { label: string; value: string } | null {
  const marker = s.slice(0, 2);
  const close = s.indexOf(marker, 2);
  if (close === -1 || close > 120) return null;
  let key = s.slice(2, close).trim();
  let rest = s.slice(close + 2);
  if (key.endsWith(':')) {
    key = key.slice(0, -1).trim();
  } else {
    // `**Key** (bandit):` or `**Key**:` — the colon follows the bold part.
    if (rest.length > 0 && rest.charCodeAt(0) === 58 /* : */) rest = rest.slice(1);
    else {
      const m = /^\s*(?:\([^)]{0,60}\)\s*)?:/.exec(rest);
      if (!m) return null;
      rest = rest.slice(m[0].length);
    }
  }
  if (key === '' || key.includes('**')) return null;
  return { label: key, value: rest.trim() };
}

function normaliseKey(key: string): string {
  return normaliseLabel(key);
}

/** A field line's vocabulary key, and for `**Promoted to Staging**:` the text after the label. */
export interface KnownField {
  key: VocabularyKey;
  /** The rest of the label after a prefix label (`staging` in `promoted to staging`), else ''. */
  rest: string;
}

/**
 * The vocabulary key a field label belongs to, or null for a label the vocabulary does not know.
 * `blockerResolution` is known under a blocker entry only (see field-table.ts).
 */
export function lookupField(vocabulary: CompiledVocabulary, key: string): KnownField | null {
  const known = vocabulary.fields.get(key);
  if (known !== undefined) return { key: known, rest: '' };
  for (const prefix of vocabulary.promotedTo) if (key.startsWith(prefix)) return { key: 'promotedTo', rest: key.slice(prefix.length) };
  return null;
}
