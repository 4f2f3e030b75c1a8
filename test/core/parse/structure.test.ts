// The parser stays small enough to change: no function over 60 lines and no file over 300 lines
// in src/core/parse (issue #20), measured on the TypeScript syntax tree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/vault';

const DIR = join(ROOT, 'src/core/parse');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

function longFunctions(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      if (last - first + 1 > 60) out.push(`${file}:${first + 1} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('src/core/parse', () => {
  it('has many small files, none over 300 lines', () => {
    expect(files.length).toBeGreaterThan(20);
    const long = files.filter((f) => readFileSync(join(DIR, f), 'utf8').split('\n').length > 300);
    expect(long).toEqual([]);
  });

  it('has no function over 60 lines', () => {
    expect(files.flatMap(longFunctions)).toEqual([]);
  });
});
