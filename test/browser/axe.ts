// axe-core in a Chromium page or frame, for the accessibility suites: inject it (past the page's
// CSP, as a test tool) and list the violations of impact moderate or above, each with the first
// offending element so that a failure says where.
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

/**
 * `rule: first offending element` for every violation of impact moderate, serious or critical
 * within the elements `include` selects (the whole document when empty); sorted, so that a test
 * can expect `[]`. Page-level rules (landmarks, h1) only make sense on a page we own: a host's
 * page passes `include` and they do not apply.
 */
export async function seriousViolations(target: Page | Frame, include: string[] = []): Promise<string[]> {
  await target.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const found = await moderateOrWorse(target, include);
  return found.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.html.slice(0, 240) ?? ''}`).sort();
}

/** Every offending element of those violations with axe's explanation (for investigating a failure). */
export async function violationDetails(target: Page | Frame, include: string[] = []): Promise<string[]> {
  const found = await moderateOrWorse(target, include);
  return found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html.slice(0, 160)} — ${n.failureSummary.replace(/\s+/g, ' ')}`));
}
