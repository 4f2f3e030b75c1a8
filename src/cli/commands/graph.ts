// `maturity-map graph <dir> --format mermaid|dot|json`: the dependency graph for docs, Graphviz
// or other tools; `--focus <name>` keeps one component and its neighbours.
import { buildGraphModel, neighbourhood } from '../../core/index';
import { loadVault } from '../context';
import { UsageError } from '../files';
import { GRAPH_FORMATS, toDot, toGraphJSON, toMermaid, type GraphFormat } from '../graph-format';
import { emit } from '../write';
import { loadOptions, str, VAULT_OPTIONS, VAULT_OPTIONS_HELP, type Command } from './types';

export const graphCommand: Command = {
  name: 'graph',
  summary: 'print the dependency graph as Mermaid, DOT or JSON',
  usage: `maturity-map graph <dir> [--format mermaid|dot|json] [--focus <name> [--hops <n>]] [-o <file>]

${VAULT_OPTIONS_HELP}
  --format <f>         mermaid (default), dot or json
  --focus <name>       only this component and its neighbours
  --hops <n>           how far around --focus to go (default 2)
  -o, --output <file>  write here (default: standard output)`,
  options: { ...VAULT_OPTIONS, format: { type: 'string' }, focus: { type: 'string' }, hops: { type: 'string' }, output: { type: 'string', short: 'o' } },
  async run({ positionals, values }) {
    const format = (str(values['format']) ?? 'mermaid') as GraphFormat;
    if (!GRAPH_FORMATS.includes(format)) throw new UsageError(`--format expects one of ${GRAPH_FORMATS.join(', ')}, got "${format}"`);
    const hopsText = str(values['hops']) ?? '2';
    const hops = Number(hopsText);
    if (!Number.isInteger(hops) || hops < 1) throw new UsageError(`--hops expects a positive whole number, got "${hopsText}"`);
    const vault = await loadVault(positionals[0], loadOptions(values));
    const index = vault.index;
    let ids: Iterable<string> | undefined;
    const focus = str(values['focus']);
    if (focus !== undefined) {
      const id = index.lookup(focus);
      if (!id) throw new UsageError(`--focus: no component is called "${focus}"`);
      ids = neighbourhood(index, id, hops);
    }
    const model = buildGraphModel(index, ids);
    const text = format === 'json' ? toGraphJSON(model) : format === 'dot' ? toDot(model, index.pipeline.stages) : toMermaid(model, index.pipeline.stages);
    await emit(str(values['output']), text);
    return 0;
  },
};
