// Finding a field's value inside a raw line, so an edit can rewrite the value and keep the key,
// the list marker, the quote prefix, the bold and the trailing spaces exactly as written.
import { readField, type Field } from '../parse/fields';

/** Length of the block prefix before a line's text: indentation, `>` quotes, list marker, `#`s. */
export function blockPrefixLength(content: string): number {
  let i = 0;
  for (let guard = 0; guard < 64; guard++) {
    const start = i;
    while (content.charCodeAt(i) === 32 || content.charCodeAt(i) === 9) i++;
    if (content.charCodeAt(i) === 62 /* > */) {
      i++;
      continue;
    }
    const c = content.charCodeAt(i);
    if ((c === 45 || c === 42 || c === 43) && (content.charCodeAt(i + 1) === 32 || content.charCodeAt(i + 1) === 9)) {
      i += 2;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i;
      while (j - i < 9 && content.charCodeAt(j) >= 48 && content.charCodeAt(j) <= 57) j++;
      const d = content.charCodeAt(j);
      if ((d === 46 || d === 41) && (content.charCodeAt(j + 1) === 32 || content.charCodeAt(j + 1) === 9)) {
        i = j + 2;
        continue;
      }
    }
    if (c === 35 /* # */) {
      let j = i;
      while (content.charCodeAt(j) === 35) j++;
      if (j - i <= 6 && (content.charCodeAt(j) === 32 || content.charCodeAt(j) === 9)) {
        i = j + 1;
        continue;
      }
    }
    if (i === start) break;
  }
  while (content.charCodeAt(i) === 32 || content.charCodeAt(i) === 9) i++;
  return i;
}

export interface FieldSpan {
  field: Field;
  /** Offset of the value in the line. */
  start: number;
  /** Offset just after the value (before trailing spaces or a closing `##`). */
  end: number;
}

/** The `**Key**: value` field on a raw line and where its value sits, or null. */
export function locateField(content: string): FieldSpan | null {
  const prefix = blockPrefixLength(content);
  const field = readField(content.slice(prefix), true);
  if (!field || field.value === '') return null;
  // The value is what follows the key, trimmed: its last occurrence is the one at the end.
  const start = content.lastIndexOf(field.value);
  if (start < prefix) return null;
  return { field, start, end: start + field.value.length };
}
