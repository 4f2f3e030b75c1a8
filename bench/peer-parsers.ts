// Peers for the cold index (issue #20 item 3): how fast the best-known JavaScript Markdown parsers
// read the same notes, in the same run. commonmark.js is CommonMark's reference implementation
// (block and inline structure into a tree); markdown-it's block pass alone (its inline rules off)
// is the least a general-purpose parser does to find a note's blocks. Neither reads a field: they
// show where a parser that also reads every field stands among parsers, not a target.
import * as commonmark from 'commonmark';
import MarkdownIt from 'markdown-it';
import { createPipeline, parseNote, resolveConfig } from '../src/core/index';
import { sample, type LoadedVault } from './corpus';
import { cpuMs, median } from './measure';

export interface PeerFigures {
  notes: number;
  megabytes: number;
  /** CPU medians over the same sample, runs interleaved so load falls on all alike. */
  parseMs: number;
  commonmarkMs: number;
  markdownItBlockMs: number;
}

export function peerParsers(vault: LoadedVault, notes: number, reps: number): PeerFigures {
  const pipeline = createPipeline(resolveConfig({}).stages);
  const texts = sample(vault.texts, notes);
  const reader = new commonmark.Parser();
  const blocksOnly = new MarkdownIt();
  blocksOnly.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  const parse: number[] = [];
  const commonmarkRuns: number[] = [];
  const markdownItRuns: number[] = [];
  for (let k = 0; k < reps; k++) {
    parse.push(cpuMs(() => texts.forEach((text) => parseNote(text, pipeline, undefined, 'index'))));
    commonmarkRuns.push(cpuMs(() => texts.forEach((text) => reader.parse(text))));
    markdownItRuns.push(cpuMs(() => texts.forEach((text) => blocksOnly.parse(text, {}))));
  }
  let bytes = 0;
  for (const text of texts) bytes += Buffer.byteLength(text);
  return { notes: texts.length, megabytes: bytes / 1e6, parseMs: median(parse), commonmarkMs: median(commonmarkRuns), markdownItBlockMs: median(markdownItRuns) };
}
