// The dependency graph as Mermaid, Graphviz DOT or JSON. Node ids are generated (n0, n1, …);
// names only ever appear inside quoted labels, escaped for the target language, so no note
// title can add nodes, edges, styles or markup.
import type { ExternalNode, GraphModel, GraphNode, StageDefinition } from '../core/index';
import { jsonText, visible } from './terminal';

export const GRAPH_FORMATS = ['mermaid', 'dot', 'json', 'canvas'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

const FALLBACK_COLOR = '#6b7280';

/** A configured colour when it is a plain hex or colour name; otherwise grey. */
export function safeColor(color: string | undefined): string {
  return color && /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i.test(color.trim()) ? color.trim() : FALLBACK_COLOR;
}

function ids(model: GraphModel): Map<string, string> {
  const out = new Map(model.nodes.map((n, i) => [n.id, `n${i}`]));
  model.externals.forEach((x, i) => out.set(x.id, `x${i}`));
  return out;
}

const EXTERNAL_COLOR = '#9ca3af';

function externalLabel(node: ExternalNode): string {
  return `external · used by ${node.usedBy.length}`;
}

function stageColor(stages: readonly StageDefinition[], node: GraphNode): string {
  return safeColor(stages.find((s) => s.id === node.stage)?.color);
}

function nodeNotes(node: GraphNode): string[] {
  const notes: string[] = [];
  if (node.blocked) notes.push('blocked');
  if (node.stale) notes.push('stale');
  if (node.errors > 0) notes.push(`${node.errors} ${node.errors === 1 ? 'error' : 'errors'}`);
  return notes;
}

/**
 * Mermaid label text: letters, digits, spaces and harmless punctuation stay; everything else
 * becomes a `#code;` entity, which Mermaid shows as the character and never as markup.
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    out += /[\p{L}\p{N} ,.:_/()+'·-]/u.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}

function className(stage: string | null): string {
  return `stage_${(stage ?? 'unknown').replace(/[^A-Za-z0-9_]/g, '_')}`;
}

export function toMermaid(model: GraphModel, stages: readonly StageDefinition[]): string {
  const id = ids(model);
  const lines = ['flowchart LR', '  %% Maturity Map: arrows point from a component to what it depends on.'];
  for (const node of model.nodes) {
    const notes = nodeNotes(node);
    lines.push(`  ${id.get(node.id)}["${mermaidText(`${node.name} · ${node.stageName}${notes.length ? ` · ${notes.join(', ')}` : ''}`)}"]`);
  }
  for (const node of model.externals) lines.push(`  ${id.get(node.id)}(["${mermaidText(`${node.name} · ${externalLabel(node)}`)}"])`);
  const styled: string[] = [];
  model.edges.forEach((edge, i) => {
    const label = edge.cycle ? 'cycle' : edge.inversion ? 'stage inversion' : edge.optional ? 'optional' : '';
    const arrow = edge.optional && !edge.cycle && !edge.inversion ? '-.->' : '-->';
    lines.push(`  ${id.get(edge.from)} ${arrow}${label ? `|${label}|` : ''} ${id.get(edge.to)}`);
    if (edge.cycle) styled.push(`  linkStyle ${i} stroke:#dc2626,stroke-width:2px,stroke-dasharray:6 4`);
    else if (edge.inversion) styled.push(`  linkStyle ${i} stroke:#d97706,stroke-width:2px,stroke-dasharray:2 4`);
  });
  model.externalEdges.forEach((edge, i) => {
    lines.push(`  ${id.get(edge.from)} -.-> ${id.get(edge.to)}`);
    styled.push(`  linkStyle ${model.edges.length + i} stroke:${EXTERNAL_COLOR}`);
  });
  lines.push(...styled);
  const classes = new Map<string, string>();
  for (const node of model.nodes) classes.set(className(node.stage), stageColor(stages, node));
  for (const [cls, color] of classes) {
    const dash = cls === className(stages[0]?.id ?? null) || cls === className(null) ? ',stroke-dasharray:5 3' : '';
    lines.push(`  classDef ${cls} stroke:${color},stroke-width:2px${dash}`);
    const members = model.nodes.filter((n) => className(n.stage) === cls).map((n) => id.get(n.id));
    lines.push(`  class ${members.join(',')} ${cls}`);
  }
  if (model.externals.length > 0) {
    lines.push(`  classDef external fill:#f3f4f6,stroke:${EXTERNAL_COLOR},color:#374151,stroke-dasharray:3 3`);
    lines.push(`  class ${model.externals.map((n) => id.get(n.id)).join(',')} external`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A DOT quoted string: control characters shown as escapes (a raw ESC in a tooltip reaches the
 * terminal of whoever prints the file), then backslashes doubled (so no `\N`-style escape
 * survives, including the ones `visible` wrote) and quotes escaped.
 */
export function dotString(text: string): string {
  return `"${visible(text.replace(/\r?\n|\r/g, ' ')).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function toDot(model: GraphModel, stages: readonly StageDefinition[]): string {
  const id = ids(model);
  const lines = [
    'digraph "maturity-map" {',
    '  // Arrows point from a component to what it depends on.',
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fillcolor="white"];',
  ];
  const first = stages[0]?.id;
  const last = stages[stages.length - 1]?.id;
  for (const node of model.nodes) {
    const notes = nodeNotes(node);
    const style = node.stage === null ? 'rounded,filled,dotted' : node.stage === first ? 'rounded,filled,dashed' : node.stage === last ? 'rounded,filled,bold' : 'rounded,filled';
    // The label joins name and stage with DOT's own line break; both parts are escaped first.
    const label = `${dotString(node.name).slice(0, -1)}\\n${dotString([node.stageName, ...notes].join(' · ')).slice(1)}`;
    lines.push(`  ${id.get(node.id)} [label=${label}, color=${dotString(stageColor(stages, node))}, style=${dotString(style)}, tooltip=${dotString(node.id)}];`);
  }
  for (const edge of model.edges) {
    const attrs: string[] = [];
    if (edge.cycle) attrs.push('color="#dc2626"', 'style=dashed', 'penwidth=2', 'label="cycle"');
    else if (edge.inversion) attrs.push('color="#d97706"', 'style=dotted', 'penwidth=2', 'label="stage inversion"');
    else if (edge.optional) attrs.push('style=dashed', 'label="optional"');
    lines.push(`  ${id.get(edge.from)} -> ${id.get(edge.to)}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  for (const node of model.externals) {
    const label = `${dotString(node.name).slice(0, -1)}\\n${dotString(externalLabel(node)).slice(1)}`;
    lines.push(`  ${id.get(node.id)} [label=${label}, color="${EXTERNAL_COLOR}", fillcolor="#f3f4f6", fontcolor="#374151", style="rounded,filled,dashed", tooltip=${dotString(node.id)}];`);
  }
  for (const edge of model.externalEdges) lines.push(`  ${id.get(edge.from)} -> ${id.get(edge.to)} [color="${EXTERNAL_COLOR}", style=dashed${edge.optional ? ', label="optional"' : ''}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export function toGraphJSON(model: GraphModel): string {
  return `${jsonText({ version: 1, nodes: model.nodes, edges: model.edges, cycles: model.cycles, externals: model.externals, externalEdges: model.externalEdges })}\n`;
}
