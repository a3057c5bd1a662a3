// The layout tables of README.md and ARCHITECTURE.md read as data, so a test can hold them to the tree:
// a Markdown table's rows, and the repository paths its first column names in backticks.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Rows of every pipe table in `markdown` (after `heading`, up to the next heading of that level or above, when given), header and separator rows left out. */
export function tableRows(markdown: string, heading?: string): string[][] {
  let lines = markdown.split('\n');
  if (heading) {
    const start = lines.findIndex((l) => l.trim() === heading);
    if (start < 0) throw new Error(`no heading “${heading}”`);
    const level = /^#+/.exec(heading)![0].length;
    const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
    lines = lines.slice(start + 1, end < 0 ? undefined : end);
  }
  const rows = lines.filter((l) => l.trimStart().startsWith('|')).map((l) => l.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim()));
  return rows.filter((cells, i) => !cells.every((c) => /^:?-{3,}:?$/.test(c)) && !(rows[i + 1]?.every((c) => /^:?-{3,}:?$/.test(c))));
}

/** The paths named in backticks in the first column of the rows (`src/pages/`, `src/layouts/`, `src/lib/markup.ts`). */
export function namedPaths(rows: readonly string[][]): string[] {
  return rows.flatMap((cells) => [...(cells[0] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

/** Every folder under `dir` (relative to `root`, with a trailing slash), depth first. */
export function foldersUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .flatMap((e) => {
      const rel = `${dir.replace(/\/$/, '')}/${e.name}/`;
      return [rel, ...foldersUnder(root, rel)];
    });
}

/** The files directly in `dir` (relative to `root`) whose names end in one of `extensions`. */
export function filesIn(root: string, dir: string, extensions: readonly string[]): string[] {
  return readdirSync(join(root, dir))
    .filter((n) => extensions.some((x) => n.endsWith(x)) && statSync(join(root, dir, n)).isFile())
    .map((n) => `${dir.replace(/\/$/, '')}/${n}`);
}
