// npm run screenshots: the first screen of every page type, on a phone and a desktop, in the normal
// view and in 长辈版, into docs/screenshots/ with an index page, so a reader sees the portal before
// building it. Uses the built site (dist/; run `npm run build` first) and Debian's Chromium.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import UPNG from 'upng-js';
import { join } from 'node:path';
import { launch } from './browser/browser';
import { serveDist } from './browser/server';
import { DIST, PAGE_TYPES, ROOT, pageTypes } from './browser/page-types';

const OUT = join(ROOT, 'docs', 'screenshots');
const DEVICES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
const MODES = { normal: '标准', elder: '长辈版' } as const;
const LABELS: Record<(typeof PAGE_TYPES)[number], string> = {
  home: '首页', district: '区县', year: '年度', report: '通报', task: '任务', unit: '责任单位', leader: '分管领导', search: '搜索',
  data: '数据下载', quality: '数据质量', about: '关于', indicators: '主要指标', changes: '变化与通报进度', source: '原文',
};

/** A screenshot with its colours reduced to a 64-colour palette: a third of the bytes, text still crisp. */
function small(png: Buffer): Buffer {
  const img = UPNG.decode(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
  return Buffer.from(UPNG.encode([UPNG.toRGBA8(img)[0]!], img.width, img.height, 64));
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ 不存在：先运行 npm run build，再运行 npm run screenshots。');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const server = await serveDist(DIST);
  const browser = await launch();
  const types = pageTypes();
  const rows: string[] = [];
  try {
    for (const type of PAGE_TYPES) {
      const cells: string[] = [];
      for (const [device, viewport] of Object.entries(DEVICES)) {
        for (const mode of Object.keys(MODES) as (keyof typeof MODES)[]) {
          const context = await browser.newContext({ viewport, locale: 'zh-CN' });
          if (mode === 'elder') await context.addInitScript(() => localStorage.setItem('pledge-portal:elder', '1'));
          const page = await context.newPage();
          await page.goto(`${server.url}${types[type].replace(/^\//, '')}`, { waitUntil: 'networkidle' });
          if (type === 'search') await page.locator('[data-search-output][aria-busy="false"]').waitFor({ state: 'attached' });
          const file = `${type}-${device}-${mode}.png`;
          writeFileSync(join(OUT, file), small(await page.screenshot()));
          await context.close();
          cells.push(`[${device === 'phone' ? '手机' : '电脑'} · ${MODES[mode]}](${file})`);
          process.stdout.write('.');
        }
      }
      rows.push(`| ${LABELS[type]} | \`/${types[type]}\` | ${cells.join(' · ')} |`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  writeFileSync(
    join(OUT, 'README.md'),
    `# Screenshots\n\nThe first screen of every page type, on a phone (390×844) and a desktop (1280×800), in the normal view and in 长辈版 (large text). Made by \`npm run screenshots\` from the built site; regenerate after a visual change.\n\n| page | path | screenshots |\n|---|---|---|\n${rows.join('\n')}\n\n![通报，手机](report-phone-normal.png) ![通报，手机，长辈版](report-phone-elder.png) ![任务，手机](task-phone-normal.png)\n`,
  );
  console.log(`\n${PAGE_TYPES.length * 4} screenshots in docs/screenshots/`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
