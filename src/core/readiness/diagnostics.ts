// The readiness rules as diagnostics, so scan, lint and the views show them with the others:
// criterion-contradicted, placeholder-evidence, sla-breach, security-critical, observation-incomplete.
import type { Diagnostic, MaturityNote, Severity } from '../model';
import { stageName, type Pipeline } from '../stages';
import { describeBreach, formatNumber } from './checks';
import { describeSevere, severeFindings } from './evidence';
import type { Evidence, Readiness } from './types';

/** Where the note stands relative to the last stage: rules grow stricter on the way there. */
interface Standing {
  rank: number;
  finalStage: string | null;
  atFinal: boolean;
  headingForFinal: boolean;
}

function standing(r: Readiness, note: MaturityNote, pipeline: Pipeline): Standing {
  const finalStage = pipeline.stages[pipeline.stages.length - 1]?.id ?? null;
  const atFinal = r.stage !== null && r.stage === finalStage;
  return {
    rank: r.stage ? pipeline.rank.get(r.stage) ?? -1 : -1,
    finalStage,
    atFinal,
    headingForFinal: !atFinal && (r.next === finalStage || note.stage?.headingFor === finalStage),
  };
}

export function readinessDiagnostics(r: Readiness, note: MaturityNote, pipeline: Pipeline): Diagnostic[] {
  const where = standing(r, note, pipeline);
  const security = securityDiagnostic(r, pipeline, where);
  const observation = observationDiagnostic(r, note, pipeline, where.rank);
  return [...checkDiagnostics(r), ...slaDiagnostics(r, where), ...(security ? [security] : []), ...(observation ? [observation] : [])];
}

function checkDiagnostics(r: Readiness): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of r.checks) {
    if (c.verdict === 'contradicted') {
      out.push({ code: 'criterion-contradicted', severity: 'error', message: `"${c.text}" is checked, but ${c.reason}.${alsoStated(c.disagreeing)}`, line: c.line });
    } else if (c.verdict === 'placeholder') {
      out.push({ code: 'placeholder-evidence', severity: 'warning', message: `"${c.text}" is checked, but ${c.reason}: missing evidence, not zero.`, line: c.line });
    }
  }
  return out;
}

function slaDiagnostics(r: Readiness, where: Standing): Diagnostic[] {
  const severity: Severity = where.atFinal ? 'error' : where.headingForFinal ? 'warning' : 'info';
  return r.performance
    .filter((p) => p.ok === false)
    .map((p) => ({ code: 'sla-breach', severity, message: `${describeBreach(p)} — the SLA target on line ${p.target.line}.`, line: p.current.line }));
}

function securityDiagnostic(r: Readiness, pipeline: Pipeline, where: Standing): Diagnostic | null {
  const severe = severeFindings(r.security);
  if (severe === null || severe === 0 || !(where.atFinal || where.headingForFinal)) return null;
  const { critical, high } = r.security;
  const finding = (critical?.value ? critical : high)!;
  const when = where.atFinal ? `while at ${stageName(pipeline, r.stage)}` : `on the way to ${stageName(pipeline, where.finalStage)}`;
  return {
    code: 'security-critical',
    severity: where.atFinal ? 'error' : 'warning',
    message: `The security scan lists ${describeSevere(r.security)} finding${severe === 1 ? '' : 's'} (line ${finding.line}) ${when}.`,
    line: finding.line,
  };
}

/** An observation window claimed (checked, passed or headed for) before its days have run. */
function observationDiagnostic(r: Readiness, note: MaturityNote, pipeline: Pipeline, rank: number): Diagnostic | null {
  const watch = r.observation;
  const windowCheck = watch ? r.checks.find((c) => c.line === watch.windowLine) ?? null : null;
  if (!watch || !windowCheck) return null;
  const toRank = windowCheck.to ? pipeline.rank.get(windowCheck.to) ?? 99 : 99;
  const past = rank >= toRank;
  const claimed = windowCheck.checked || past || (windowCheck.to !== null && note.stage?.headingFor === windowCheck.to);
  const from = stageName(pipeline, windowCheck.from);
  if (claimed && watch.complete === false) {
    const counted = watch.basis === 'promotion-date'
      ? `${from} began ${watch.since} (line ${watch.sinceLine}), ${watch.elapsedDays} of the ${watch.windowDays} days`
      : `the note says day ${watch.statedDay!.day} of ${watch.statedDay!.of} (line ${watch.statedDay!.line}), so ${watch.elapsedDays} of the ${watch.windowDays} days`;
    return {
      code: 'observation-incomplete',
      severity: past ? 'error' : 'warning',
      message: past
        ? `Promoted to ${stageName(pipeline, windowCheck.to)} before the ${watch.windowDays}-day ${from.toLowerCase()} observation ended: ${counted} had passed.`
        : `${stageName(pipeline, windowCheck.to)} criteria are claimed, but ${counted} have passed (${watch.remainingDays} left).`,
      line: watch.basis === 'promotion-date' ? watch.sinceLine ?? watch.windowLine : watch.windowLine,
    };
  }
  if (windowCheck.checked && watch.observedDays && watch.observedDays.days < watch.windowDays) {
    return {
      code: 'observation-incomplete',
      severity: 'warning',
      message: `"${windowCheck.text}" is checked, but the uptime figure covers ${watch.observedDays.days} day${watch.observedDays.days === 1 ? '' : 's'} (line ${watch.observedDays.line}).`,
      line: windowCheck.line,
    };
  }
  return null;
}

function alsoStated(list: Evidence[]): string {
  if (list.length === 0) return '';
  return ` The note also states ${list.map((e) => `${formatNumber(e.value!)}${e.unit} (line ${e.line})`).join(', ')}.`;
}
