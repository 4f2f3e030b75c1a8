// `maturity-map lint <dir>`: the scan for CI — exit 1 when any error-level diagnostic exists.
import { loadVault, reportSkipped } from '../context';
import { paint, visible, writeOut } from '../terminal';
import { loadOptions, VAULT_OPTIONS, VAULT_OPTIONS_HELP, type Command } from './types';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'print diagnostics; exit 1 when any is an error (for CI)',
  usage: `maturity-map lint <dir> [--warnings-as-errors]

${VAULT_OPTIONS_HELP}
  --warnings-as-errors exit 1 on warnings too`,
  options: { ...VAULT_OPTIONS, 'warnings-as-errors': { type: 'boolean' } },
  async run({ positionals, values }) {
    const vault = await loadVault(positionals[0], loadOptions(values));
    const strict = values['warnings-as-errors'] === true;
    let failing = 0;
    let shown = 0;
    for (const c of vault.index.components()) {
      for (const d of c.diagnostics) {
        if (d.severity === 'info') continue;
        shown++;
        if (d.severity === 'error' || strict) failing++;
        const where = `${visible(c.id)}${d.line ? `:${d.line}` : ''}`;
        writeOut(`${where}: ${d.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning')} ${d.code}: ${visible(d.message)}\n`);
      }
    }
    for (const d of vault.index.vaultDiagnostics()) {
      shown++;
      if (d.severity === 'error' || strict) failing++;
      writeOut(`${visible(vault.root)}: ${d.severity} ${d.code}: ${visible(d.message)}\n`);
    }
    reportSkipped(vault.skipped);
    writeOut(`${shown} problem${shown === 1 ? '' : 's'} in ${vault.index.ids().length} components${failing > 0 ? `, ${failing} failing` : ''}\n`);
    return failing > 0 ? 1 : 0;
  },
};
