// The same fourteen seed rows written as text, .docx, saved web page and .doc (tests/fixtures/make-formats.ts)
// give the same dataset: tasks, statuses, units, leaders, merged cells included; only provenance differs, by
// where in the original.
// Golden files hold each format's canonical rendering with its location labels.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGolden, goldenJson } from './helpers/golden';
import type { BuildResult } from '~/lib/ingest/build-dataset';
import { readSource } from '~/lib/ingest/read-source';
import { readCollections } from '~/lib/dataset/read';
import { makeDocx, makeHtml, makeWorkReportDocx } from './fixtures/make-formats';
import { asPipeText, seedTable } from './fixtures/seed-table';
import { buildFromFixture, buildWorkReport, FORMATS_DIR } from './helpers/format-fixtures';
import { ROOT } from './helpers/repo-dataset';

const built: Record<string, BuildResult> = {};
beforeAll(async () => {
  for (const ext of ['txt', 'docx', 'html', 'doc']) built[ext] = await buildFromFixture(`m09-excerpt.${ext}`);
});

/** What must not depend on the format: every row's facts, without provenance. */
function facts(r: BuildResult) {
  const d = r.dataset;
  return {
    progress: d.progress.map((p) => ({
      id: p.id, number: p.number, pledge: p.pledge?.text, targets: p.targets.map((t) => t.text.text), result: p.result?.text,
      status: p.status, statusSource: p.statusSource, units: p.units.map((u) => [u.unitId, u.role]), leaders: p.leaders.map((l) => l.leaderId),
    })),
    tasks: d.tasks.map((t) => ({ id: t.id, pledge: t.pledge.text, latestStatus: t.latestStatus, unitIds: t.unitIds, leaderIds: t.leaderIds })),
    units: d.units.map((u) => u.id),
    leaders: d.leaders.map((l) => l.id),
    statusCounts: d.reports[0]!.statusCounts,
  };
}

