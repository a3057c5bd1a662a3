import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../src/lib/ingest/build-dataset';
import { IngestError } from '../src/lib/ingest/errors';
import { loadInputs } from '../src/lib/ingest/load-inputs';
import { parseReport, type ParsedReport } from '../src/lib/ingest/parse-report';
import { bigTable } from '../scripts/bench/seed-tables';
import { corpus } from './fixtures/make-hostile';
import { ROOT } from './helpers/repo-dataset';

const DIR = join(ROOT, 'tests/fixtures/hostile');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const parse = (name: string) => parseReport(`tests/fixtures/hostile/${name}`, fixture(name), { kind: 'progress' });
const refusal = (name: string) => {
  try {
    parse(name);
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error(`${name} was not refused`);
};
const essence = (p: ParsedReport) => p.rows.map((r) => [r.number, r.status, r.units.map((u) => u.name), r.result?.text, r.startLine]);
const EXECUTABLE = /<script|<iframe|<img|<svg|<style|<object|<embed|<a\b|javascript:|\son\w+\s*=|style=/i;

describe('the committed corpus is what make-hostile.ts makes', () => {
  it.each(Object.keys(corpus()))('%s', (name) => {
    expect(Buffer.from(fixture(name)).equals(Buffer.from(corpus()[name]!))).toBe(true);
  });
});

describe('injected markup never survives', () => {
  const p = parse('injection.txt');
  const original = parseReport('o', new Uint8Array(readFileSync(join(ROOT, 'content/reports/linzi/2023-m09-progress.txt'))), { kind: 'progress' });
  it('parses to the same tasks and stated statuses', () => {
    expect(p.rows).toHaveLength(124);
    expect(p.rows.map((r) => r.status.status)).toEqual(original.rows.map((r) => r.status.status));
    // The injection's visible text (点击, 加粗…) is text in the units cell too; the real units come first, intact.
    p.rows.forEach((r, i) => expect(r.units.map((u) => u.name).slice(0, original.rows[i]!.units.length)).toEqual(original.rows[i]!.units.map((u) => u.name)));
  });
  it('leaves no executable markup in any html or text field', () => {
    const fields = p.rows.flatMap((r) => [r.pledge, r.result, ...r.targets.map((t) => t.text)].filter(Boolean).flatMap((x) => [x!.html, x!.text]));
    expect(fields.length).toBeGreaterThan(400);
    for (const f of fields) expect(f).not.toMatch(EXECUTABLE);
    expect(p.rows.flatMap((r) => r.units.map((u) => u.name)).join(' ')).not.toMatch(/alert|script|onerror/);
  });
  it('keeps the harmless text and the allowed tags, without attributes', () => {
    expect(p.rows[2]!.pledge!.html).toMatch(/。点击$/);
    expect(p.rows[4]!.pledge!.html).toContain('<b>加粗</b>');
    expect(p.rows[9]!.pledge!.html).toContain('<sup>2</sup>');
    expect(p.rows[0]!.pledge!.text).not.toContain('alert');
  });
});

describe('encodings and line ends', () => {
  const reference = essence(parseReport('r', new Uint8Array(readFileSync(join(ROOT, 'content/reports/linzi/2021-q3-progress.txt'))), { kind: 'progress' }));
  it.each([
    ['gb18030.txt', 'gb18030', false],
    ['utf16le-bom.txt', 'utf-16le', true],
    ['utf16be-bom.txt', 'utf-16be', true],
    ['utf8-bom.txt', 'utf-8', true],
    ['crlf.txt', 'utf-8', false],
    ['cr-only.txt', 'utf-8', false],
  ] as const)('%s parses identically', (name, encoding, bom) => {
    const p = parse(name);
    expect(p.decoded).toMatchObject({ encoding, bom });
    expect(essence(p)).toEqual(reference);
  });
  it('a file cut inside a multi-byte character keeps every row and says where it was cut', () => {
    const p = parse('cut-multibyte.txt');
    expect(p.rows).toHaveLength(80);
    const last = p.lines.length;
    expect(p.anomalies.map((a) => [a.line, a.kind])).toEqual([[last, 'decode'], [last, 'truncated-cell']]);
  });
});

describe('refused with one clear sentence naming the file', () => {
  it.each([
    ['empty.txt', /^文件是空的/],
    ['whitespace.txt', /^文件只有空白字符/],
    ['binary.bin', /^这不是文本文件/],
    ['prose.txt', /^没有找到表格/],
  ])('%s', (name, message) => {
    const e = refusal(name);
    expect(e.problems).toHaveLength(1);
    expect(e.problem).toMatchObject({ file: `tests/fixtures/hostile/${name}`, message: expect.stringMatching(message) });
    expect(e.message.split('\n')).toHaveLength(1);
  });
  it('prose registered as a work report is kept as text, not refused', () => {
    const p = parseReport('prose.txt', fixture('prose.txt'), { kind: 'work-report' });
    expect(p.layout).toBe('prose');
    expect(p.uses.every((u) => u === 'text' || u === 'blank')).toBe(true);
  });
});

describe('ragged rows', () => {
  const p = parse('ragged.txt');
  it('keeps every row and reports each damaged one with its line', () => {
    expect(p.rows).toHaveLength(124);
    const few = p.anomalies.filter((a) => a.kind === 'too-few-cells');
    const many = p.anomalies.filter((a) => a.kind === 'too-many-cells');
    expect(few).toHaveLength(13);
    expect(many).toHaveLength(12);
    for (const a of [...few, ...many]) expect(p.uses[a.line - 1]).toBe('task');
    const wide = p.rows.find((r) => r.startLine === many[0]!.line)!;
    expect(wide.extra).toEqual([{ label: '多出的单元格', text: '多出来的一格' }, { label: '多出的单元格', text: '又一格' }]);
    expect(few[0]!.message).toContain('缺少“分管区领导、责任单位”');
  });
});

describe('a 10,000-row table', () => {
  it('becomes 10,000 tasks with every line accounted for', () => {
    const p = parseReport('big.txt', new TextEncoder().encode(bigTable(10_000)), { kind: 'progress' });
    expect(p.rows).toHaveLength(10_000);
    expect(new Set(p.rows.map((r) => r.number)).size).toBe(10_000);
    expect(p.uses.filter((u) => u === 'task')).toHaveLength(10_000);
  });
});

describe('manifest problems write nothing', () => {
  const { inputs } = loadInputs(ROOT);
  const read = (rel: string) => (existsSync(join(ROOT, rel)) ? readFileSync(join(ROOT, rel)) : undefined);
  it('an entry pointing at a missing file, and the same report listed twice', () => {
    const entry = inputs!.manifest[0]!;
    const r = buildDataset({ ...inputs!, readFile: read, manifest: [...inputs!.manifest, { ...entry, file: 'linzi/missing.txt', period: 'Q1' }, entry] });
    expect(r.problems).toEqual([
      { file: 'content/reports/manifest.yaml', message: 'reports[5]: 清单指向的文件 content/reports/linzi/missing.txt 不存在', hint: expect.stringContaining('请把原件放到该路径') },
      { file: 'content/reports/manifest.yaml', message: `reports[6]: 文件 ${entry.file} 在清单中出现了两次`, hint: '请删除重复的条目。' },
    ]);
  });
});
