// npm run check:identical -- DIR_A DIR_B — are two built sites byte for byte the same? For refactors that
// must not change the output (build once before, once after, compare) and for checking that a site put
// together from shards is the site a whole build makes. Lists the files only in one, and the files that
// differ with the first differing line of each; exits 1 if anything differs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface TreeDiff {
  onlyA: string[];
  onlyB: string[];
  /** Files in both whose bytes differ, with where (line, and the two lines cut to 160 characters). */
  differ: { file: string; line: number; a: string; b: string }[];
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

function firstDifference(a: Buffer, b: Buffer): { line: number; a: string; b: string } {
  const la = a.toString('utf8').split('\n');
  const lb = b.toString('utf8').split('\n');
  let i = 0;
  while (i < la.length && i < lb.length && la[i] === lb[i]) i++;
  // Where the lines part, with a little context: built pages are often one long line.
  const cut = (s: string | undefined) => {
    if (s === undefined) return '(文件结束)';
    const other = la[i] ?? '';
    let k = 0;
    while (k < s.length && s[k] === other[k] && s[k] === (lb[i] ?? '')[k]) k++;
    return s.slice(Math.max(0, k - 40), k + 120);
  };
  return { line: i + 1, a: cut(la[i]), b: cut(lb[i]) };
}

export function compareTrees(dirA: string, dirB: string): TreeDiff {
  const a = files(dirA);
  const b = new Set(files(dirB));
  const inA = new Set(a);
  const out: TreeDiff = { onlyA: a.filter((f) => !b.has(f)), onlyB: [...b].filter((f) => !inA.has(f)), differ: [] };
  for (const f of a) {
    if (!b.has(f)) continue;
    const x = readFileSync(join(dirA, f));
    const y = readFileSync(join(dirB, f));
    if (!x.equals(y)) out.differ.push({ file: f, ...firstDifference(x, y) });
  }
  return out;
}

function main(argv: string[]): number {
  const [dirA, dirB] = argv;
  if (!dirA || !dirB || argv.length !== 2) {
    console.error('用法：npm run check:identical -- 目录A 目录B（两个构建好的网站，如 dist/ 与之前复制的一份）');
    return 2;
  }
  for (const d of [dirA, dirB]) {
    if (!statSync(d, { throwIfNoEntry: false })?.isDirectory()) {
      console.error(`check:identical: ${d} 不是目录。请先构建（npm run build）并把结果复制出来再比较。`);
      return 2;
    }
  }
  const d = compareTrees(dirA, dirB);
  const total = files(dirA).length;
  if (d.onlyA.length + d.onlyB.length + d.differ.length === 0) {
    console.log(`相同：${total} 个文件逐字节一致（${dirA} 与 ${dirB}）。`);
    return 0;
  }
  for (const f of d.onlyA) console.log(`只在 ${dirA}：${f}`);
  for (const f of d.onlyB) console.log(`只在 ${dirB}：${f}`);
  for (const x of d.differ) console.log(`不同：${x.file} 第 ${x.line} 行\n  A: ${x.a}\n  B: ${x.b}`);
  console.log(`共 ${d.onlyA.length + d.onlyB.length + d.differ.length} 处不同（A 有 ${total} 个文件）。`);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main(process.argv.slice(2)));
