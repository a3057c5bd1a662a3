// README's Layout table and ARCHITECTURE.md's tables against the tree: every path they name exists, every
// folder of src/lib/ and every module directly in it has its row in ARCHITECTURE.md, and the README names
// each top-level folder. A folder added or moved without its row fails here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesIn, foldersUnder, namedPaths, tableRows } from './helpers/layout-tables';

const ROOT = join(import.meta.dirname, '..');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const readmePaths = namedPaths(tableRows(read('README.md'), '## Layout'));
const architecturePaths = namedPaths(tableRows(read('ARCHITECTURE.md')));
const TOP_LEVEL = ['content/', 'src/', 'scripts/', 'public/', 'tests/'];

describe('the helpers read a Markdown table', () => {
  it('rows without header and separator, and the backticked paths of the first column', () => {
    const md = '# A\n\n| path | what |\n|---|---|\n| `a/`, `b.ts` | x \\| y |\n| `c/` | z |\n\n# B\n\n| p |\n|---|\n| `d/` |\n';
    expect(tableRows(md, '# A')).toEqual([['`a/`, `b.ts`', 'x \\| y'], ['`c/`', 'z']]);
    expect(namedPaths(tableRows(md))).toEqual(['a/', 'b.ts', 'c/', 'd/']);
  });
});

describe.each([
  ['README.md', readmePaths],
  ['ARCHITECTURE.md', architecturePaths],
])('%s', (file, paths) => {
  it('names only paths that exist', () => {
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !existsSync(join(ROOT, p))), `${file} names these, but the tree has none`).toEqual([]);
  });
  it('names every top-level folder', () => {
    expect(TOP_LEVEL.filter((d) => !paths.some((p) => p.startsWith(d)))).toEqual([]);
  });
});

describe('ARCHITECTURE.md', () => {
  it('has a row for every folder under src/lib/ and every module directly in it', () => {
    const tree = [...foldersUnder(ROOT, 'src/lib'), ...filesIn(ROOT, 'src/lib', ['.ts', '.mjs'])];
    expect(tree.filter((p) => !architecturePaths.includes(p)), 'add a row to ARCHITECTURE.md for each').toEqual([]);
  });
});
