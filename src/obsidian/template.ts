// The built-in template for "New maturity note", and how a template is filled in: the name, today's
// date where the note records when it was created or updated, and the first stage.
import { localToday } from '../core/index';

export const BUILT_IN_TEMPLATE = `---
title: <Component Name> Maturity Status
tags: [maturity]
owner: <team-handle>
updated: <YYYY-MM-DD>
---
# <Component Name> Maturity Status

**Current Stage**: <Development|Staging|Production>
**Last Updated**: <YYYY-MM-DD>
**Owner**: <team-handle>
**Functional Group**: <Functional Group>
**Priority**: <P0|P1|P2|P3>

---

## Component Overview

**Purpose**: <One or two sentences: what the component does and for whom>

**Key Features**:
- <Feature>
- <Feature>

**Dependencies**:
- <Component> (Current Stage: <Development|Staging|Production>)
- Optional: <Component> (<why it is optional>)

---

## Maturity Criteria

### Development → Staging

- [ ] Core features complete (80%+ of planned functionality)
- [ ] Unit tests passing (≥70% coverage)
- [ ] API documented, no planned breaking changes
- [ ] Passes linting (ruff), type checking (pyright), security scan (bandit)
- [ ] Component README with usage examples
- [ ] All dependencies identified and stable
- [ ] Successfully integrates with dependent components in dev environment

**Status**: X/7 criteria met

**Current Coverage**: XX%

**Blockers**:
- Issue #<number>: <Description>

---

### Staging → Production

- [ ] Integration tests passing (≥80% coverage)
- [ ] Performance validated (meets defined SLAs)
- [ ] Security review completed, no critical vulnerabilities
- [ ] 7-day uptime in staging ≥99.5%
- [ ] Complete user documentation, API reference, troubleshooting guide
- [ ] Health checks, metrics, alerts configured
- [ ] Rollback procedure documented and tested
- [ ] Handles expected production load (if applicable)

**Status**: X/8 criteria met

**Blockers**:
- Issue #<number>: <Description>

---

## Performance Metrics

### Current Performance (<Stage>)

- p50 / p95 / p99: XXms / XXms / XXms
- Throughput: XX req/s
- CPU / Memory: XX% / XXMB
- Uptime: XX.X% over X days

### SLA Targets (Production)

- p50 / p95 / p99: <XXms / <XXms / <XXms
- Throughput: >XX req/s
- Uptime: ≥99.9%

---

## Test Coverage

- **Unit**: XX% (\`<path to tests>\`)
- **Integration**: XX% (\`<path to tests>\`)
- **E2E journeys**: <Journey>

---

## Security Status

**Last Security Scan**: <YYYY-MM-DD>

**Security Scan Results**:
- Critical: X
- High: X
- Medium: X
- Low: X

**Security Review Status**: <Not Started|In Progress|Complete>

---

## Documentation Status

- [ ] Component README
- [ ] API Documentation
- [ ] Troubleshooting Guide
- [ ] Deployment Guide
- [ ] Rollback Procedure
- [ ] Incident Response Plan

---

## Monitoring & Observability

- **Health endpoint**: \`<path>\` | N/A
- **Dashboard**: <link> | Not Configured
- **Alerts**: <name>: <condition>
- **Log retention**: X days

---

## Promotion History

- **<YYYY-MM-DD>**: Component created in Development
- **<YYYY-MM-DD>**: Promoted to Staging (Issue #<number>)
- **<YYYY-MM-DD>**: Promoted to Production (Issue #<number>)

---

## Current Blockers

1. **Issue #<number>**: <Blocker>
   - **Type**: <Tests|Documentation|Performance|Security|Dependencies|Integration>
   - **Severity**: <Critical|High|Medium|Low>
   - **Target Stage**: <Staging|Production>
   - **Status**: <Open|In Progress|Resolved>

---

## Rollback Procedure

\`\`\`bash
# <how to roll back one release>
kubectl -n <namespace> rollout undo deployment/<component>

# <how to verify>
curl -fsS http://<component>.<namespace>.svc:8080/health
\`\`\`

**Last Rollback Test**: <YYYY-MM-DD> | Never Tested

---

## Next Steps

- [ ] <Task>
- [ ] <Task>

---

## Notes

<Anything a reviewer should know>

---

**Last Updated By**: <handle>
**Last Review Date**: <YYYY-MM-DD>
`;

export interface TemplateValues {
  name: string;
  today: Date;
  /** Display name of the pipeline's first stage. */
  firstStage: string;
}

const DATE_LINE = /last updated|^updated:|^created:|component created|last review date/i;

/**
 * Fill a template. Understands the Maturity Map template's `<Component Name>`, `<YYYY-MM-DD>` and
 * `<Development|Staging|Production>` slots and Obsidian's `{{title}}` / `{{date}}`. Slots that only
 * the author can fill (owner, figures, issue numbers) stay, and show up as template-placeholder
 * diagnostics until they are filled.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  const day = localToday(values.today);
  let stageDone = false;
  return template
    .split('\n')
    .map((line) => {
      let out = line.replaceAll('<Component Name>', values.name).replaceAll('{{title}}', values.name).replaceAll('{{date}}', day);
      if (DATE_LINE.test(out.replace(/^[-*\s]*\**/, ''))) out = out.replaceAll('<YYYY-MM-DD>', day);
      if (!stageDone && /current stage/i.test(out) && /<[^>]*\|[^>]*>/.test(out)) {
        out = out.replace(/<[^>]*\|[^>]*>/, values.firstStage);
        stageDone = true;
      }
      return out;
    })
    .join('\n');
}

/** A file name for the component: characters Obsidian does not allow in names are dropped. */
export function noteFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|#^[\]]/g, ' ').replace(/\s+/g, ' ').trim();
}
