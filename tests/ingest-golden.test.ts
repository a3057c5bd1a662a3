// Golden files: the parsed dataset slice of each seed, committed under tests/golden/. A parser change that
// alters output shows up as a diff to review. Regenerate deliberately with UPDATE_GOLDEN=1 npm test.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../src/lib/ingest/build-dataset';
import { loadInputs } from '../src/lib/ingest/load-inputs';
import { ROOT, repoDataset } from './helpers/repo-dataset';

const { dataset } = repoDataset();

function sliceOf(reportId: string) {
  const report = dataset.reports.find((r) => r.id === reportId)!;
  const { text, ...meta } = report;
  return {
    report: { ...meta, textLines: text?.split('\n').length },
    tasks: dataset.tasks.filter((t) => report.taskIds.includes(t.id)),
    progress: dataset.progress.filter((p) => p.reportId === reportId),
    anomalies: dataset.anomalies.filter((a) => a.reportId === reportId),
  };
}

describe('golden files', () => {
  it.each(dataset.reports.map((r) => r.id))('%s matches tests/golden/%s.json', (id) => {
    const file = join(ROOT, 'tests/golden', `${id}.json`);
    const actual = `${JSON.stringify(sliceOf(id), null, 1)}\n`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npm test and review the new file`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });

  it('building the dataset twice gives identical bytes', () => {
    const { inputs } = loadInputs(ROOT);
    const read = (rel: string) => readFileSync(join(ROOT, rel));
    const a = JSON.stringify(buildDataset({ ...inputs!, readFile: read }).dataset);
    const b = JSON.stringify(buildDataset({ ...inputs!, readFile: read }).dataset);
    expect(a).toBe(b);
  });
});