describe('the same rows in every format', () => {
  it('build without errors, fourteen tasks each', () => {
    for (const [ext, r] of Object.entries(built)) {
      expect(r.problems, ext).toEqual([]);
      expect(r.dataset.tasks.map((t) => t.number), ext).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    }
  });

  it('.docx and the saved web page give exactly the dataset of the text file, merged cells included', () => {
    const text = facts(built.txt!);
    expect(facts(built.docx!)).toEqual(text);
    expect(facts(built.html!)).toEqual(text);
    // The merges really were merges: rows 4–6 share one leader cell, rows 5–6 one unit cell.
    const p = built.docx!.dataset.progress;
    expect(p[4]!.leaders.map((l) => l.name)).toEqual(p[3]!.leaders.map((l) => l.name));
    expect(p[5]!.unitsPrinted).toBe('区工信局');
    expect(p[11]!.targets[0]!.text.text).toBe(p[11]!.result!.text);
  });

  it('.doc gives the same dataset too: its merges come from the rows\' table properties', () => {
    expect(facts(built.doc!)).toEqual(facts(built.txt!));
    expect(built.doc!.dataset.anomalies.filter((a) => a.kind === 'reader')).toEqual([]);
  });

  it('provenance names the place in the original beside the canonical line', () => {
    const row8 = (ext: string) => built[ext]!.dataset.progress.find((p) => p.number === 8)!.source;
    expect(row8('txt').where).toBeUndefined();
    expect(row8('docx').where).toBe('表格2第2行'); // the continuation table after the page break
    expect(row8('html').where).toBe('表格1第10行'); // one table in the page, header row repeated inside it
    expect(row8('doc').where).toBe('表格2第2行');
    // Apart from the file and the place in it, provenance is the same: the same canonical line, verbatim.
    for (const ext of ['docx', 'html', 'doc']) {
      const shift = ext === 'html' ? 2 : 0; // the page's title and 发布日期 lines come first
      built[ext]!.dataset.progress.forEach((p, i) => {
        const text = built.txt!.dataset.progress[i]!.source;
        expect({ lines: p.source.lines.map((n) => n - shift), verbatim: p.source.verbatim }, `${ext} ${p.id}`).toEqual({ lines: text.lines, verbatim: text.verbatim });
      });
    }
  });

  it('the report records the format, table count and sha256 of the original, and no text encoding for binary files', () => {
    const docx = built.docx!.dataset.reports[0]!.source;
    expect(docx).toMatchObject({ format: 'docx', tables: 1, file: `${FORMATS_DIR}/m09-excerpt.docx` });
    expect(docx.encoding).toBeUndefined();
    expect(docx.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(built.txt!.dataset.reports[0]!.source).toMatchObject({ format: 'text', encoding: 'utf-8' });
    // The web page's 发布日期 (meta PubDate) becomes the report's date when the manifest gives none.
    expect(built.html!.dataset.reports[0]!.date).toBe('2023-10-16');
  });
});

describe('the committed fixtures', () => {
  it('are what tests/fixtures/make-formats.ts makes from the seed today, byte for byte', async () => {
    const committed = (name: string) => readFileSync(join(ROOT, FORMATS_DIR, name));
    const t = seedTable();
    expect(asPipeText(t)).toBe(committed('m09-excerpt.txt').toString('utf8'));
    expect(makeHtml(t)).toBe(committed('m09-excerpt.html').toString('utf8'));
    expect(await makeDocx(t)).toEqual(committed('m09-excerpt.docx'));
    expect(await makeWorkReportDocx()).toEqual(committed('work-report.docx'));
  });
});

describe('a work report from Word', () => {
  it('gives the pledges and indicators of the same report as text, each with its paragraph in the original', async () => {
    const text = (await buildWorkReport('content/reports/zhangdian/2021-work-report.txt')).dataset;
    const word = await buildWorkReport(`${FORMATS_DIR}/work-report.docx`);
    expect(word.problems).toEqual([]);
    expect(word.dataset.tasks.length).toBeGreaterThan(30);
    expect(word.dataset.tasks.map((t) => t.pledge.text)).toEqual(text.tasks.map((t) => t.pledge.text));
    expect(word.dataset.indicators.map((i) => [i.indicator, i.value])).toEqual(text.indicators.map((i) => [i.indicator, i.value]));
    for (const t of word.dataset.tasks) expect(t.source.where).toMatch(/^第\d+段/);
  });
});

describe('golden renderings', () => {
  it.each(['docx', 'html', 'doc'])('m09-excerpt.%s matches tests/golden/formats/', async (ext) => {
    const file = `${FORMATS_DIR}/m09-excerpt.${ext}`;
    const { reading } = await readSource(readFileSync(join(ROOT, file)), file);
    expectGolden(`formats/m09-excerpt.${ext}.json`, goldenJson({ tables: reading!.tables, meta: reading!.meta, notes: reading!.notes, lines: reading!.lines.map((l, i) => `${reading!.where[i] ?? '-'}  ${l}`) }));
  });
});

describe('npm run ingest with a .docx in content/', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'readers-ingest-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads it first, writes the dataset with format, tables and where, and keeps the originals byte for byte', { timeout: 120_000 }, () => {
    mkdirSync(join(tmp, 'content/reports/linzi'), { recursive: true });
    mkdirSync(join(tmp, 'content/aliases'), { recursive: true });
    for (const f of ['content/districts.yaml', 'content/aliases/units.yaml', 'content/aliases/leaders.yaml']) copyFileSync(join(ROOT, f), join(tmp, f));
    copyFileSync(join(ROOT, FORMATS_DIR, 'm09-excerpt.docx'), join(tmp, 'content/reports/linzi/2023-m09-progress.docx'));
    const entry = (file: string, period: string) => `  - file: linzi/${file}\n    district: linzi\n    year: 2023\n    kind: progress\n    period: ${period}\n    title: 2023年《政府工作报告》重点工作9月份完成情况通报表\n`;
    writeFileSync(join(tmp, 'content/reports/manifest.yaml'), `reports:\n${entry('2023-m09-progress.docx', 'M9')}`);
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--root', tmp, '--out', join(tmp, 'generated')], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    // Read back through the site's schemas: what the ingest wrote is what the pages would see.
    const { reports, progress } = readCollections(['reports', 'progress'], join(tmp, 'generated'), { kind: 'all' });
    expect(reports[0]!.source).toMatchObject({ format: 'docx', tables: 1, file: 'content/reports/linzi/2023-m09-progress.docx' });
    expect(progress.find((p) => p.number === 8)?.source.where).toBe('表格2第2行');
    expect(readFileSync(join(tmp, 'content/reports/linzi/2023-m09-progress.docx'))).toEqual(readFileSync(join(ROOT, FORMATS_DIR, 'm09-excerpt.docx')));
    expect(reports[0]!.source.sha256).toBe(createHash('sha256').update(readFileSync(join(ROOT, FORMATS_DIR, 'm09-excerpt.docx'))).digest('hex'));
  });
});
