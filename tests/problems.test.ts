// The one error module (src/lib/problems.ts): how a problem reads, that every zod issue is listed with
// its line, and that the error classes are told apart by class, not by name.
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { IngestError } from '~/lib/ingest/errors';
import { ReaderError } from '~/lib/ingest/readers/types';
import { ProblemError, problemText, zodProblems } from '~/lib/problems';
import { readYaml } from '~/lib/read-yaml';
import { parseSlice, SliceError } from '~/lib/dataset/slice';

describe('problemText', () => {
  it('reads place: what is wrong。what to do', () => {
    expect(problemText({ file: 'a.txt', line: 3, message: '表头缺少“序号”', hint: '请补上表头。' })).toBe('a.txt:3: 表头缺少“序号”。请补上表头。');
    expect(problemText({ file: 'a.pdf', part: '第2页', message: '文字是旋转的', hint: '请转正后另存。' })).toBe('a.pdf（第2页）: 文字是旋转的。请转正后另存。');
    expect(problemText({ file: 'a.txt', message: '文件是空的。' })).toBe('a.txt: 文件是空的。');
    expect(problemText({ file: 'a.txt', message: '已停止。', hint: '请重试。' })).toBe('a.txt: 已停止。请重试。');
  });
});

describe('ProblemError', () => {
  it('carries its problems; its message is their text, one per line, with no stack in it', () => {
    const e = new IngestError([{ file: 'a', line: 1, message: 'x' }, { file: 'b', message: 'y', hint: '请改。' }]);
    expect(e.problems).toHaveLength(2);
    expect(e.problem).toEqual({ file: 'a', line: 1, message: 'x' });
    expect(e.message).toBe('a:1: x\nb: y。请改。');
    expect(e.name).toBe('IngestError');
  });
  it('subclasses are told apart with instanceof', () => {
    const r = new ReaderError({ file: 'a.docx', message: 'x' });
    expect(r).toBeInstanceOf(ProblemError);
    expect(r).not.toBeInstanceOf(IngestError);
    expect(new IngestError({ file: 'a', message: 'x' })).not.toBeInstanceOf(ReaderError);
  });
  it('an unreadable PORTAL_SLICE is a SliceError naming the variable and what it should be', () => {
    let caught: unknown;
    try {
      parseSlice('district:linzi');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SliceError);
    expect(caught).toBeInstanceOf(ProblemError);
    const p = (caught as SliceError).problem;
    expect(p.file).toBe('PORTAL_SLICE');
    expect(p.message).toContain('"district:linzi"');
    expect(p.hint).toContain('districts:');
  });
});

describe('zodProblems and readYaml', () => {
  const schema = z.object({ name: z.string(), year: z.number().int(), tags: z.array(z.string()) });
  it('lists every issue, not just the first, each with its field path', () => {
    const r = schema.safeParse({ year: 1.5, tags: [1] });
    expect(r.success).toBe(false);
    const problems = zodProblems('x.json', r.error!, { hint: '请重新生成。' });
    expect(problems.map((p) => p.message.split(':')[0])).toEqual(['name', 'year', 'tags[0]']);
    expect(problems.every((p) => p.file === 'x.json' && p.hint === '请重新生成。' && p.line === undefined)).toBe(true);
  });
  it('a YAML file gives each problem the line of its field', () => {
    const { value, problems } = readYaml('c.yaml', 'name: 甲\nyear: 2023.5\ntags:\n  - a\n  - 7\n', schema);
    expect(value).toBeUndefined();
    expect(problems.map(({ line, message }) => [line, message.split(':')[0]])).toEqual([[2, 'year'], [5, 'tags[1]']]);
  });
  it('a whole-file problem says so', () => {
    expect(readYaml('c.yaml', '- 1\n', schema).problems[0]!.message).toMatch(/^\(整个文件\): /);
  });
});
