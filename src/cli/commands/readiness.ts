// `maturity-map readiness <dir>`: each component's readiness for its next stage, from the evidence
// in its note; `--strict` exits 1 when a component's current stage is not backed (for CI).
import { runQuery } from '../../core/query';
import { readinessOf } from '../../core/readiness/index';
import { readinessToJSON, type ReadinessReportJSON } from '../../core/readiness/json';
import { loadVault, reportSkipped } from '../context';
import { jsonText, writeOut } from '../terminal';
import { UsageError } from '../files';
import { formatReadinessMarkdown, formatReadinessText, type ReadinessRow } from '../format-readiness';
import { loadOptions, str, VAULT_OPTIONS, VAULT_OPTIONS_HELP, type Command } from './types';

const FORMATS = ['table', 'markdown', 'json'] as const;

export const readinessCommand: Command = {
  name: 'readiness',
  usage: `maturity-map readiness <dir> [--format table|markdown|json] [--json] [--ready] [--strict]

${VAULT_OPTIONS_HELP}
  --format <f>         table (default), markdown, or json
  --json               same as --format json
  --ready              only components that could be promoted now
  --sort <key>         readiness (default, readiest first), name, stage, updated, progress
  --strict             exit 1 when a component's stage is not backed by its evidence`,
  options: { ...VAULT_OPTIONS, format: { type: 'string' }, json: { type: 'boolean' }, ready: { type: 'boolean' }, sort: { type: 'string' }, strict: { type: 'boolean' } },
  async run({ positionals, values }) {
    const format = values['json'] ? 'json' : (str(values['format']) ?? 'table');
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format expects one of ${FORMATS.join(', ')}, got "${format}"`);
    const sort = str(values['sort']) ?? 'readiness';
    if (!['readiness', 'name', 'stage', 'updated', 'progress'].includes(sort)) throw new UsageError(`--sort expects readiness, name, stage, updated or progress, got "${sort}"`);
    const vault = await loadVault(positionals[0], loadOptions(values));
    const index = vault.index;
    const components = runQuery(index, {
      sort: sort as 'readiness',
      order: sort === 'readiness' ? 'desc' : 'asc',
      ...(values['ready'] ? { ready: true } : {}),
    });
    const rows: ReadinessRow[] = components.map((component) => ({ component, readiness: readinessOf(component, index) }));

    if (format === 'json') {
      const report: ReadinessReportJSON = {
        version: 1,
        root: vault.root,
        today: index.today(),
        summary: { components: rows.length, ready: rows.filter((r) => r.readiness.ready).length, unbacked: rows.filter((r) => !r.readiness.backed).length },
        components: rows.map((r) => readinessToJSON(r.component, r.readiness)),
      };
      writeOut(`${jsonText(report)}\n`);
    } else if (format === 'markdown') {
      writeOut(`${formatReadinessMarkdown(rows, index, vault.root)}\n`);
    } else {
      writeOut(`${formatReadinessText(rows, index, vault.root)}\n`);
    }
    reportSkipped(vault.skipped);
    return values['strict'] && rows.some((r) => !r.readiness.backed) ? 1 : 0;
  },
};
