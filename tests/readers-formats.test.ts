// The same fourteen seed rows written as text, .docx, saved web page and .doc (tests/fixtures/make-formats.ts)
// give the same dataset: tasks, statuses, units, leaders; only provenance differs, by where in the original.
// Golden files hold each format's canonical rendering with its location labels.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '~/lib/ingest/build-dataset';
import { readSource } from '~/lib/ingest/read-source';
import { buildFromFixture, FORMATS_DIR } from './helpers/format-fixtures';
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
      expect(r.errors, ext).toEqual([]);
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

  it('.doc gives the same dataset except the merged cells its text cannot show, and says so', () => {
    const doc = facts(built.doc!);
    const text = facts(built.txt!);
    // Vertical merge continuations are empty in .doc text: the leaders of rows 5–6, the units of row 6.
    const unmerged = (f: ReturnType<typeof facts>) => f.progress.filter((p) => ![5, 6, 12].includes(p.number));
    expect(unmerged(doc)).toEqual(unmerged(text));
    expect(doc.progress[4]!.leaders).toEqual([]);
    expect(doc.progress[5]!.units).toEqual([]);
    // Row 12's target and result were one merged cell: the reader cannot say which, and says so on that row.
    const note = built.doc!.dataset.anomalies.find((a) => a.kind === 'reader')!;
    expect(note.where).toBe('表格2第7行');
    expect(note.message).toContain('合并了单元格');
  });

  it('provenance names the place in the original beside the canonical line', () => {
    const row8 = (ext: string) => built[ext]!.dataset.progress.find((p) => p.number === 8)!.source;
    expect(row8('txt').where).toBeUndefined();
    expect(row8('docx').where).toBe('表格2第2行'); // the continuation table after the page break
    expect(row8('html').where).toBe('表格1第10行'); // one table in the page, header row repeated inside it
    expect(row8('doc').where).toBe('表格2第2行');
    for (const ext of ['docx', 'html', 'doc']) expect(row8(ext).lines).toEqual(row8('txt').lines.map((n) => n + (ext === 'html' ? 2 : 0)));
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

describe('golden renderings', () => {
  it.each(['docx', 'html', 'doc'])('m09-excerpt.%s matches tests/golden/formats/', async (ext) => {
    const file = `${FORMATS_DIR}/m09-excerpt.${ext}`;
    const { reading } = await readSource(readFileSync(join(ROOT, file)), file);
    const golden = join(ROOT, 'tests/golden/formats', `m09-excerpt.${ext}.json`);
    const actual = `${JSON.stringify({ tables: reading!.tables, meta: reading!.meta, notes: reading!.notes, lines: reading!.lines.map((l, i) => `${reading!.where[i] ?? '-'}  ${l}`) }, null, 1)}\n`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, actual);
    expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/readers-formats.test.ts`).toBe(true);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
