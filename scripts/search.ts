// npm run search -- [--json] [--limit N] [--dist DIR] QUERY…
// The site's search from the command line: the same engine and the same built index the search page
// uses (dist/search/index.html names it; run `npm run build` first). Prints, in the page's order,
// { query, mode, total, exactTotal, didYouMean, results: [{ taskId, url, matchedBy, … }] }.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SearchEngine, type SearchResponse } from '../src/lib/search/engine';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, limit: { type: 'string', default: '20' }, dist: { type: 'string', default: 'dist' } },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n用法：npm run search -- [--json] [--limit N] 查询词`);
  }
})();
const query = positionals.join(' ').trim();
if (!query) fail('用法：npm run search -- [--json] [--limit N] 查询词（例如 npm run search -- 教育局）');
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) fail(`--limit ${values.limit}：应为正整数。`);

const dist = values.dist!;
const page = join(dist, 'search', 'index.html');
if (!existsSync(page)) fail(`${page}: 不存在。请先运行 npm run build 构建网站。`);
// The index directory exactly as the page names it (data-index="/base/search-index/<hash>/").
const m = /data-index="([^"]*search-index\/([0-9a-f]+)\/)"/.exec(readFileSync(page, 'utf8'));
if (!m) fail(`${page}: 找不到搜索索引的地址（data-index）。请重新运行 npm run build。`);
const indexDir = join(dist, 'search-index', m[2]!);
if (!existsSync(join(indexDir, 'meta.json'))) fail(`${indexDir}: 索引文件缺失。请重新运行 npm run build。`);

const engine = new SearchEngine(async (p) => readFileSync(join(indexDir, p), 'utf8'), { pageSize: limit });
const r: SearchResponse = await engine.search({ q: query, page: 1 });
const base = m[1]!.replace(/search-index\/[0-9a-f]+\/$/, '');
const out = {
  query,
  mode: r.mode,
  total: r.total,
  exactTotal: r.exactTotal,
  ...(r.countExact ? {} : { countExact: false }),
  didYouMean: r.didYouMean.map((d) => ({ term: d.term, text: d.text, kind: d.kind, count: d.count })),
  units: r.unitSuggestions,
  results: r.results.map((x) => ({
    taskId: x.id,
    url: `${base}${x.url}`,
    matchedBy: x.matchedBy.map((b) => ({ term: b.term, kind: b.kind, text: b.text, label: b.label })),
    district: x.districtName,
    year: x.year,
    report: x.report,
    status: x.statusText ?? x.statusLabel,
    pledge: x.pledge.map((s) => s.text).join(''),
  })),
};
if (values.json) console.log(JSON.stringify(out, null, 2));
else {
  const head = r.mode === 'near' || r.mode === 'fuzzy' ? '相近结果' : '找到';
  console.log(`“${query}”：${head} ${r.countExact ? '' : '约'}${r.total} 项（原文匹配 ${r.exactTotal} 项）`);
  if (r.didYouMean.length) console.log(`你是不是要找：${r.didYouMean.map((d) => `${d.text}（${d.label.split('：')[0]}，${d.count} 项）`).join('、')}`);
  for (const x of out.results) console.log(`${x.taskId}\t${x.year}\t${x.matchedBy.map((b) => b.label).join('；')}\t${x.pledge.slice(0, 40)}`);
}
