// Diagnostics that say what a Logseq file graph will do with a note where it reads the note
// differently from Obsidian (and from this core): dropped front matter, mangled tags, renamed
// property keys, the page's name, GFM checkboxes that are not tasks. Pure: the Logseq plugin
// adds them to a component's card; any host or the CLI may use them.
import type { MaturityConfig } from './settings/index';
import { applySeverity } from './component-view';
import type { Diagnostic, MaturityNote } from './model';
import { readAsLogseq, trimEndOf, type FileNameFormat, type LogseqReading } from './logseq-reading';

const DROP_REASONS = {
  'blank-line': 'blank',
  'list-item': 'a YAML list item',
  comment: 'a comment',
  'no-colon': 'not a "key: value" line',
} as const;

function quote(s: string): string {
  return `"${s}"`;
}

function listNames(names: string[], max = 4): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown}, … (${names.length} in all)` : shown;
}

function frontMatterDiagnostics(reading: LogseqReading): Diagnostic[] {
  const fm = reading.frontMatter;
  if (!fm?.dropped) return [];
  const { line, reason } = fm.dropped;
  const lost = fm.pairLines === 1 ? 'its one property' : `its ${fm.pairLines} properties`;
  return [
    {
      code: 'logseq-frontmatter-dropped',
      severity: 'warning',
      message:
        `Logseq ignores this whole front matter: line ${line} is ${DROP_REASONS[reason]}, and Logseq reads front matter ` +
        `only when every line between the --- fences is "key: value". It sees none of ${lost}: the page is named ` +
        `${quote(reading.fileName)} after its file and has no tags. Remove the line (or write lists as "tags: a, b").`,
      line,
    },
  ];
}

function tagDiagnostics(reading: LogseqReading): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of reading.properties) {
    if (p.key !== 'tags' && p.key !== 'alias' && p.key !== 'aliases') continue;
    const text = p.text.trim();
    const values = Array.isArray(p.value) ? p.value : [String(p.value)];
    const odd = values.filter((v) => /^\[|\]$|^"|"$/.test(v) && !/^\[\[.*\]\]$/.test(v));
    if (odd.length > 0) {
      out.push({
        code: 'logseq-tags-mangled',
        severity: 'warning',
        message:
          `Logseq reads ${p.written}: ${text} as ${odd.length === 1 ? 'the page' : 'the pages'} ${odd.map(quote).join(', ')}` +
          `${/^\[/.test(text) ? ' (it splits on commas and keeps the brackets)' : ' (it keeps the quotes)'}; ` +
          `write ${p.written}: ${values.map((v) => trimEndOf(v.replace(/^[["]+/, ''), ']"')).join(', ')}.`,
        line: p.line,
      });
    } else if (reading.propertySource === 'front-matter' && text.startsWith('#')) {
      out.push({
        code: 'logseq-hash-tags',
        severity: 'info',
        message:
          `Logseq reads ${p.written}: ${text} as ${values.length === 1 ? 'the tag' : 'the tags'} ${values.join(', ')}; a YAML reader ` +
          `(Obsidian's properties) sees an empty value, because # starts a YAML comment. Maturity Map reads the tags in both.`,
        line: p.line,
      });
    }
  }
  return out;
}

function keyDiagnostics(reading: LogseqReading): Diagnostic[] {
  const out: Diagnostic[] = [];
  const renamed = reading.properties.filter((p) => p.valid && p.written !== p.key);
  if (renamed.length > 0) {
    out.push({
      code: 'logseq-property-key',
      severity: 'info',
      message:
        `Logseq stores ${renamed.length === 1 ? 'the property key' : `${renamed.length} property keys`} ` +
        `${listNames(renamed.map((p) => `${quote(p.written)} as ${p.key}${p.apiKey !== p.key ? ` (${p.apiKey} in plugin queries)` : ''}`))}; ` +
        `queries in Logseq must use ${renamed.length === 1 ? 'that name' : 'those names'}.`,
      line: renamed[0]!.line,
    });
  }
  const invalid = reading.properties.filter((p) => !p.valid);
  if (invalid.length > 0) {
    out.push({
      code: 'logseq-property-key',
      severity: 'warning',
      message: `Logseq drops ${invalid.length === 1 ? 'the property' : `${invalid.length} properties`} ${listNames(invalid.map((p) => quote(p.written.trim())))}: not a valid property name.`,
      line: invalid[0]!.line,
    });
  }
  return out;
}

function nameDiagnostics(reading: LogseqReading, format: FileNameFormat, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = path.split('/').pop() ?? path;
  if (reading.pageNameSource === 'title' && reading.name !== reading.fileName.toLowerCase()) {
    const quoted = /^".*"$/.test(reading.pageName);
    out.push({
      code: 'logseq-page-name',
      severity: quoted ? 'warning' : 'info',
      message:
        `Logseq names this page ${quote(reading.pageName)} after its title property, not ${quote(reading.fileName)} after its file name` +
        `${quoted ? ' (it keeps the quotes)' : ''}; in Logseq, [[${reading.fileName}]] is a different page.`,
      line: reading.properties.find((p) => p.key === 'title')?.line ?? 1,
    });
  }
  if (format === 'legacy' && reading.pageNameSource === 'file' && file.includes('___')) {
    out.push({
      code: 'logseq-page-name',
      severity: 'warning',
      message:
        `This graph uses Logseq's legacy file-name format, so the page is named ${quote(reading.pageName)}, not ` +
        `${quote(readAsLogseq(path, '', 'triple-lowbar').fileName)}; add :file/name-format :triple-lowbar to logseq/config.edn.`,
      line: 1,
    });
  }
  const heading = reading.headingLink;
  if (heading && heading.target.toLowerCase() !== reading.name) {
    out.push({
      code: 'logseq-page-name',
      severity: 'info',
      message:
        `The heading [[${heading.target}]] links to another page: Logseq names this page ${quote(reading.pageName)}, so ` +
        `[[${heading.target}]] is a separate page (empty unless it exists) that lists this note in its linked references.`,
      line: heading.line,
    });
  }
  return out;
}

function checkboxDiagnostics(reading: LogseqReading, note: MaturityNote | undefined): Diagnostic[] {
  const criteria = note?.transitions.reduce((n, t) => n + t.items.filter((i) => i.status !== 'TODO' && i.status !== 'DONE').length, 0) ?? 0;
  if (reading.checkboxItems === 0 || criteria === 0) return [];
  return [
    {
      code: 'logseq-checkbox-text',
      severity: 'info',
      message:
        `Logseq shows the ${reading.checkboxItems} "- [ ]" checklist items as text, not as tasks: they are not in TODO/DONE ` +
        `queries and cannot be ticked in Logseq. Maturity Map counts them itself, as Obsidian does.`,
    },
  ];
}

export interface LogseqDiagnosticOptions {
  fileNameFormat?: FileNameFormat;
  /** The core's reading of the same text, to tell whether checklist items are criteria. */
  note?: MaturityNote;
  severity?: MaturityConfig['severity'];
}

/** Everything Logseq reads differently in this note, as diagnostics on the note's lines. */
export function logseqDiagnostics(path: string, text: string, options: LogseqDiagnosticOptions = {}): Diagnostic[] {
  const format = options.fileNameFormat ?? 'triple-lowbar';
  const reading = readAsLogseq(path, text, format);
  const all = [
    ...frontMatterDiagnostics(reading),
    ...tagDiagnostics(reading),
    ...keyDiagnostics(reading),
    ...nameDiagnostics(reading, format, path),
    ...checkboxDiagnostics(reading, options.note),
  ];
  return applySeverity(all, options.severity ?? {});
}
