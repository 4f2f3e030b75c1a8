// Link reference definitions (`[label]: destination "title"`), which are not text: a template's
// `- [Dependency 1]: [Description]` is an empty bullet. The label and the title may run over
// several lines, and the title may sit on the line after the destination (CommonMark).

const MAX_LABEL = 999;
/** How far a definition is followed over lines: real ones take one to three. */
const MAX_LINES = 12;
/** labelEnd: the text ended inside the label (it may go on over the next line). */
const RAN_OUT = -2;

/**
 * How many lines the definition that starts `first` spans (0 when it is none). `following(k)`
 * gives the k-th line after it without its container markers, or null past a blank line.
 */
export function definitionLines(first: string, following: (k: number) => string | null): number {
  // Most lines that start with `[` are no definition, and their first line tells (`[x] task`).
  const label = labelEnd(first);
  if (label === -1 || (label !== RAN_OUT && first.charCodeAt(label) !== 58)) return 0;
  let text = first;
  for (let k = 1; k < MAX_LINES && text.length < 4000; k++) {
    const line = following(k);
    if (line === null) break;
    text += '\n' + line;
  }
  return parseDefinition(text);
}

/** Lines the definition at the start of `text` spans, or 0. */
function parseDefinition(text: string): number {
  const label = labelEnd(text);
  if (label < 0 || text.charCodeAt(label) !== 58 /* : */) return 0;
  let pos = skipSpace(text, label + 1, true);
  const destination = destinationEnd(text, pos);
  if (destination === -1) return 0;
  pos = destination;
  // A title needs whitespace before it; when none follows, the definition ends at the destination.
  const beforeTitle = skipSpace(text, pos, true);
  if (beforeTitle > pos) {
    const title = titleEnd(text, beforeTitle);
    if (title !== -1) {
      const end = skipSpace(text, title, false);
      if (end >= text.length || text.charCodeAt(end) === 10) return linesUpTo(text, end);
    }
  }
  const end = skipSpace(text, pos, false);
  return end >= text.length || text.charCodeAt(end) === 10 ? linesUpTo(text, end) : 0;
}

/**
 * Offset after `[label]` (a label holds something other than whitespace, no unescaped bracket),
 * -1 when there is none, RAN_OUT when the text ends inside the label.
 */
function labelEnd(text: string): number {
  if (text.charCodeAt(0) !== 91 || text.charCodeAt(1) === 94 /* ^: a footnote */) return -1;
  let visible = false;
  let i = 1;
  for (; i < text.length && i <= MAX_LABEL + 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      visible = true;
      i++;
    } else if (c === 91) {
      return -1;
    } else if (c === 93) {
      return visible ? i + 1 : -1;
    } else if (c !== 32 && c !== 9 && c !== 10) {
      visible = true;
    }
  }
  return i >= text.length && i <= MAX_LABEL + 1 ? RAN_OUT : -1;
}

/** Spaces and tabs, and at most one line end when `newline`. */
function skipSpace(text: string, from: number, newline: boolean): number {
  let i = from;
  let lineEnds = newline ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 && lineEnds > 0) lineEnds--;
    else if (c !== 32 && c !== 9) break;
  }
  return i;
}

/** `<…>` on one line, or a run of visible characters with balanced parentheses; -1 if none. */
function destinationEnd(text: string, from: number): number {
  if (text.charCodeAt(from) === 60 /* < */) {
    for (let i = from + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 62) return i + 1;
      else if (c === 60 || c === 10) return -1;
    }
    return -1;
  }
  let depth = 0;
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 127) break;
    if (c === 92) i++;
    else if (c === 40 && ++depth > 32) return -1;
    else if (c === 41 && --depth < 0) break;
  }
  return i > from && depth <= 0 ? i : -1;
}

/** `"…"`, `'…'` or `(…)`, over lines if need be (but not a blank one); -1 if none. */
function titleEnd(text: string, from: number): number {
  const open = text.charCodeAt(from);
  const close = open === 40 /* ( */ ? 41 : open;
  if (open !== 34 && open !== 39 && open !== 40) return -1;
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === close) return i + 1;
    else if (c === 40 && open === 40) return -1;
  }
  return -1;
}

function linesUpTo(text: string, end: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
