// `maturity-map report <dir> --format markdown`: a status report to paste into an issue or wiki.
import { loadVault, reportSkipped } from '../context';
import { UsageError } from '../files';
import { reportMarkdown } from '../report-markdown';
import { emit } from '../write';
import { loadOptions, str, VAULT_OPTIONS, VAULT_OPTIONS_HELP, type Command } from './types';

export const reportCommand: Command = {
  name: 'report',
  usage: `maturity-map report <dir> [--format markdown] [-o <file>]

${VAULT_OPTIONS_HELP}
  --format markdown    the only format for now (the default)
  -o, --output <file>  write here (default: standard output)`,
  options: { ...VAULT_OPTIONS, format: { type: 'string' }, output: { type: 'string', short: 'o' } },
  async run({ positionals, values }) {
    const format = str(values['format']) ?? 'markdown';
    if (format !== 'markdown' && format !== 'md') throw new UsageError(`--format expects markdown, got "${format}"`);
    const vault = await loadVault(positionals[0], loadOptions(values));
    await emit(str(values['output']), reportMarkdown(vault.index, vault.root));
    reportSkipped(vault.skipped);
    return 0;
  },
};
