// The JSON Canvas 1.0 spec (jsoncanvas.org/spec/1.0) as checks: what a reader may rely on in a
// `.canvas` file. Returns every problem found, so a test can show them all.
const NODE_TYPES = ['text', 'file', 'link', 'group'];
const SIDES = ['top', 'right', 'bottom', 'left'];
const ENDS = ['none', 'arrow'];
const COLOR = /^(#[0-9a-fA-F]{6}|[1-6])$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkNode(node: unknown, i: number, problems: string[]): void {
  const where = `nodes[${i}]`;
  if (!isObject(node)) return void problems.push(`${where} is not an object`);
  if (typeof node['id'] !== 'string' || node['id'] === '') problems.push(`${where}.id must be a non-empty string`);
  if (!NODE_TYPES.includes(node['type'] as string)) problems.push(`${where}.type must be one of ${NODE_TYPES.join(', ')}`);
  for (const key of ['x', 'y', 'width', 'height']) if (!Number.isInteger(node[key])) problems.push(`${where}.${key} must be an integer`);
  if (node['color'] !== undefined && !COLOR.test(String(node['color']))) problems.push(`${where}.color must be #RRGGBB or a preset 1-6`);
  if (node['type'] === 'text' && typeof node['text'] !== 'string') problems.push(`${where}.text must be a string`);
  if (node['type'] === 'file') {
    if (typeof node['file'] !== 'string' || node['file'] === '') problems.push(`${where}.file must be a path`);
    if (node['subpath'] !== undefined && !String(node['subpath']).startsWith('#')) problems.push(`${where}.subpath must start with #`);
  }
  if (node['type'] === 'link' && typeof node['url'] !== 'string') problems.push(`${where}.url must be a string`);
  if (node['type'] === 'group' && node['label'] !== undefined && typeof node['label'] !== 'string') problems.push(`${where}.label must be a string`);
}

function checkEdge(edge: unknown, i: number, nodeIds: Set<string>, problems: string[]): void {
  const where = `edges[${i}]`;
  if (!isObject(edge)) return void problems.push(`${where} is not an object`);
  if (typeof edge['id'] !== 'string' || edge['id'] === '') problems.push(`${where}.id must be a non-empty string`);
  for (const end of ['fromNode', 'toNode']) if (!nodeIds.has(edge[end] as string)) problems.push(`${where}.${end} names no node`);
  for (const side of ['fromSide', 'toSide']) if (edge[side] !== undefined && !SIDES.includes(edge[side] as string)) problems.push(`${where}.${side} must be a side`);
  for (const end of ['fromEnd', 'toEnd']) if (edge[end] !== undefined && !ENDS.includes(edge[end] as string)) problems.push(`${where}.${end} must be none or arrow`);
  if (edge['color'] !== undefined && !COLOR.test(String(edge['color']))) problems.push(`${where}.color must be #RRGGBB or a preset 1-6`);
  if (edge['label'] !== undefined && typeof edge['label'] !== 'string') problems.push(`${where}.label must be a string`);
}

export function jsonCanvasProblems(data: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(data)) return ['the top level is not an object'];
  const nodes = data['nodes'] ?? [];
  const edges = data['edges'] ?? [];
  if (!Array.isArray(nodes)) return ['nodes must be an array'];
  if (!Array.isArray(edges)) return ['edges must be an array'];
  nodes.forEach((node, i) => checkNode(node, i, problems));
  const ids = nodes.filter(isObject).map((n) => n['id'] as string);
  const nodeIds = new Set(ids);
  edges.forEach((edge, i) => checkEdge(edge, i, nodeIds, problems));
  const all = [...ids, ...edges.filter(isObject).map((e) => e['id'] as string)];
  if (new Set(all).size !== all.length) problems.push('ids must be unique');
  return problems;
}
