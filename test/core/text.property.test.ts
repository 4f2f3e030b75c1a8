// The text helpers skip their regexes when a cheap scan shows they cannot change the text. These
// properties pin the fast paths to the plain regex forms they replace, character for character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValid, parseISO } from 'date-fns';
import { collapse, findIsoDate, plain, stripEmoji } from '../../src/core/text';
import { flatten, forgetInterned, intern } from '../../src/core/intern';

// The helpers as they were before the fast paths: the specification.
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\uFE0F|\u200D|\u20E3/gu;
// Link text stops at the next bracket (security branch: the earlier `[^\]]*` forms rescanned the
// rest of a line from every `[` of `[[[[…`, quadratic on hostile notes).
const WIKI_LINK = /\[\[([^\][|]*)(?:\|([^\][]*))?\]\]/g;
const MD_LINK = /\[([^\][]*)\]\((?:[^()]|\([^()]*\))*\)/g;
const slowEmoji = (text: string) => ([...text].some((c) => c.charCodeAt(0) > 127) ? text.replace(EMOJI, '') : text);
const slowCollapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const slowEmphasis = (s: string) =>
  s
    .replace(/\*\*(?=\S)([^*]*?\S)?\*\*/g, '$1')
    .replace(/~~(?=\S)([^~]*?\S)?~~/g, '$1')
    .replace(/(^|[^\w])__(?=\S)([^_]*?\S)__(?=$|[^\w])/g, '$1$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,:;!?])/g, '$1$2')
    .replace(/\*\*/g, '');
function slowPlain(text: string): string {
  let s = text;
  if (s.indexOf('[') !== -1) {
    s = s.replace(WIKI_LINK, (_m, target: string, alias?: string) => alias ?? target);
    s = s.replace(MD_LINK, (_m, label: string) => label);
  }
  if (s.indexOf('`') !== -1) {
    s = s
      .split('`')
      .map((part, i) => (i % 2 === 1 ? part : slowEmphasis(part)))
      .join('');
  } else if (s.indexOf('*') !== -1 || s.indexOf('_') !== -1 || s.indexOf('~') !== -1) {
    s = slowEmphasis(s);
  }
  return slowCollapse(slowEmoji(s));
}

const SPACES = [' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\u0085', '\u180e'];
const MARKUP = ['*', '**', '_', '__', '~~', '`', '[[', ']]', '|', '[', ']', '(', ')', ':', '.', '#'];
const SYMBOLS = ['✅', '❌', '⚠️', '→', '≥', '🔨', '🇩🇪', '\u200d', '\u20e3', '©', '™', '↔', '⌚', 'é', 'ß', '中', '\ud83d'];
const WORDS = ['a', 'Stage', 'x', '7', 'of', 'Neo4j', 'snake_case'];
const piece = fc.constantFrom(...SPACES, ...MARKUP, ...SYMBOLS, ...WORDS);
const line = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

describe('text fast paths', () => {
  it('collapse equals the \\s+ replace and trim', () => {
    fc.assert(fc.property(line, (s) => {
      expect(collapse(s)).toBe(slowCollapse(s));
    }), { numRuns: 5000 });
    for (let c = 0; c < 0x10000; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      expect(collapse(s), `U+${c.toString(16)}`).toBe(slowCollapse(s));
    }
  });

  it('stripEmoji equals the regex replace, for every BMP character', () => {
    for (let c = 0x80; c < 0x10000; c++) {
      const s = `x${String.fromCharCode(c)}y`;
      expect(stripEmoji(s), `U+${c.toString(16)}`).toBe(slowEmoji(s));
    }
    fc.assert(fc.property(line, (s) => {
      expect(stripEmoji(s)).toBe(slowEmoji(s));
    }), { numRuns: 5000 });
  });

  it('plain equals the plain regex pipeline around every BMP character', () => {
    for (let c = 0x7f; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [`a${ch}b`, `Unit tests (${ch}70% coverage)`, `${ch}`]) expect(plain(s), `U+${c.toString(16)} in ${s}`).toBe(slowPlain(s));
    }
  });

  it('plain equals the plain regex pipeline', () => {
    fc.assert(fc.property(line, (s) => {
      expect(plain(s)).toBe(slowPlain(s));
    }), { numRuns: 20000 });
  });
});

describe('findIsoDate', () => {
  it('accepts exactly the dates date-fns accepts', () => {
    const years = [0, 1, 4, 100, 1582, 1600, 1900, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9999];
    for (const y of years) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(findIsoDate(`on ${date}.`), date).toBe(isValid(parseISO(date)) ? date : null);
        }
      }
    }
  });
});

describe('intern', () => {
  it('gives back the same characters, whatever they hold (Latin-1, beyond, a leading BOM, lone surrogates, long, short)', () => {
    // Slices of a note that holds a `✅` are two-byte strings; intern rebuilds Latin-1 ones.
    const texts = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.constantFrom('a', 'é', '✅', '\u00ff', '\u0100', ' ', '\ufeff', '\ud83d', '\ude00', '\u0000'), maxLength: 5000 }));
    fc.assert(
      fc.property(texts, (text) => {
        forgetInterned();
        const note = `✅${text}✅`;
        const shared = intern(note.slice(1, -1));
        expect(shared).toBe(text);
        if (text.length >= 2 && text.length <= 120) expect(intern(note.slice(1, 1 + text.length))).toBe(shared);
        expect(flatten(note.slice(1, -1))).toBe(text);
      }),
    );
  });
});
