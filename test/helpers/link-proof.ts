// The proof a link edit inserted nothing but link syntax: take the recorded insertions out of the
// edited text again and compare the bytes with the original, and check each insertion's shape.
import { splitLines, joinLines, type LinkEditResult, type LinkStyle } from '../../src/core/index';

const SHAPES: Record<LinkStyle, Array<[RegExp, RegExp]>> = {
  obsidian: [
    [/^\[\[$/, /^\]\]$/],
    [/^\[\[[^[\]|#^\r\n]+\|$/, /^\]\]$/],
  ],
  logseq: [
    [/^\[\[$/, /^\]\]$/],
    [/^\[$/, /^\]\(\[\[[^[\]\r\n]+\]\]\)$/],
  ],
};

/**
 * The original text rebuilt from the edited one by removing each recorded insertion; throws when an
 * insertion is not where it was recorded or is not link syntax of the style.
 */
export function withoutInsertedLinks(result: Pick<LinkEditResult, 'text' | 'linked'>, style: LinkStyle): string {
  const doc = splitLines(result.text);
  const byLine = new Map<number, LinkEditResult['linked']>();
  for (const l of result.linked) byLine.set(l.line, [...(byLine.get(l.line) ?? []), l]);
  for (const [line, links] of byLine) {
    let content = doc.lines[line - 1]!.content;
    // Right to left, so earlier offsets stay valid.
    for (const l of [...links].sort((a, b) => b.column - a.column)) {
      if (!SHAPES[style].some(([b, a]) => b.test(l.before) && a.test(l.after))) throw new Error(`line ${line}: ${l.before}…${l.after} is not ${style} link syntax`);
      const at = l.column;
      const whole = l.before + l.written + l.after;
      if (content.slice(at, at + whole.length) !== whole) throw new Error(`line ${line}: the link ${whole} is not at column ${at}`);
      content = content.slice(0, at) + l.written + content.slice(at + whole.length);
    }
    doc.lines[line - 1] = { content, ending: doc.lines[line - 1]!.ending };
  }
  return joinLines(doc);
}

/** Byte-for-byte equality of two texts as UTF-8 (the form they have on disk). */
export function sameBytes(a: string, b: string): boolean {
  return Buffer.from(a, 'utf8').equals(Buffer.from(b, 'utf8'));
}
