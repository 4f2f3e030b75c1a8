// `maturity-map scan <dir>`: what the vault says, grouped by stage; `--json` for machines.
import { scanToJSON } from '../../core/serialize';
import { loadVault, reportSkipped } from '../context';
import { jsonText, writeOut } from '../terminal';
import { formatScan } from '../format-text';
import { loadOptions, VAULT_OPTIONS, VAULT_OPTIONS_HELP, type Command } from './types';

export const scanCommand: Command = {
  name: 'scan',
  usage: `maturity-map scan <dir> [--json] [--verbose]

${VAULT_OPTIONS_HELP}
  --json               print one JSON object (shape in docs/json.md)
  --verbose            also show info-level diagnostics`,
  options: { ...VAULT_OPTIONS, json: { type: 'boolean' }, verbose: { type: 'boolean' } },
  async run({ positionals, values }) {
    const vault = await loadVault(positionals[0], loadOptions(values));
    if (values['json']) {
      const json = { ...scanToJSON(vault.index, vault.root), skipped: vault.skipped };
      writeOut(`${jsonText(json)}\n`);
    } else {
      writeOut(`${formatScan(vault.index, vault.root, { verbose: values['verbose'] === true })}\n`);
      reportSkipped(vault.skipped);
    }
    return 0;
  },
};
