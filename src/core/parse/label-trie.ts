// Field labels looked up by their characters, as written: `**Current  Stage**` walks c-u-r-…
// through a tree of the vocabulary's labels, folding case and spacing on the way, instead of
// building the label's normal form (`current stage`) and hashing that fresh string in a map.
// It answers for labels of plain ASCII; anything else is left to the normal form.
import type { VocabularyKey } from './vocabulary';

/**
 * The tree as flat tables, so a step is two array reads: `classOf` gives a character code below
 * 128 its column (0: no label holds it), `next[state * columns + column]` the next state (0:
 * none; state 0 is the root and never a target). A tree of nested maps cost as much to walk as
 * the normal form's hashing it was to save.
 */
export interface LabelTrie {
  readonly classOf: Uint8Array;
  readonly columns: number;
  readonly next: Int32Array;
  /** Per state: the index into `ends` of the label that ends there, or -1. */
  readonly endAt: Int32Array;
  /** Per state: 1 where a prefix label (`promoted to `) ends. */
  readonly prefixAt: Uint8Array;
  readonly ends: readonly TrieLabel[];
}

/**
 * A label the tree knows: what the field map would answer for it (made once, shared by every line
 * that writes the label) and its normal form, the one string every note shares.
 */
export interface TrieLabel {
  readonly known: { readonly key: VocabularyKey; readonly rest: '' };
  readonly label: string;
}

/** The tree cannot tell: the label holds a character beyond ASCII, or runs past a prefix label. */
export const ASK_NORMAL_FORM = 'normal form';

/**
 * The tree of normal-form labels (`current stage` → key) and prefix labels (`promoted to `), as
 * vocabulary-compile.ts makes them. The first key given for a label keeps it, as in the map.
 * Labels with characters beyond ASCII are left out: findLabel never walks those characters.
 */
export function compileLabelTrie(fields: ReadonlyMap<string, VocabularyKey>, prefixes: readonly string[]): LabelTrie {
  const words = [...fields.keys(), ...prefixes].filter(isAscii);
  const classOf = new Uint8Array(128);
  let columns = 1;
  for (const word of words) for (let i = 0; i < word.length; i++) if (classOf[word.charCodeAt(i)] === 0) classOf[word.charCodeAt(i)] = columns++;
  const states = 1 + words.reduce((sum, word) => sum + word.length, 0);
  const trie = { classOf, columns, next: new Int32Array(states * columns), endAt: new Int32Array(states).fill(-1), prefixAt: new Uint8Array(states), ends: [] as TrieLabel[] };
  let made = 1;
  const walkTo = (word: string): number => {
    let at = 0;
    for (let i = 0; i < word.length; i++) {
      const slot = at * columns + classOf[word.charCodeAt(i)]!;
      if (trie.next[slot] === 0) trie.next[slot] = made++;
      at = trie.next[slot]!;
    }
    return at;
  };
  for (const [label, key] of fields) {
    if (!isAscii(label)) continue;
    const end = walkTo(label);
    if (trie.endAt[end] === -1) trie.endAt[end] = trie.ends.push({ known: { key, rest: '' }, label }) - 1;
  }
  for (const prefix of prefixes) if (isAscii(prefix)) trie.prefixAt[walkTo(prefix)] = 1;
  return trie;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

function isMarker(c: number): boolean {
  return c === 42 || c === 95 || c === 96; // * _ `: dropped from labels
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * The label `raw` names, as normaliseLabel then the field map would find it: markers dropped,
 * spacing trimmed and folded to one space, ASCII lower-cased. Null for a label the vocabulary
 * does not know; ASK_NORMAL_FORM where the tree cannot tell (see above).
 */
export function findLabel(trie: LabelTrie, raw: string): TrieLabel | null | typeof ASK_NORMAL_FORM {
  const { classOf, columns, next } = trie;
  let at = 0;
  let started = false;
  let space = false;
  let pastPrefix = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isMarker(c)) continue;
    if (isAsciiSpace(c)) {
      space = started;
      continue;
    }
    if (c > 127) return ASK_NORMAL_FORM;
    if (space) {
      at = next[at * columns + classOf[32]!]!;
      space = false;
      if (at === 0) return pastPrefix ? ASK_NORMAL_FORM : null;
      if (trie.prefixAt[at] === 1) pastPrefix = true;
    }
    started = true;
    const column = classOf[c >= 65 && c <= 90 ? c | 32 : c]!;
    at = column === 0 ? 0 : next[at * columns + column]!;
    if (at === 0) return pastPrefix ? ASK_NORMAL_FORM : null;
  }
  const end = trie.endAt[at]!;
  if (end !== -1) return trie.ends[end]!;
  return pastPrefix ? ASK_NORMAL_FORM : null;
}
