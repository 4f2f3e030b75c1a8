// `maturity-map dashboard <dir> -o report.html`: one self-contained HTML page (board, graph,
// filterable table, every card) that works from file:// without a network.
import { dashboardData } from '../../core/dashboard-data';
import { loadVault, reportSkipped } from '../context';
import { visible, writeErr } from '../terminal';
import { dashboardHtml, encodeDashboardData, readDashboardAssets } from '../dashboard-page';
import { UsageError } from '../files';
import { emit } from '../write';
import { loadOptions, str, VAULT_OPTIONS, VAULT_OPTIONS_HELP, type Command } from './types';

export const dashboardCommand: Command = {
  name: 'dashboard',
  usage: `maturity-map dashboard <dir> [-o <file>] [--title <text>]

${VAULT_OPTIONS_HELP}
  -o, --output <file>  write the page here (default: standard output)
  --title <text>       the page title (default: "Maturity Map — <dir>")`,
  options: { ...VAULT_OPTIONS, output: { type: 'string', short: 'o' }, title: { type: 'string' } },
  async run({ positionals, values }) {
    const vault = await loadVault(positionals[0], loadOptions(values));
    let assets;
    try {
      assets = readDashboardAssets();
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const data = dashboardData(vault.index, vault.root);
    const html = dashboardHtml(encodeDashboardData(data), assets, str(values['title']));
    const output = str(values['output']);
    await emit(output, html);
    reportSkipped(vault.skipped);
    if (output && output !== '-') {
      writeErr(`wrote ${visible(output)} (${data.components.length} components, ${Math.round(Buffer.byteLength(html) / 1024)} KB)\n`);
    }
    return 0;
  },
};
