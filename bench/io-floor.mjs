#!/usr/bin/env node
// The I/O floor of a vault scan, as its own process: list every Markdown file (the folders the CLI
// skips skipped too), read each one, decode it and find its line starts. `--async` reads with the
// same bounded concurrency as the CLI instead of one file at a time. Prints files, bytes, lines.
import { readdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

const SKIP = new Set(['.git', '.obsidian', '.trash', 'node_modules', '.logseq', 'bak', '.hg', '.svn']);
const root = process.argv[2];
const concurrent = process.argv.includes('--async');

function list(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name) && !entry.name.startsWith('.')) list(join(dir, entry.name), out);
    } else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) out.push(join(dir, entry.name));
  }
  return out;
}

function lineStarts(text) {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

const files = list(root, []).sort();
let bytes = 0;
let lines = 0;
if (concurrent) {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const handle = await open(files[next++], 'r');
      const buffer = await handle.readFile();
      await handle.close();
      bytes += buffer.length;
      lines += lineStarts(buffer.toString('utf8'));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
} else {
  for (const file of files) {
    const buffer = readFileSync(file);
    bytes += buffer.length;
    lines += lineStarts(buffer.toString('utf8'));
  }
}
process.stdout.write(`${files.length} files, ${bytes} bytes, ${lines} lines\n`);
