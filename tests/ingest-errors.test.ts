import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../src/lib/ingest/build-dataset';
import { loadInputs } from '../src/lib/ingest/load-inputs';
import { readYaml, manifestSchema } from '../src/lib/ingest/manifest';
import { writeDataset } from '../src/lib/ingest/write-dataset';
import { ROOT } from './helpers/repo-dataset';

const { inputs } = loadInputs(ROOT);
const read = (rel: string) => (existsSync(join(ROOT, rel)) ? readFileSync(join(ROOT, rel)) : undefined);
const build = (manifest = inputs!.manifest, readFile = read) => buildDataset({ ...inputs!, manifest, readFile });
const m09 = inputs!.manifest.find((e) => e.file === 'linzi/2023-m09-progress.txt')!;

describe('manifest problems are collected, each naming where and how to fix', () => {
  it('a manifest entry pointing at a missing file', () => {
    const { errors } = build([...inputs!.manifest, { ...m09, file: 'linzi/2023-m10-progress.txt', period: 'M10' }]);
    expect(errors).toEqual([expect.stringMatching(/manifest\.yaml: reports\[5\]: 清单指向的文件 content\/reports\/linzi\/2023-m10-progress\.txt 不存在/)]);
  });
  it('the same file listed twice', () => {
    const { errors } = build([...inputs!.manifest, m09]);
    expect(errors).toEqual([expect.stringMatching(/reports\[5\]: 文件 linzi\/2023-m09-progress\.txt 在清单中出现了两次/)]);
  });
  it('the same report under two files', () => {
    const { errors } = build([...inputs!.manifest, { ...m09, file: 'linzi/copy.txt' }], (rel) => read(rel.replace('copy.txt', '2023-m09-progress.txt')));
    expect(errors[0]).toMatch(/同一份报告/);
  });
  it('a year or period that disagrees with the document title', () => {
    const wrong = inputs!.manifest.map((e) => (e === m09 ? { ...m09, year: 2022 } : e));
    expect(build(wrong).errors).toEqual([expect.stringMatching(/^content\/reports\/linzi\/2023-m09-progress\.txt:3: 标题写的是 2023 年，清单写的是 2022 年/)]);
    const wrongPeriod = inputs!.manifest.map((e) => (e === m09 ? { ...m09, period: 'M8' as const } : e));
    const errs = build(wrongPeriod).errors;
    expect(errs.some((e) => /:3: 标题写的时段是 M9，清单写的是 M8/.test(e))).toBe(true);
    expect(errs.some((e) => /:5: 表头的目标时段是 M9/.test(e))).toBe(true);
  });
  it('a manifest that is not valid YAML or misses fields', () => {
    expect(readYaml('m.yaml', 'reports:\n  - file: [', manifestSchema).errors[0]).toMatch(/^m\.yaml:\d+: YAML 语法错误/);
    const r = readYaml('m.yaml', 'reports:\n  - file: linzi/x.txt\n    district: linzi\n    year: 2023\n    kind: bulletin\n    period: M13\n    title: x\n', manifestSchema);
    expect(r.errors.map((e) => e.split(':')[1]!.trim())).toEqual(['reports.0.kind', 'reports.0.period']);
  });
});

describe('atomic write', () => {
  it('replaces the dataset only when every file is written', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ds-')), 'generated');
    const { dataset } = build();
    writeDataset(dir, dataset);
    const before = readFileSync(join(dir, 'tasks.json'), 'utf8');
    // A value JSON cannot serialise makes the second write fail half-way.
    expect(() => writeDataset(dir, { ...dataset, tasks: [] }, { broken: { big: 1n } })).toThrow();
    expect(readFileSync(join(dir, 'tasks.json'), 'utf8')).toBe(before);
    // Nothing of the failed write is left: the link, its one generation, and no lock.
    expect(readdirSync(join(dir, '..')).sort()).toEqual(['.generated.d', 'generated']);
    expect(readdirSync(join(dir, '..', '.generated.d'))).toEqual([expect.stringMatching(/^gen-/)]);
  });
});
