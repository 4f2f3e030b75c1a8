// The readiness rules as diagnostics, so scan, lint and the views show them with the others:
// criterion-contradicted, placeholder-evidence, sla-breach, security-critical, observation-incomplete.
import type { Diagnostic, MaturityNote, Severity } from '../model';
import { stageName, type Pipeline } from '../stages';
import { describeBreach, formatNumber } from './checks';
import { describeSevere, severeFindings } from './evidence';
import type { Evidence, Readiness } from './types';

export function readinessDiagnostics(r: Readiness, note: MaturityNote, pipeline: Pipeline): Diagnostic[] {
  const out: Diagnostic[] = [];
  const last = pipeline.stages.length - 1;
  const finalStage = pipeline.stages[last]?.id ?? null;
  const rank = r.stage ? pipeline.rank.get(r.stage) ?? -1 : -1;
  const atFinal = r.stage !== null && r.stage === finalStage;
  const headingForFinal = !atFinal && (r.next === finalStage || note.stage?.headingFor === finalStage);

  for (const c of r.checks) {
    if (c.verdict === 'contradicted') {
      out.push({ code: 'criterion-contradicted', severity: 'error', message: `"${c.text}" is checked, but ${c.reason}.${alsoStated(c.disagreeing)}`, line: c.line });
    } else if (c.verdict === 'placeholder') {
      out.push({ code: 'placeholder-evidence', severity: 'warning', message: `"${c.text}" is checked, but ${c.reason}: missing evidence, not zero.`, line: c.line });
    }
  }

  const slaSeverity: Severity = atFinal ? 'error' : headingForFinal ? 'warning' : 'info';
  for (const p of r.performance) {
    if (p.ok !== false) continue;
    out.push({ code: 'sla-breach', severity: slaSeverity, message: `${describeBreach(p)} — the SLA target on line ${p.target.line}.`, line: p.current.line });
  }

  const severe = severeFindings(r.security);
  if (severe !== null && severe > 0 && (atFinal || headingForFinal)) {
    const { critical, high } = r.security;
    const parts = describeSevere(r.security);
    const where = (critical?.value ? critical : high)!;
    out.push({
      code: 'security-critical',
      severity: atFinal ? 'error' : 'warning',
      message: `The security scan lists ${parts} finding${severe === 1 ? '' : 's'} (line ${where.line}) ${atFinal ? `while at ${stageName(pipeline, r.stage)}` : `on the way to ${stageName(pipeline, finalStage)}`}.`,
      line: where.line,
    });
  }

  const watch = r.observation;
  const windowCheck = watch ? r.checks.find((c) => c.line === watch.windowLine) ?? null : null;
  if (watch && windowCheck) {
    const toRank = windowCheck.to ? pipeline.rank.get(windowCheck.to) ?? 99 : 99;
    const past = rank >= toRank;
    const claimed = windowCheck.checked || past || (windowCheck.to !== null && note.stage?.headingFor === windowCheck.to);
    const from = stageName(pipeline, windowCheck.from);
    if (claimed && watch.complete === false) {
      const counted = watch.basis === 'promotion-date'
        ? `${from} began ${watch.since} (line ${watch.sinceLine}), ${watch.elapsedDays} of the ${watch.windowDays} days`
        : `the note says day ${watch.statedDay!.day} of ${watch.statedDay!.of} (line ${watch.statedDay!.line}), so ${watch.elapsedDays} of the ${watch.windowDays} days`;
      out.push({
        code: 'observation-incomplete',
        severity: past ? 'error' : 'warning',
        message: past
          ? `Promoted to ${stageName(pipeline, windowCheck.to)} before the ${watch.windowDays}-day ${from.toLowerCase()} observation ended: ${counted} had passed.`
          : `${stageName(pipeline, windowCheck.to)} criteria are claimed, but ${counted} have passed (${watch.remainingDays} left).`,
        line: watch.basis === 'promotion-date' ? watch.sinceLine ?? watch.windowLine : watch.windowLine,
      });
    } else if (windowCheck.checked && watch.observedDays && watch.observedDays.days < watch.windowDays) {
      out.push({
        code: 'observation-incomplete',
        severity: 'warning',
        message: `"${windowCheck.text}" is checked, but the uptime figure covers ${watch.observedDays.days} day${watch.observedDays.days === 1 ? '' : 's'} (line ${watch.observedDays.line}).`,
        line: windowCheck.line,
      });
    }
  }
  return out;
}

function alsoStated(list: Evidence[]): string {
  if (list.length === 0) return '';
  return ` The note also states ${list.map((e) => `${formatNumber(e.value!)}${e.unit} (line ${e.line})`).join(', ')}.`;
}
