import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../src/lib/ingest/build-dataset';
import { loadInputs } from '../src/lib/ingest/load-inputs';
import { manifestSchema } from '../src/lib/ingest/manifest';
import { readYaml } from '~/lib/read-yaml';
import { writeDataset } from '../src/lib/ingest/write-dataset';
import { ROOT } from './helpers/repo-dataset';
import { tempFolders } from './helpers/temp-dir';

const temp = tempFolders('ingest-errors-');

const { inputs } = loadInputs(ROOT);
const read = (rel: string) => (existsSync(join(ROOT, rel)) ? readFileSync(join(ROOT, rel)) : undefined);
const build = (manifest = inputs!.manifest, readFile = read) => buildDataset({ ...inputs!, manifest, readFile });
const m09 = inputs!.manifest.find((e) => e.file === 'linzi/2023-m09-progress.txt')!;

describe('manifest problems are collected, each naming where and how to fix', () => {
  it('a manifest entry pointing at a missing file', () => {
    const { problems } = build([...inputs!.manifest, { ...m09, file: 'linzi/2023-m10-progress.txt', period: 'M10' }]);
    expect(problems).toEqual([
      { file: 'content/reports/manifest.yaml', message: 'reports[5]: 清单指向的文件 content/reports/linzi/2023-m10-progress.txt 不存在', hint: '请把原件放到该路径，或更正清单中的 file。' },
    ]);
  });
  it('the same file listed twice', () => {
    const { problems } = build([...inputs!.manifest, m09]);
    expect(problems).toEqual([{ file: 'content/reports/manifest.yaml', message: 'reports[5]: 文件 linzi/2023-m09-progress.txt 在清单中出现了两次', hint: '请删除重复的条目。' }]);
  });
  it('the same report under two files', () => {
    const { problems } = build([...inputs!.manifest, { ...m09, file: 'linzi/copy.txt' }], (rel) => read(rel.replace('copy.txt', '2023-m09-progress.txt')));
    expect(problems).toEqual([{ file: 'content/reports/manifest.yaml', message: expect.stringMatching(/^reports\[5\]: 与 linzi\/2023-m09-progress\.txt 是同一份报告/), hint: '请删除其一或更正 period/kind。' }]);
  });
  it('a year or period that disagrees with the document title', () => {
    const wrong = inputs!.manifest.map((e) => (e === m09 ? { ...m09, year: 2022 } : e));
    const file = 'content/reports/linzi/2023-m09-progress.txt';
    const hint = '请核对后更正 content/reports/manifest.yaml。';
    expect(build(wrong).problems).toEqual([{ file, line: 3, message: '标题写的是 2023 年，清单写的是 2022 年', hint }]);
    const wrongPeriod = inputs!.manifest.map((e) => (e === m09 ? { ...m09, period: 'M8' as const } : e));
    expect(build(wrongPeriod).problems).toEqual([
      { file, line: 3, message: '标题写的时段是 M9，清单写的是 M8', hint },
      { file, line: 5, message: '表头的目标时段是 M9，清单写的是 M8', hint },
    ]);
  });
  it('a manifest that is not valid YAML or misses fields', () => {
    expect(readYaml('m.yaml', 'reports:\n  - file: [', manifestSchema).problems).toEqual([{ file: 'm.yaml', line: 2, message: expect.stringMatching(/^YAML 语法错误/) }]);
    const r = readYaml('m.yaml', 'reports:\n  - file: linzi/x.txt\n    district: linzi\n    year: 2023\n    kind: bulletin\n    period: M13\n    title: x\n', manifestSchema);
    // Every problem at once, each at the line of its field.
    expect(r.problems.map(({ file, line, message }) => [file, line, message.split(':')[0]])).toEqual([
      ['m.yaml', 5, 'reports[0].kind'],
      ['m.yaml', 6, 'reports[0].period'],
    ]);
  });
});

describe('atomic write', () => {
  it('replaces the dataset only when every file is written', () => {
    const dir = join(temp('ds-'), 'generated');
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
