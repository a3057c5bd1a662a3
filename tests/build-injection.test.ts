// A site built from the injection fixture (markup nobody meant to run, in every kind of cell) carries no
// executable markup anywhere in dist/: source markup reaches pages only through the sanitiser, and the
// verbatim source lines shown for provenance are escaped text.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cspProblems, walk } from './helpers/dist-checks';
import { ROOT } from './helpers/repo-dataset';
import { astroBuild, buildDir, runNode, succeeded } from './helpers/child-env';

const tmp = buildDir('injection-site-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Executable markup in an HTML page: handlers, script-ish elements, or script content that is not Astro's own. */
function executable(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)\b([^>]*)>/g)) {
    const [tag, name, attrs] = [m[0], m[1]!.toLowerCase(), m[2]!];
    // The one <img> the templates write: the page's share card, a PNG under share/.
    const ownCard = name === 'img' && /^\s+src="\/(?:[^/"]+\/)*share\/[a-z0-9/_-]+\.png"/.test(attrs);
    if (['iframe', 'object', 'embed', 'img', 'frame', 'applet', 'base'].includes(name) && !ownCard) found.push(tag);
    if (/\son[a-z]+\s*=/i.test(attrs)) found.push(tag);
    if (/(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:/i.test(attrs)) found.push(tag);
  }
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) if (/alert|evil/.test(m[1]!)) found.push(m[0].slice(0, 80));
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) if (/display:\s*none\}/.test(m[1]!) && /body\{/.test(m[1]!)) found.push('injected <style>');
  return found;
}

describe('a site built from the injection fixture', () => {
  it('has the injected text as text and no executable markup in any page', { timeout: 600_000 }, () => {
    mkdirSync(join(tmp, 'content/reports/linzi'), { recursive: true });
    mkdirSync(join(tmp, 'content/aliases'), { recursive: true });
    for (const f of ['content/districts.yaml', 'content/aliases/units.yaml', 'content/aliases/leaders.yaml']) copyFileSync(join(ROOT, f), join(tmp, f));
    copyFileSync(join(ROOT, 'tests/fixtures/hostile/injection.txt'), join(tmp, 'content/reports/linzi/2023-m09-injection.txt'));
    writeFileSync(
      join(tmp, 'content/reports/manifest.yaml'),
      'reports:\n  - file: linzi/2023-m09-injection.txt\n    district: linzi\n    year: 2023\n    kind: progress\n    period: M9\n    title: 2023年《政府工作报告》重点工作9月份完成情况通报表\n',
    );
    const data = join(tmp, 'generated');
    const dist = join(tmp, 'dist');
    runNode(['--import', 'tsx', 'scripts/ingest.ts', '--root', tmp, '--out', data], {});
    succeeded(astroBuild(dist, { PORTAL_DATA_DIR: data, PORTAL_CONTENT_ROOT: tmp }), 'astro build');

    const pages = walk(dist).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const bad = pages.flatMap((f) => executable(readFileSync(join(dist, f), 'utf8')).map((x) => `${f}: ${x}`));
    expect(bad).toEqual([]);
    expect(cspProblems(dist)).toEqual([]);
    // The injection really reached the pages: its harmless text is there, its markup only as escaped text.
    const task = readFileSync(join(dist, 'linzi/2023/tasks/005/index.html'), 'utf8');
    expect(task).toContain('<b>加粗</b>');
    expect(task).toContain('&lt;b onclick=');
    // The verbatim source file is published byte for byte inside a zip, never as a file a browser could render.
    const zip = unzipSync(readFileSync(join(dist, 'sources/linzi/2023-m09-injection.txt.zip')));
    expect(Buffer.from(zip['2023-m09-injection.txt']!).equals(readFileSync(join(ROOT, 'tests/fixtures/hostile/injection.txt')))).toBe(true);
    expect(existsSync(join(dist, 'sources/linzi/2023-m09-injection.txt'))).toBe(false);
  });
});
