// Names from content/ that become URLs: district slugs against the site's own routes and each other,
// source file names against characters that mean something else in a URL.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileNameProblem, safeFileName } from '../src/lib/ingest/check-names';
import { loadInputs } from '../src/lib/ingest/load-inputs';
import { manifestSchema } from '../src/lib/ingest/manifest';
import { readYaml } from '~/lib/read-yaml';
import { reservedDistrictSlugs } from '../src/lib/ingest/site-routes';
import { ROOT } from './helpers/repo-dataset';
import { tempFolders } from './helpers/temp-dir';

const temp = tempFolders('names-');

/** A copy of content/ with one more district appended to districts.yaml. */
function rootWith(...slugs: string[]) {
  const root = temp('names-');
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  const extra = slugs.map((s) => `  - slug: "${s}"\n    name: 某某区\n    shortName: 某某\n    city: 某市\n    province: 某省\n`).join('');
  writeFileSync(join(root, 'content/districts.yaml'), readFileSync(join(ROOT, 'content/districts.yaml'), 'utf8') + extra);
  return root;
}
const lines = readFileSync(join(ROOT, 'content/districts.yaml'), 'utf8').split('\n').length;

describe('district slugs', () => {
  it.each([
    ['all', /\/data\/all\//],
    ['search', /\/search\//],
    ['about', /\/about\//],
    ['data', /\/data\//],
    ['dictionary', /\/data\/dictionary\//],
  ])('“%s” is refused: it is one of the site’s own URLs', (slug, where) => {
    const { inputs, problems } = loadInputs(rootWith(slug));
    expect(inputs).toBeUndefined();
    expect(problems).toEqual([{ file: 'content/districts.yaml', line: lines, message: expect.stringMatching(where), hint: expect.stringContaining(`zibo-${slug}`) }]);
    expect(problems[0]!.message).toMatch(new RegExp(`^districts\\[2\\]\\.slug “${slug}”与本站自己的网址 `));
  });

  it('a duplicate slug is refused, naming both entries', () => {
    const { problems } = loadInputs(rootWith('linzi'));
    expect(problems).toEqual([{ file: 'content/districts.yaml', line: lines, message: 'districts[2].slug “linzi”与 districts[1] 重复', hint: '每个区县的 slug 必须不同。' }]);
  });

  it.each(['../../x', 'Linzi', 'lin zi', 'a'.repeat(33)])('a malformed or overlong slug “%s” is refused', (slug) => {
    const { problems } = loadInputs(rootWith(slug));
    expect(problems).toEqual([{ file: 'content/districts.yaml', line: lines, message: expect.stringMatching(/^districts\[2\]\.slug .*(不是合格的 slug|超过上限)/), hint: expect.stringMatching(/小写拼音|更短的拼音/) }]);
  });

  it('the ingest stops with the message and no stack trace', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--root', rootWith('../../x'), '--out', join(temp('o-'), 'g')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/content\/districts\.yaml:\d+: districts\[2\]\.slug “\.\.\/\.\.\/x”/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('the reserved names come from the route files, so a new page is reserved without editing a list', () => {
    const fake = temp('routes-');
    mkdirSync(join(fake, 'src/pages/data'), { recursive: true });
    mkdirSync(join(fake, 'src/pages/feeds'), { recursive: true });
    mkdirSync(join(fake, 'public'));
    writeFileSync(join(fake, 'src/pages/budget.astro'), '');
    mkdirSync(join(fake, 'src/pages/[district]'));
    writeFileSync(join(fake, 'src/pages/data/schema.ts'), '');
    writeFileSync(join(fake, 'src/pages/feeds/latest.xml.ts'), '');
    const names = reservedDistrictSlugs(`${fake}/`);
    expect([...names.keys()].sort()).toEqual(['_astro', 'all', 'budget', 'data', 'feeds', 'latest', 'schema']);
    // and the real site's: every static top-level route is there
    const real = reservedDistrictSlugs();
    for (const n of ['about', 'changes', 'data', 'embed', 'feeds', 'indicators', 'leaders', 'quality', 'search', 'search-index', 'sources', 'units', 'all']) expect(real.has(n)).toBe(true);
    expect(real.has('linzi')).toBe(false);
  });
});

describe('source file names', () => {
  const entry = (file: string) => `reports:\n  - file: "${file}"\n    district: linzi\n    year: 2023\n    kind: progress\n    period: M9\n    title: x\n`;
  it.each([
    ['linzi/2023 m09#1.txt', '2023-m09-1.txt', /空格 #/],
    ['linzi/100%.txt', '100.txt', /%/],
    ['linzi/a?b.txt', 'a-b.txt', /\?/],
    ['linzi/a&b+c.txt', 'a-b-c.txt', /& \+/],
  ])('%s is refused with a safe name to use instead', (file, safe, chars) => {
    const { problems } = readYaml('content/reports/manifest.yaml', entry(file), manifestSchema);
    expect(problems).toEqual([{ file: 'content/reports/manifest.yaml', line: 2, message: expect.stringMatching(/^reports\[0\]\.file: 文件名“.*”含有网址或路径中有特殊含义的字符/) }]);
    expect(problems[0]!.message).toMatch(chars);
    expect(problems[0]!.message).toContain(`请把文件改名为“${safe}”`);
    expect(fileNameProblem(safe)).toBeUndefined();
  });

  it('letters of any script, digits, dot, dash and underscore are accepted', () => {
    for (const ok of ['2023-m09-progress.txt', '临淄区2023年9月通报.txt', 'a_b.v2.docx']) expect(fileNameProblem(ok)).toBeUndefined();
    expect(fileNameProblem('.hidden.txt')).toMatch(/以点开头/);
    expect(fileNameProblem(`${'长'.repeat(200)}.txt`)).toMatch(/超过上限 80/);
    expect([...safeFileName(`${'长'.repeat(200)}.txt`)].length).toBeLessThanOrEqual(80);
  });
});
