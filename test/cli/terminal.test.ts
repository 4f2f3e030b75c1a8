// The output sanitiser: every control character shows as an escape, JSON stays JSON, colour only
// from our own code and only when the environment allows it.
import { describe, expect, it } from 'vitest';
import { colourEnabled, jsonText, paint, terminalSafe, visible, visibleBlock } from '../../src/cli/terminal';

/* eslint-disable no-control-regex -- these tests are about control characters */

/** Every C0 control, DEL, every C1 control (U+0080–U+009F, with the one-byte CSI U+009B). */
const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)].map((c) => String.fromCharCode(c));
/** Bidi marks, embeddings, overrides and isolates, and the Unicode line/paragraph separators. */
const FORMAT_CONTROLS = ['\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Escape sequences a probe used: clear screen + fake green pass, clipboard write, DCS, C1 CSI, BEL, backspace. */
const SEQUENCES = {
  clear: '\x1b[2J\x1b[H\x1b[32mALL CHECKS PASSED\x1b[0m',
  osc52: '\x1b]52;c;SGVsbG8=\x07',
  dcs: '\x1bP1$q\x1b\\',
  c1csi: '\u009b2J\u009b31m',
  backspace: 'ok\b\b\bno',
};

describe('visible', () => {
  it('shows every control character as an escape and keeps everything else', () => {
    for (const ch of [...CONTROLS, ...FORMAT_CONTROLS]) {
      const shown = visible(`a${ch}b`);
      expect(shown, `U+${ch.charCodeAt(0).toString(16)}`).not.toMatch(RAW_CONTROL);
      expect(shown.startsWith('a\\') && shown.endsWith('b')).toBe(true);
    }
    expect(visible('\x1b')).toBe('\\x1b');
    expect(visible('\u009b')).toBe('\\x9b');
    expect(visible('\x7f')).toBe('\\x7f');
    expect(visible('\x00')).toBe('\\x00');
    expect(visible('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(visible('\u202e')).toBe('\\u202e');
    expect(visible(SEQUENCES.clear)).toBe('\\x1b[2J\\x1b[H\\x1b[32mALL CHECKS PASSED\\x1b[0m');
    expect(visible(SEQUENCES.osc52)).toBe('\\x1b]52;c;SGVsbG8=\\x07');
    expect(visible('Café — 日本 🚀 ‍ ')).toBe('Café — 日本 🚀 ‍ ');
  });

  it('is idempotent (escaping twice changes nothing more)', () => {
    const all = CONTROLS.join('') + FORMAT_CONTROLS.join('') + Object.values(SEQUENCES).join('');
    expect(visible(visible(all))).toBe(visible(all));
  });

  it('keeps line breaks, tabs and CRLF in a block, nothing else', () => {
    expect(visibleBlock('a\tb\r\nc\nd\re\x1b[2Jf')).toBe('a\tb\r\nc\nd\\re\\x1b[2Jf');
  });
});

describe('jsonText', () => {
  it('parses back to the same value with no raw control character left', () => {
    const value = { name: CONTROLS.join('') + FORMAT_CONTROLS.join(''), nested: [SEQUENCES.c1csi, SEQUENCES.dcs] };
    const text = jsonText(value);
    expect(text.replace(/\n/g, '')).not.toMatch(RAW_CONTROL); // pretty-printing's own line breaks aside
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('colour', () => {
  it('is on only on a terminal, off with NO_COLOR, forced with FORCE_COLOR', () => {
    expect(colourEnabled({}, true)).toBe(true);
    expect(colourEnabled({}, false)).toBe(false);
    expect(colourEnabled({ TERM: 'dumb' }, true)).toBe(false);
    expect(colourEnabled({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colourEnabled({ NO_COLOR: '' }, true)).toBe(true); // no-color.org: an empty value does not count
    expect(colourEnabled({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colourEnabled({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colourEnabled({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
  });

  it('paint escapes the text it colours', () => {
    expect(paint('red', SEQUENCES.clear)).not.toMatch(/\x1b\[2J/);
    expect(paint('red', SEQUENCES.clear)).toContain('\\x1b[2J');
  });
});

describe('terminalSafe (the last guard before the terminal)', () => {
  const ours = '\x1b[31mred\x1b[39m \x1b[1m\x1b[32mok\x1b[39m\x1b[22m \x1b[2mdim\x1b[22m';

  it('lets our colour sequences through only when colour is on', () => {
    expect(terminalSafe(ours, true)).toBe(ours);
    expect(terminalSafe(ours, false)).not.toMatch(RAW_CONTROL);
  });

  it('shows every other control character and sequence, whatever colour is', () => {
    for (const colour of [true, false]) {
      for (const ch of [...CONTROLS, ...FORMAT_CONTROLS].filter((c) => c !== '\n' && c !== '\t')) {
        expect(terminalSafe(`a${ch}b`, colour), `U+${ch.charCodeAt(0).toString(16)}`).not.toMatch(RAW_CONTROL);
      }
      // With colour on, `\x1b[32m` is byte for byte one of ours: formatters escape note text where
      // they place it (tested through every command in terminal-injection.test.ts), the guard
      // only makes sure nothing else moves the terminal.
      for (const seq of Object.values(SEQUENCES)) expect(terminalSafe(seq, colour).replace(/\x1b\[32m/g, '')).not.toMatch(RAW_CONTROL);
      expect(terminalSafe('line\r\nnext\tcol\n', colour)).toBe('line\r\nnext\tcol\n');
      expect(terminalSafe('fake\rreal', colour)).toBe('fake\\rreal');
    }
    // What needs nothing comes back as it is; a control far into a long text is still found.
    const long = `${'safe text, tabs\tand lines\n'.repeat(5000)}`;
    expect(terminalSafe(long, false)).toBe(long);
    expect(terminalSafe(`${long}\x1b[2J${long}\u202e`, false)).toBe(`${long}\\x1b[2J${long}\\u202e`);
    // Sequences that are not ours stay visible even with colour on: only 1, 2, 22, 31, 32, 33, 39.
    expect(terminalSafe('\x1b[0m\x1b[5m\x1b[38;5;1m\x1b[2J', true)).toBe('\\x1b[0m\\x1b[5m\\x1b[38;5;1m\\x1b[2J');
  });
});
