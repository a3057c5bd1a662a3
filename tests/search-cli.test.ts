// `npm run search`: the site's engine over the index as the built site ships it (the directory the search
// page's data-index names), printing results in the page's order with why each matched.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexInput } from '~/lib/search/index-input';
import { buildIndex } from '~/lib/search/build-index';
import { SearchEngine } from '~/lib/search/engine';
import { ROOT, repoDataset } from './helpers/repo-dataset';

const dist = mkdtempSync(join(tmpdir(), 'search-cli-'));
let files: Map<string, string>;
beforeAll(() => {
  const { docs, opts } = indexInput(repoDataset().dataset, ROOT);
  files = buildIndex(docs, opts);
  for (const [p, body] of files) {
    const path = join(dist, 'search-index', 'abc123', p);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body);
  }
  mkdirSync(join(dist, 'search'), { recursive: true });
  writeFileSync(join(dist, 'search', 'index.html'), '<div class="search-page" data-search data-index="/portal/search-index/abc123/" data-base="/portal/"></div>');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/search.ts', '--dist', dist, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run search', () => {
  it('prints the page’s results, in the page’s order, with why each matched', async () => {
    const r = cli('--json', '--limit', '5', '发改委');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const page = await new SearchEngine(async (p) => files.get(p)!, { pageSize: 5 }).search({ q: '发改委', page: 1 });
    expect(out).toMatchObject({ query: '发改委', mode: 'exact', total: page.total, exactTotal: page.exactTotal });
    expect(out.results.map((x: { taskId: string }) => x.taskId)).toEqual(page.results.map((x) => x.id));
    expect(out.results[0].matchedBy[0]).toEqual({ term: '发改委', kind: 'exact', text: '发改委', label: '原文匹配：发改委' });
    expect(out.results[1].matchedBy[0].kind).toBe('alias');
    expect(out.results[0].url).toMatch(/^\/portal\/linzi\/\d{4}\/tasks\/\d{3}\/$/);
  });

  it('says what a typo was taken to mean', () => {
    const r = cli('区财正局');
    expect(r.stdout).toContain('你是不是要找：区财政局（按读音匹配');
    expect(r.stdout).toContain('按读音匹配：区财政局');
  });

  it('explains a missing build or a bad option instead of a stack trace', () => {
    const none = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/search.ts', '--dist', join(dist, 'nope'), '教育局'], { cwd: ROOT, encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('请先运行 npm run build');
    expect(none.stderr).not.toContain('    at ');
    const bad = cli('--limit', 'x', '教育局');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--limit x');
  });
});
