// `maturity-map lint <dir>`: the scan for CI — exit 1 when a diagnostic reaches the fail level
// (errors by default). Text for people, GitHub workflow commands for annotations, SARIF for code scanning.
import { loadVault, reportSkipped, type LoadedVault } from '../context';
import { UsageError } from '../files';
import { collectFindings, FAIL_LEVELS, fails, type FailLevel, type LintFinding } from '../lint/findings';
import { toGithubCommands } from '../lint/github';
import { findRepositoryRoot, notesFolder, pathFrom } from '../repo-paths';
import { toSarif } from '../lint/sarif';
import { jsonText, paint, visible } from '../terminal';
import { emit } from '../write';
import { loadOptions, str, VAULT_OPTIONS, VAULT_OPTIONS_HELP, type Command, type CommandArgs } from './types';

const LINT_FORMATS = ['text', 'github', 'sarif'] as const;
type LintFormat = (typeof LINT_FORMATS)[number];

function failLevel(values: CommandArgs['values']): FailLevel {
  const given = str(values['fail-on']);
  if (given !== undefined && !(FAIL_LEVELS as readonly string[]).includes(given)) {
    throw new UsageError(`--fail-on expects one of ${FAIL_LEVELS.join(', ')}, got "${given}"`);
  }
  if (values['warnings-as-errors'] === true) {
    if (given !== undefined && given !== 'warning') throw new UsageError('--warnings-as-errors is --fail-on warning; give one or the other');
    return 'warning';
  }
  return (given as FailLevel | undefined) ?? 'error';
}

function summary(shown: number, components: number, failing: number): string {
  return `${shown} problem${shown === 1 ? '' : 's'} in ${components} components${failing > 0 ? `, ${failing} failing` : ''}\n`;
}

/** The people's format: info is left out, as it always was. */
function toText(findings: readonly LintFinding[], vault: LoadedVault, level: FailLevel): string {
  let out = '';
  let shown = 0;
  for (const f of findings) {
    if (f.severity === 'info') continue;
    shown++;
    const label = f.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    const where = f.vaultWide || f.file === null ? visible(vault.root) : `${visible(f.file)}${f.line ? `:${f.line}` : ''}`;
    out += `${where}: ${label} ${f.code}: ${visible(f.message)}\n`;
  }
  return out + summary(shown, vault.index.ids().length, findings.filter((f) => fails(f.severity, level)).length);
}

export const lintCommand: Command = {
  name: 'lint',
  usage: `maturity-map lint <dir> [--format text|github|sarif] [--fail-on error|warning|info|none] [-o <file>]

${VAULT_OPTIONS_HELP}
  --format <f>         text (default); github: workflow commands that annotate the
                       notes in a pull request; sarif: a SARIF 2.1.0 log for code scanning
  --fail-on <level>    exit 1 when a diagnostic is at this level or worse (default error;
                       none never fails)
  --warnings-as-errors the same as --fail-on warning
  -o, --output <file>  write here (default: standard output)
Paths in github and sarif output are relative to the git repository holding <dir>
(else the current directory).`,
  options: { ...VAULT_OPTIONS, format: { type: 'string' }, 'fail-on': { type: 'string' }, 'warnings-as-errors': { type: 'boolean' }, output: { type: 'string', short: 'o' } },
  async run({ positionals, values }) {
    const format = (str(values['format']) ?? 'text') as LintFormat;
    if (!LINT_FORMATS.includes(format)) throw new UsageError(`--format expects one of ${LINT_FORMATS.join(', ')}, got "${format}"`);
    const level = failLevel(values);
    const vault = await loadVault(positionals[0], loadOptions(values));
    const findings = collectFindings(vault.index);
    const failing = findings.filter((f) => fails(f.severity, level)).length;
    const vaultRoot = notesFolder(vault.root);
    const repositoryRoot = findRepositoryRoot(vaultRoot);
    const pathOf = (id: string) => pathFrom(repositoryRoot, vaultRoot, id);
    if (format === 'sarif') {
      const log = toSarif(findings, { repositoryRoot, pathOf, severity: vault.index.config.severity, skipped: vault.skipped });
      await emit(str(values['output']), `${jsonText(log)}\n`);
    } else if (format === 'github') {
      const shown = findings.length;
      await emit(str(values['output']), toGithubCommands(findings, { pathOf }) + summary(shown, vault.index.ids().length, failing));
    } else {
      await emit(str(values['output']), toText(findings, vault, level));
    }
    reportSkipped(vault.skipped);
    return failing > 0 ? 1 : 0;
  },
};
