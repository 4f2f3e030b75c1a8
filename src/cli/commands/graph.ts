// `maturity-map graph <dir> --format mermaid|dot|json|canvas`: the dependency graph for docs,
// Graphviz, other tools or Obsidian's Canvas; `--focus <name>` keeps one component and its neighbours.
import { buildGraphModel, neighbourhood, withoutExternals, type GraphModel } from '../../core/index';
import { canvasJSON, toCanvas } from '../../render/canvas';
import { loadVault, type LoadedVault } from '../context';
import { UsageError } from '../files';
import { GRAPH_FORMATS, toDot, toGraphJSON, toMermaid, type GraphFormat } from '../graph-format';
import { findVaultRoot, notesFolder, pathFrom } from '../repo-paths';
import { emit } from '../write';
import { loadOptions, str, VAULT_OPTIONS, VAULT_OPTIONS_HELP, type Command } from './types';

export const graphCommand: Command = {
  name: 'graph',
  usage: `maturity-map graph <dir> [--format mermaid|dot|json|canvas] [--focus <name> [--hops <n>]] [--hide-external] [-o <file>]

${VAULT_OPTIONS_HELP}
  --format <f>         mermaid (default), dot, json, or canvas: a JSON Canvas 1.0 file for
                       Obsidian (write it into the vault with -o deps.canvas); its file
                       nodes point at notes from the vault root (the folder with .obsidian
                       above <dir>, else <dir>)
  --focus <name>       only this component and its neighbours
  --hops <n>           how far around --focus to go (default 2)
  --hide-external      leave out the external dependencies (names no component answers
                       to, one grey node per name with the count of components using it)
  -o, --output <file>  write here (default: standard output)`,
  options: { ...VAULT_OPTIONS, format: { type: 'string' }, focus: { type: 'string' }, hops: { type: 'string' }, 'hide-external': { type: 'boolean' }, output: { type: 'string', short: 'o' } },
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
    const full = buildGraphModel(index, ids);
    const model = values['hide-external'] === true ? withoutExternals(full) : full;
    const text = format === 'canvas' ? canvasText(vault, model) : format === 'json' ? toGraphJSON(model) : format === 'dot' ? toDot(model, index.pipeline.stages) : toMermaid(model, index.pipeline.stages);
    await emit(str(values['output']), text);
    return 0;
  },
};

function canvasText(vault: LoadedVault, model: GraphModel): string {
  const notes = notesFolder(vault.root);
  const vaultRoot = findVaultRoot(notes);
  return canvasJSON(toCanvas(model, { stages: vault.index.pipeline.stages, filePath: (id) => pathFrom(vaultRoot, notes, id) }));
}
