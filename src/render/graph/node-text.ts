// What a node of the graph says and how wide it is drawn: its name (cut short), its stage and the
// marks after it, and its accessible name. Pure text, no DOM.
import type { ExternalNode, GraphNode } from '../../core/index';

export const NODE_HEIGHT = 44;
const MAX_NAME = 28;

/** Width from the text it holds (13px bold name with its glyph, 11px status line); no DOM measuring. */
export function nodeWidth(node: GraphNode): number {
  const name = (Math.min(node.name.length, MAX_NAME) + 2) * 8.2;
  const status = statusLine(node).length * 6.6;
  return Math.round(Math.min(290, Math.max(130, name + 24, status + 24)));
}

/** An external node's width: its name and "external · used by N". */
export function externalWidth(node: ExternalNode): number {
  const name = (Math.min(node.name.length, MAX_NAME) + 2) * 8.2;
  const status = externalStatus(node).length * 6.6;
  return Math.round(Math.min(290, Math.max(110, name + 24, status + 24)));
}

export function externalStatus(node: ExternalNode): string {
  return `external · used by ${node.usedBy.length}`;
}

export function shortName(name: string): string {
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

/** The status line's marks after the stage name: a glyph and the words it stands for. */
function nodeStatus(node: GraphNode): Array<{ glyph: string; words: string }> {
  const parts: Array<{ glyph: string; words: string }> = [];
  if (node.blocked) parts.push({ glyph: '⊘', words: 'blocked' });
  if (node.stale) parts.push({ glyph: '◷', words: 'stale' });
  if (node.errors > 0) parts.push({ glyph: '✖', words: `${node.errors} ${node.errors === 1 ? 'error' : 'errors'}` });
  if (node.cycle >= 0) parts.push({ glyph: '↻', words: 'cycle' });
  return parts;
}

export function statusLine(node: GraphNode): string {
  return [node.stageName, ...nodeStatus(node).map((p) => `${p.glyph} ${p.words}`)].join(' · ');
}

/**
 * A node's accessible name: its visible words in their order (WCAG 2.5.3, "label in name"), then
 * what the box does not show: its edge counts and, when the name is cut short, the full name.
 */
export function describeNode(node: GraphNode, dependsOn: number, usedBy: number): string {
  const shown = shortName(node.name);
  const parts = [shown, node.stageName, ...nodeStatus(node).map((p) => p.words), `depends on ${dependsOn}`, `used by ${usedBy}`];
  if (shown !== node.name) parts.push(`full name ${node.name}`);
  return parts.join(', ');
}

/** An external node's accessible name: its visible words first (WCAG 2.5.3), then what they mean. */
export function describeExternal(node: ExternalNode): string {
  const shown = shortName(node.name);
  const full = shown !== node.name ? `, full name ${node.name}` : '';
  return `${shown}, external, used by ${node.usedBy.length}${full}; a dependency outside the vault`;
}
