// Source copies are never executable or renderable: only the allowed formats are accepted, a binary
// extension must hold that format's bytes, text-like formats are published only inside a zip of their
// exact bytes, and the ingest writes the line renderings the source view reads.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '~/lib/ingest/build-dataset';
import { loadInputs } from '~/lib/ingest/load-inputs';
import { renderingFiles, renderingOf } from '~/lib/ingest/renderings';
import { writeDataset } from '~/lib/ingest/write-dataset';
import { renderingSchema } from '~/lib/schema/rendering';
import { isZipped, publishedSourcePath, sourceFileProblem, sourceViewDir } from '~/lib/source-files';
import { zipVerbatim } from '~/lib/source-zip';
import { paths } from '~/lib/urls';
import { ROOT, repoDataset } from './helpers/repo-dataset';

const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s));

describe('which source files are accepted', () => {
  it.each(['evil.js', 'evil.svg', 'evil.xhtml', 'evil.exe', 'noextension', 'evil.csv'])('refuses %s, naming the file and the allowed list', (name) => {
    const problem = sourceFileProblem(`content/reports/linzi/${name}`, bytes('alert(1)'));
    expect(problem).toMatchObject({ file: `content/reports/linzi/${name}`, message: expect.stringMatching(/^扩展名/), hint: expect.stringContaining('另存为') });
    expect(problem!.message).toContain('.txt、.md、.html、.htm、.docx、.doc、.xlsx、.xls、.pdf');
  });

  it('refuses a binary extension whose bytes are not that format (a web page saved as .xls, script as .pdf)', () => {
    expect(sourceFileProblem('content/reports/linzi/x.xls', bytes('<html><script>alert(1)</script>'))?.message).toContain('扩展名是 .xls，但内容不是 Excel 97–2003（.xls） 文件');
    expect(sourceFileProblem('content/reports/linzi/x.pdf', bytes('alert(1)//%PDF-'))?.message).toContain('不是 PDF 文件');
    expect(sourceFileProblem('content/reports/linzi/x.docx', bytes('PK\x05\x06'))?.message).toContain('不是 Word（.docx） 文件');
  });

  it('accepts the allowed formats with their own bytes', () => {
    expect(sourceFileProblem('content/reports/linzi/a.txt', bytes('序号'))).toBeUndefined();
    expect(sourceFileProblem('content/reports/linzi/a.HTML', bytes('<p>'))).toBeUndefined();
    expect(sourceFileProblem('content/reports/linzi/a.pdf', bytes('%PDF-1.7\n'))).toBeUndefined();
    expect(sourceFileProblem('content/reports/linzi/a.xlsx', bytes([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBeUndefined();
    expect(sourceFileProblem('content/reports/linzi/a.doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBeUndefined();
  });

  it('the ingest refuses a registered .js file and writes nothing for it', () => {
    const { inputs } = loadInputs(ROOT);
    const manifest = [{ ...inputs!.manifest[0]!, file: 'linzi/evil.js' }];
    const r = buildDataset({ ...inputs!, manifest, readFile: (rel) => (rel.endsWith('evil.js') ? bytes('alert(1)') : undefined) });
    expect(r.problems).toEqual([{ file: 'content/reports/linzi/evil.js', message: expect.stringMatching(/^扩展名“\.js”不在允许的列表中/), hint: expect.any(String) }]);
    expect(r.dataset.reports).toEqual([]);
  });
});

describe('how a source file is published', () => {
  it('text-like formats only inside a zip, binaries as they are; the view lives elsewhere', () => {
    expect(publishedSourcePath('content/reports/linzi/evil.html')).toBe('sources/linzi/evil.html.zip');
    expect(publishedSourcePath('content/reports/linzi/2023-m09-progress.txt')).toBe('sources/linzi/2023-m09-progress.txt.zip');
    expect(publishedSourcePath('content/reports/linzi/a.md')).toBe('sources/linzi/a.md.zip');
    expect(publishedSourcePath('content/reports/linzi/a.pdf')).toBe('sources/linzi/a.pdf');
    expect(publishedSourcePath('content/reports/linzi/a.docx')).toBe('sources/linzi/a.docx');
    expect(isZipped('content/reports/linzi/a.htm')).toBe(true);
    expect(sourceViewDir('content/reports/linzi/a.pdf')).toBe('source/linzi/a-pdf/');
    expect(paths.sourceView('content/reports/linzi/2023-m09-progress.txt', 12)).toBe('source/linzi/2023-m09-progress-txt/#L12');
    for (const r of repoDataset().dataset.reports) expect(r.source.publicPath).toBe(paths.source(r.source.file));
  });

  it('the zip holds the exact bytes, and the same file always gives the same zip', () => {
    const file = 'content/reports/linzi/2023-m09-progress.txt';
    const raw = readFileSync(join(ROOT, file));
    const zip = zipVerbatim(file, raw);
    expect(Buffer.from(unzipSync(zip)['2023-m09-progress.txt']!).equals(raw)).toBe(true);
    expect(Buffer.from(zipVerbatim(file, raw)).equals(Buffer.from(zip))).toBe(true);
    // Starts with the zip signature: not script, not a page.
    expect([...zip.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});

describe('source renderings (generated/renderings/<reportId>.json)', () => {
  it('one per report, lines as parsed, where from the reader or null', () => {
    const { parsed } = repoDataset();
    const files = renderingFiles(parsed);
    expect(Object.keys(files).sort()).toEqual(parsed.map((p) => `renderings/${p.report.id}.json`).sort());
    for (const p of parsed) {
      const r = renderingSchema.parse(files[`renderings/${p.report.id}.json`]);
      expect(r.lines).toEqual(p.parsed.lines);
      expect(r.where.every((w) => w === null)).toBe(true);
      expect(r.file).toBe(p.report.source.file);
    }
    const withWhere = renderingOf({ id: 'x', source: { file: 'f.docx', format: 'docx' } }, { lines: ['a', 'b'], where: ['表格1第1行', null] });
    expect(withWhere).toEqual({ reportId: 'x', file: 'f.docx', format: 'docx', lines: ['a', 'b'], where: ['表格1第1行', null] });
  });

  it('are written with the dataset, in the same swap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renderings-'));
    try {
      const { dataset, parsed } = repoDataset();
      const written = writeDataset(join(dir, 'generated'), dataset, {}, renderingFiles(parsed));
      expect(written.filter((w) => w.startsWith('renderings/'))).toHaveLength(parsed.length);
      for (const p of parsed) expect(existsSync(join(dir, 'generated/renderings', `${p.report.id}.json`))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run ingest -- --check refuses a file outside the allowed formats', () => {
  it('exits 1 with one sentence naming the file, before parsing it', async () => {
    const { spawnSync } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'check-ext-'));
    try {
      const js = join(dir, 'evil.js');
      writeFileSync(js, '序号\t年度目标任务\t完成情况\t责任单位\n1\talert(1)\t完成\t区发改局\n');
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--check', js], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^错误：.*evil\.js: 扩展名“\.js”不在允许的列表中/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
