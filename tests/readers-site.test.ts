// A site built from a Word file (a .docx under a .doc name, as sites often serve them) and a saved web page:
// the originals are published byte for byte under /sources/ (the page inside a zip, src/lib/source-files.ts),
// the report page names the format and links the original, and provenance shows the place in the original
// beside the canonical line.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/repo-dataset';
import { astroBuild, buildDir, runNode, succeeded } from './helpers/child-env';

const tmp = buildDir('readers-site-');
const dist = join(tmp, 'dist');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const entry = (district: string, file: string) =>
  `  - file: ${district}/${file}\n    district: ${district}\n    year: 2023\n    kind: progress\n    period: M9\n    title: 2023年《政府工作报告》重点工作9月份完成情况通报表\n`;

beforeAll(() => {
  for (const d of ['content/reports/linzi', 'content/reports/zhangdian', 'content/aliases']) mkdirSync(join(tmp, d), { recursive: true });
  for (const f of ['content/districts.yaml', 'content/aliases/units.yaml', 'content/aliases/leaders.yaml']) copyFileSync(join(ROOT, f), join(tmp, f));
  copyFileSync(join(ROOT, 'tests/fixtures/formats/m09-excerpt.docx'), join(tmp, 'content/reports/linzi/2023-m09-progress.doc'));
  copyFileSync(join(ROOT, 'tests/fixtures/formats/m09-excerpt.html'), join(tmp, 'content/reports/zhangdian/2023-m09-progress.html'));
  writeFileSync(join(tmp, 'content/reports/manifest.yaml'), `reports:\n${entry('linzi', '2023-m09-progress.doc')}${entry('zhangdian', '2023-m09-progress.html')}`);
  const data = join(tmp, 'generated');
  runNode(['--import', 'tsx', 'scripts/ingest.ts', '--root', tmp, '--out', data], {});
  succeeded(astroBuild(dist, { PORTAL_DATA_DIR: data, PORTAL_CONTENT_ROOT: tmp }), 'astro build');
}, 600_000);

describe('a site built from a .docx and a saved web page', () => {
  it('publishes the originals byte for byte', () => {
    expect(readFileSync(join(dist, 'sources/linzi/2023-m09-progress.doc'))).toEqual(readFileSync(join(ROOT, 'tests/fixtures/formats/m09-excerpt.docx')));
    const zipped = unzipSync(new Uint8Array(readFileSync(join(dist, 'sources/zhangdian/2023-m09-progress.html.zip'))));
    expect(Object.values(zipped)).toEqual([new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/formats/m09-excerpt.html')))]);
  });

  it('the report page names the format, counts the tables and links the original', () => {
    const page = readFileSync(join(dist, 'linzi/2023/m09/index.html'), 'utf8');
    expect(page).toContain('Word（.docx）');
    expect(page).toContain('表格 1 个');
    expect(page).toMatch(/href="[^"]*sources\/linzi\/2023-m09-progress\.doc"/);
    expect(page).toContain('原件表格2第2行'); // task 8, in the continuation table after the page break
  });

  it('task pages show the place in the original beside the canonical line', () => {
    const task = readFileSync(join(dist, 'linzi/2023/tasks/008/index.html'), 'utf8');
    expect(task).toMatch(/第1[0-9]行 · 原件表格2第2行/);
    const page = readFileSync(join(dist, 'zhangdian/2023/tasks/008/index.html'), 'utf8');
    expect(page).toContain('原件表格1第10行');
  });

  it('a .docx named .doc is read as what it is, and the quality page says so with the place in the original', () => {
    expect(readFileSync(join(dist, 'zhangdian/2023/m09/index.html'), 'utf8')).toContain('网页（HTML）');
    const quality = readFileSync(join(dist, 'quality/index.html'), 'utf8');
    expect(quality).toContain('2023-m09-progress.doc 第1行</a> · 原件第1段');
    expect(quality).toContain('内容却是Word（.docx）：已按内容读取');
  });
});
