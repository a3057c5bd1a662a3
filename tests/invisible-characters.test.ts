// Format characters (zero-width, bidi overrides, BOM inside text, soft hyphen) are removed once at ingest
// and each line that held one is flagged: a zero-width space no longer makes a second unit that looks
// identical, and U+202E is gone from names and from pledge and result text alike.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '~/lib/ingest/build-dataset';
import { loadInputs } from '~/lib/ingest/load-inputs';
import { removeInvisibleLines } from '~/lib/ingest/invisible';
import { ROOT, repoDataset } from './helpers/repo-dataset';

const FILE = 'content/reports/linzi/2023-m09-progress.txt';

/** The repository dataset with one file edited line by line. */
function datasetWith(edit: (lines: string[]) => void) {
  const { inputs } = loadInputs(ROOT);
  const readFile = (rel: string) => {
    const path = join(ROOT, rel);
    if (!existsSync(path)) return undefined;
    if (rel !== FILE) return readFileSync(path);
    const lines = readFileSync(path, 'utf8').split('\n');
    edit(lines);
    return new TextEncoder().encode(lines.join('\n'));
  };
  return buildDataset({ ...inputs!, readFile });
}

const anyFormatChar = (v: unknown): string[] => {
  const out: string[] = [];
  const walk = (x: unknown, path: string) => {
    if (typeof x === 'string') { if (/\p{Cf}/u.test(x)) out.push(path); }
    else if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${path}[${i}]`));
    else if (x && typeof x === 'object') for (const [k, y] of Object.entries(x)) walk(y, `${path}.${k}`);
  };
  walk(v, '');
  return out;
};

describe('invisible format characters', () => {
  const original = repoDataset().dataset;
  // Line 6 is task 1 (区发改局 leads), line 7 task 2: a zero-width space inside the unit name, U+202E
  // in the pledge, the result and a unit name, a soft hyphen and a BOM inside the text.
  const built = datasetWith((lines) => {
    lines[5] = lines[5]!.replace('区发改局', '区发\u200B改局').replace('地区生产总值', '地区\u202E生产总值').replace('部分完成。', '部分完成。\u202Egpj.exe');
    lines[6] = lines[6]!.replace('区发改局', '\u202E区发改局').replace('化工', '化\u00AD工\uFEFF');
  });
  const { dataset, problems } = built;

  it('ingests without errors', () => expect(problems).toEqual([]));

  it('区发\\u200B改局 is the same unit as 区发改局: no second unit page', () => {
    expect(dataset.units.length).toBe(original.units.length);
    expect(dataset.units.map((u) => u.id).sort()).toEqual(original.units.map((u) => u.id).sort());
    const fgj = dataset.units.find((u) => u.district === 'linzi' && u.name === '区发改局')!;
    expect(fgj.taskIds).toEqual(original.units.find((u) => u.id === fgj.id)!.taskIds);
  });

  it('no string anywhere in the dataset holds a format character (names and pledge/result text alike)', () => {
    expect(anyFormatChar(dataset)).toEqual([]);
    const t1 = dataset.tasks.find((t) => t.id === 'linzi-2023-001')!;
    expect(t1.pledge.text).toContain('地区生产总值');
  });

  it('each line that held one gets an invisible-character anomaly naming file:line and the characters', () => {
    const found = dataset.anomalies.filter((a) => a.kind === 'invisible-character');
    expect(found.map((a) => [a.file, a.line])).toEqual([[FILE, 6], [FILE, 7]]);
    expect(found[0]!.message).toContain('U+200B（零宽空格）');
    expect(found[0]!.message).toContain('U+202E（从右至左强制）×2');
    expect(found[1]!.message).toContain('U+00AD（软连字符）');
    expect(found[1]!.message).toContain('U+FEFF');
    expect(found[0]!.verbatim).not.toMatch(/\p{Cf}/u);
  });

  it('leaves lines without format characters and Chinese text untouched', () => {
    const lines = ['序号\t年度目标任务', '1\t完成。（牵头）'];
    expect(removeInvisibleLines(lines)).toEqual({ lines, anomalies: [] });
  });
});

describe('invisible characters in the files a maintainer types', () => {
  it('refuses a manifest line holding one, naming file:line', async () => {
    const { mkdtempSync, cpSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'invisible-'));
    try {
      cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
      const manifest = readFileSync(join(ROOT, 'content/reports/manifest.yaml'), 'utf8').replace('title: ', 'title: \u200B');
      writeFileSync(join(dir, 'content/reports/manifest.yaml'), manifest);
      const line = manifest.split('\n').findIndex((l) => l.includes('\u200B')) + 1;
      const { inputs, problems } = loadInputs(dir);
      expect(inputs).toBeDefined();
      expect(problems).toEqual([{ file: 'content/reports/manifest.yaml', line, message: '这一行含有看不见的格式字符 U+200B（零宽空格）（多半是从网页或 Word 复制带来的）', hint: '请删除后重试。' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
