// What each diagnostic code means and how to fix it: one entry per code (the type makes a missing
// one a compile error), for SARIF rules, CI annotations and anything else that explains a code.
import type { DiagnosticCode, Severity } from './model';

export interface DiagnosticDescription {
  /** A short name in words, e.g. "Status line disagrees with the boxes". */
  title: string;
  /** One sentence: what was found. */
  summary: string;
  /** What to do about it, in a few sentences. */
  help: string;
  /** The severity it has unless settings change it (some codes vary with the stage; this is the usual one). */
  defaultSeverity: Severity;
}

export const DIAGNOSTIC_CATALOGUE: Readonly<Record<DiagnosticCode, DiagnosticDescription>> = {
  'frontmatter-invalid': {
    title: 'Front matter is not valid YAML',
    summary: 'The front matter between the --- fences is not valid YAML.',
    help: 'Its key: value lines are still read, but other tools will see nothing. Fix the YAML (quote values that hold a colon or start with # or @).',
    defaultSeverity: 'warning',
  },
  'stage-missing': {
    title: 'No Current Stage',
    summary: 'The note states no Current Stage.',
    help: 'Add a **Current Stage**: line to the header (before the first ## heading) naming a stage of the pipeline. It is a warning when a stage could be inferred from prose or history.',
    defaultSeverity: 'error',
  },
  'stage-unknown': {
    title: 'Unknown stage',
    summary: 'The Current Stage names no stage of the pipeline.',
    help: 'Use one of the configured stages (by default Development, Staging, Production) or add the word as an alias of a stage in settings.',
    defaultSeverity: 'error',
  },
  'stage-conflict': {
    title: 'Two different stages stated',
    summary: 'Another line (a footer, front matter) states a different stage than the Current Stage.',
    help: 'Make every statement of the stage agree, or remove the stale one.',
    defaultSeverity: 'warning',
  },
  'status-count-mismatch': {
    title: 'Status line disagrees with the boxes',
    summary: 'A "Status: X/Y criteria met" line disagrees with the checked boxes above it.',
    help: 'Run `maturity-map fix` to rewrite the status line from the boxes, or check the boxes the line claims.',
    defaultSeverity: 'error',
  },
  'status-line-repeated': {
    title: 'Status line written twice',
    summary: 'A transition section states its "X/Y criteria met" count on more than one line.',
    help: 'Keep one status line. Each line is checked against the boxes, and `maturity-map fix` rewrites all of them, so none stays stale meanwhile.',
    defaultSeverity: 'warning',
  },
  'stage-criteria-unmet': {
    title: 'Past a transition with unmet criteria',
    summary: 'The component is at or past a stage whose entry criteria are not all checked.',
    help: 'Check the remaining criteria of that transition if they are met, or move the Current Stage back.',
    defaultSeverity: 'error',
  },
  'checkbox-mark-conflict': {
    title: 'Checkbox and mark disagree',
    summary: 'A checked criterion is marked ❌, or an unchecked one is marked ✅.',
    help: 'Make the box and the mark say the same thing.',
    defaultSeverity: 'warning',
  },
  'template-placeholder': {
    title: 'Unfilled template placeholder',
    summary: 'Template placeholders (XX%, <Description>, YYYY-MM-DD) are still in the note.',
    help: 'Replace each placeholder with the real value, or delete the line.',
    defaultSeverity: 'warning',
  },
  'date-invalid': {
    title: 'Last Updated is not a date',
    summary: 'Last Updated is not a YYYY-MM-DD date.',
    help: 'Write the date as YYYY-MM-DD so staleness can be measured.',
    defaultSeverity: 'warning',
  },
  'comment-unclosed': {
    title: 'HTML comment never closed',
    summary: 'A line starting with <!-- opens a comment that never closes, so everything after it (to the end of the note, or of its list item or block quote) is hidden.',
    help: 'Add --> where the comment should end. GitHub, Obsidian and this tool all hide the lines after an unclosed comment block; an inline <!-- in the middle of a line that never closes stays text.',
    defaultSeverity: 'warning',
  },
  stale: {
    title: 'Note is stale',
    summary: 'Last Updated is older than the staleness limit (staleAfterDays, 30 days by default).',
    help: 'Review the note, bring its figures up to date and set Last Updated to today.',
    defaultSeverity: 'warning',
  },
  'dependency-unresolved': {
    title: 'Dependency not found',
    summary: 'A dependency names no known component.',
    help: 'Link the dependency by the name, alias or path of its maturity note, or add a note for it. Optional dependencies report this as info.',
    defaultSeverity: 'warning',
  },
  'dependency-ambiguous': {
    title: 'Dependency matches several components',
    summary: 'A dependency name matches more than one component.',
    help: 'Link the dependency by its path (e.g. [[Services/Name]]) or give the components distinct names.',
    defaultSeverity: 'warning',
  },
  'dependency-stage-mismatch': {
    title: 'Declared dependency stage is out of date',
    summary: "The dependency's declared (Current Stage: X) differs from that component's own stage.",
    help: "Update the declared stage next to the dependency, or the dependency's own note.",
    defaultSeverity: 'warning',
  },
  'dependency-self': {
    title: 'Component depends on itself',
    summary: 'A component lists itself as a dependency.',
    help: 'Remove the entry, or link the component that was meant.',
    defaultSeverity: 'error',
  },
  'stage-inversion': {
    title: 'Depends on a less mature component',
    summary: 'The component is at a more mature stage than one of its dependencies (Production on Staging).',
    help: 'Promote the dependency first, mark the dependency optional if it is, or move this component back. Optional dependencies report this as a warning.',
    defaultSeverity: 'error',
  },
  'dependency-cycle': {
    title: 'Dependency cycle',
    summary: 'Components depend on each other in a loop.',
    help: 'Break the loop: one of the dependencies is usually optional or points the wrong way.',
    defaultSeverity: 'error',
  },
  'duplicate-name': {
    title: 'Two components share a name',
    summary: 'Two or more components have the same name.',
    help: 'Give each component a distinct name (front matter component: or the first heading); links to the name are ambiguous until then.',
    defaultSeverity: 'warning',
  },
  'file-unreadable': {
    title: 'File could not be read',
    summary: 'A note could not be read.',
    help: 'Check the file exists, is readable and is UTF-8 text.',
    defaultSeverity: 'warning',
  },
  'criterion-contradicted': {
    title: 'Checked criterion contradicted by the evidence',
    summary: 'A checked criterion is contradicted by evidence in the same note (a ≥70% coverage box with coverage at 41%).',
    help: 'Uncheck the criterion until the evidence backs it, or update the figure if it is out of date.',
    defaultSeverity: 'error',
  },
  'sla-breach': {
    title: 'SLA target missed',
    summary: 'A current performance figure is worse than its SLA target.',
    help: 'Meet the target or revise it. This is an error at Production, a warning heading there and info before.',
    defaultSeverity: 'warning',
  },
  'security-critical': {
    title: 'Critical or high security findings',
    summary: 'The security scan lists critical or high findings.',
    help: 'Resolve the findings and record the new scan. This is an error at Production and a warning heading there.',
    defaultSeverity: 'error',
  },
  'observation-incomplete': {
    title: 'Observation window not complete',
    summary: 'Production criteria are claimed before the staging observation window is complete.',
    help: 'Wait for the window (e.g. 7 days of uptime in staging) to run, then record the figure that the whole window gives.',
    defaultSeverity: 'error',
  },
  'placeholder-evidence': {
    title: 'Checked criterion rests on a placeholder',
    summary: 'A checked criterion whose only evidence is a template placeholder (XX%, XXms, X).',
    help: 'Write the real figure; a placeholder is missing evidence, not zero.',
    defaultSeverity: 'warning',
  },
  'logseq-frontmatter-dropped': {
    title: 'Logseq ignores the front matter',
    summary: 'Logseq reads front matter only when every line is "key: value"; this one has another line.',
    help: 'Remove the offending line, or write lists as "tags: a, b".',
    defaultSeverity: 'warning',
  },
  'logseq-tags-mangled': {
    title: 'Logseq mangles the tags',
    summary: 'Logseq reads these tags or aliases with their brackets or quotes.',
    help: 'Write the property as a plain comma-separated list.',
    defaultSeverity: 'warning',
  },
  'logseq-hash-tags': {
    title: 'Logseq reads #tags differently',
    summary: 'Tags written with # in front matter read differently in Logseq.',
    help: 'Write tags without the # in front matter.',
    defaultSeverity: 'info',
  },
  'logseq-property-key': {
    title: 'Logseq renames the property',
    summary: 'Logseq renames this property key (lower case, _ to -).',
    help: 'Write the key the way Logseq stores it.',
    defaultSeverity: 'info',
  },
  'logseq-page-name': {
    title: 'Logseq names the page differently',
    summary: 'Logseq names this page after something other than the component name.',
    help: 'Align the title property and the file name with the component name.',
    defaultSeverity: 'info',
  },
  'logseq-checkbox-text': {
    title: 'Logseq does not read the checkbox',
    summary: 'A GFM checkbox that Logseq shows as text, not as a task.',
    help: 'Use TODO/DONE markers in Logseq, or keep the note in Markdown form for other tools.',
    defaultSeverity: 'info',
  },
};

/** Every code, in the order diagnostic-codes.ts lists them (stable: SARIF rule indexes follow it). */
export { DIAGNOSTIC_CODES } from './diagnostic-codes';
