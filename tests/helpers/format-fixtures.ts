// Builds a one-report dataset from a fixture file in any format, the way `npm run ingest` does: every
// source is read first (async readers), then buildDataset runs synchronously on the readings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset, type BuildResult } from '~/lib/ingest/build-dataset';
import { loadInputs } from '~/lib/ingest/load-inputs';
import { readSources } from '~/lib/ingest/read-source';
import { ROOT } from './repo-dataset';

export const FORMATS_DIR = 'tests/fixtures/formats';

/** The 2021 Zhangdian work report as text (the seed) or as Word (tests/fixtures/formats/work-report.docx). */
export async function buildWorkReport(file: string): Promise<BuildResult> {
  const { inputs } = loadInputs(ROOT);
  const readFile = (rel: string) => (rel === file ? readFileSync(join(ROOT, rel)) : undefined);
  const sources = await readSources([file], readFile);
  const [dir, name] = [file.slice(0, file.lastIndexOf('/')), file.slice(file.lastIndexOf('/') + 1)];
  return buildDataset({ ...inputs!, reportsDir: dir, manifest: [{ file: name, district: 'zhangdian', year: 2021, kind: 'work-report', period: 'year', title: '政府工作报告' }], readFile, sources });
}

/** The m09 excerpt (tests/fixtures/seed-table.ts) in one format, as a Linzi 2023 M9 progress report. */
export async function buildFromFixture(name: string, extra: { title?: string } = {}): Promise<BuildResult> {
  const { inputs } = loadInputs(ROOT);
  const file = `${FORMATS_DIR}/${name}`;
  const readFile = (rel: string) => (rel === file ? readFileSync(join(ROOT, rel)) : undefined);
  const sources = await readSources([file], readFile);
  return buildDataset({
    ...inputs!,
    reportsDir: FORMATS_DIR,
    manifest: [{ file: name, district: 'linzi', year: 2023, kind: 'progress', period: 'M9', title: extra.title ?? '2023年《政府工作报告》重点工作9月份完成情况通报表' }],
    readFile,
    sources,
  });
}
