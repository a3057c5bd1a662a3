// Golden files: the parsed dataset slice of each seed, committed under tests/golden/. A parser change that
// alters output shows up as a diff to review. Regenerate deliberately with UPDATE_GOLDEN=1 npm test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, goldenJson } from './helpers/golden';
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
    expectGolden(`${id}.json`, goldenJson(sliceOf(id)));
  });

  it('building the dataset twice gives identical bytes', () => {
    const { inputs } = loadInputs(ROOT);
    const read = (rel: string) => readFileSync(join(ROOT, rel));
    const a = JSON.stringify(buildDataset({ ...inputs!, readFile: read }).dataset);
    const b = JSON.stringify(buildDataset({ ...inputs!, readFile: read }).dataset);
    expect(a).toBe(b);
  });
});
