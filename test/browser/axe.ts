// axe-core in a Chromium page or frame, for the accessibility suites: inject it (past the page's
// CSP, as a test tool) and list the violations of impact moderate or above, each with the first
// offending element and axe's reason so that a failure says where and why; wait for a view that is
// still being drawn (`aria-busy`) before a check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT } from '../helpers/vault';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export async function injectAxe(target: Page | Frame): Promise<void> {
  await target.addScriptTag({ content: AXE });
}

/** A violation axe found, with every offending node. */
interface Violation {
  id: string;
  nodes: Array<{ html: string; failureSummary: string }>;
}

/** One axe run in the page: the violations of impact moderate, serious or critical. */
async function moderateOrWorse(target: Page | Frame, include: string[]): Promise<Violation[]> {
  return target.evaluate(async (selectors) => {
    interface AxeResult {
      violations: Array<{ id: string; impact: string | null; nodes: Array<{ html: string; failureSummary?: string }> }>;
    }
    const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<AxeResult> } }).axe;
    const context = selectors.length > 0 ? { include: selectors.map((s) => [s]) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ html: n.html, failureSummary: n.failureSummary ?? '' })) }));
  }, include);
}

/** One violation as a failure shows it: the rule, how many elements, the first one and axe's reason (for contrast, the two colours and the ratio). */
function describe(v: Violation): string {
  const first = v.nodes[0];
  return `${v.id} (${v.nodes.length}): ${first?.html.slice(0, 240) ?? ''} — ${first?.failureSummary.replace(/\s+/g, ' ').trim() ?? ''}`;
}

/** Both lists from one axe run: a second run would look at the page at a later instant. */
export interface Findings {
  /** `seriousViolations`' list. */
  serious: string[];
  /** `violationDetails`' list. */
  details: string[];
}

export async function axeFindings(target: Page | Frame, include: string[] = []): Promise<Findings> {
  await target.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const found = await moderateOrWorse(target, include);
  return {
    serious: found.map(describe).sort(),
    details: found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html.slice(0, 160)} — ${n.failureSummary.replace(/\s+/g, ' ')}`)),
  };
}

/**
 * `rule (count): first offending element — axe's reason` for every violation of impact moderate,
 * serious or critical within the elements `include` selects (the whole document when empty);
 * sorted, so that a test can expect `[]`. Page-level rules (landmarks, h1) only make sense on a
 * page we own: a host's page passes `include` and they do not apply. The reason is in the line so
 * that a failure seen once in CI says which colours it saw, without a rerun.
 */
export async function seriousViolations(target: Page | Frame, include: string[] = []): Promise<string[]> {
  return (await axeFindings(target, include)).serious;
}

/** Every offending element of those violations with axe's explanation (for investigating a failure). */
export async function violationDetails(target: Page | Frame, include: string[] = []): Promise<string[]> {
  return (await axeFindings(target, include)).details;
}

/**
 * The elements within `include` (the whole document when empty) that are on screen and say they
 * are being drawn (`aria-busy="true"`: the views' own signal, set while a panel's first draw, a page
 * of rows a part a frame or a graph layout is under way, and removed when it is done), as
 * `tag.class`.
 */
export async function busyElements(target: Page | Frame, include: string[] = []): Promise<string[]> {
  return target.evaluate((selectors) => {
    const roots = selectors.length > 0 ? selectors.flatMap((s) => [...document.querySelectorAll(s)]) : [document.documentElement];
    const busy = roots.flatMap((root) => [...(root.matches('[aria-busy="true"]') ? [root] : []), ...root.querySelectorAll('[aria-busy="true"]')]);
    return busy.filter((el) => el.checkVisibility()).map((el) => `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(/\s+/).join('.')}`);
  }, include);
}

/**
 * Wait, a frame at a time, until `busyElements` is empty. axe reads the page at one instant; a
 * check made a fixed two frames after a click read a half-drawn panel or graph on a loaded machine
 * and a finished one otherwise, so what it checked depended on the load.
 */
export async function whenSettled(target: Page | Frame, include: string[] = []): Promise<void> {
  while ((await busyElements(target, include)).length > 0) {
    await target.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
}
