// Note text inside Markdown output (the status report, the readiness report, CI summaries): one
// line that shows exactly as written and is never read as Markdown, GitHub math or HTML, and whose
// @mentions notify no one where it is pasted. (Control characters: the CLI's terminal.ts.)

// Characters that open or close an inline construct anywhere on a line: escapes, code, emphasis,
// strikethrough (`~~`), links and images, table cells, headings, GitHub math (`$`).
const INLINE_ACTIVE = /[\\`*_~[\]|#$!]/g;
// What only counts at the start of a line: a list item (`-`, `+`, `1.`, `1)`), a setext underline
// (`=`), a block quote (`>` is already an entity).
const LINE_START = /^([-+=]|\d{1,9}(?=[.)]))/;

/** Markdown- and HTML-inert text on one line. */
export function escapeMarkdown(text: string): string {
  const line = text
    .replace(/[\r\n]+/g, ' ')
    .trim()
    // Entities rather than backslashes: `<`, `>` and `&` stay inert in every renderer, even one
    // without CommonMark's backslash escapes, and raw HTML or an autolink cannot start.
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE_ACTIVE, (c) => `\\${c}`);
  return inertMentions(line.replace(LINE_START, (marker) => (/\d/.test(marker) ? `${marker}\\` : `\\${marker}`)));
}

/**
 * `@name` and `@org/team` must not notify anyone when the text lands in an issue or a pull request:
 * a zero-width space (as an entity) after the `@` keeps the text as written but breaks the mention.
 */
export function inertMentions(markdown: string): string {
  return markdown.replace(/@(?=[A-Za-z0-9])/g, '@&#8203;');
}
