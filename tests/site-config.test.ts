// content/site.yaml as pages read it: parsed once and remembered (every task page shows the 纠错 contact),
// looked at again at most once a second (`now` is passed in, so no test waits), read again when the file
// changed, and never remembered while it has problems.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProblemError } from '~/lib/problems';
import { readSiteConfig, SITE_CONFIG_RECHECK_MS, siteConfig } from '~/lib/site-config';

const roots: string[] = [];
function siteRoot(yaml: string): { root: string; write: (text: string) => void } {
  const root = mkdtempSync(join(tmpdir(), 'site-config-'));
  roots.push(root);
  mkdirSync(join(root, 'content'));
  const file = join(root, 'content', 'site.yaml');
  let tick = 0;
  // An explicit, later modification time for every write: a rewrite within the file system's clock
  // granularity must still count as a change.
  const write = (text: string) => {
    writeFileSync(file, text);
    const t = new Date(Date.UTC(2026, 0, 1, 0, 0, tick++));
    utimesSync(file, t, t);
  };
  write(yaml);
  return { root, write };
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe('siteConfig (content/site.yaml for pages)', () => {
  it('reads what readSiteConfig reads, for the repository and for another root', () => {
    expect(siteConfig()).toEqual(readSiteConfig());
    const { root } = siteRoot('publisher: "甲"\ncorrections: "mailto:a@example.org"\n');
    expect(siteConfig(root)).toEqual({ url: '', publisher: '甲', corrections: 'mailto:a@example.org' });
  });

  it('parses once while the file is unchanged, however long the build', () => {
    const { root } = siteRoot('publisher: "甲"\n');
    const first = siteConfig(root, 0);
    expect(siteConfig(root, 1)).toBe(first);
    expect(siteConfig(root, 10 * SITE_CONFIG_RECHECK_MS)).toBe(first);
  });

  it('an edit shows once the file is looked at again (within a second), even an edit of the same length', () => {
    const { root, write } = siteRoot('publisher: "甲"\n');
    let now = 1_000_000;
    expect(siteConfig(root, now).publisher).toBe('甲');
    write('publisher: "乙"\n');
    expect(siteConfig(root, now + 1).publisher).toBe('甲');
    now += SITE_CONFIG_RECHECK_MS;
    expect(siteConfig(root, now).publisher).toBe('乙');
    write('publisher: "丙丁"\ncorrections: "https://example.org/form"\n');
    now += SITE_CONFIG_RECHECK_MS;
    expect(siteConfig(root, now)).toEqual({ url: '', publisher: '丙丁', corrections: 'https://example.org/form' });
    // A clock that went back is not trusted either.
    write('publisher: "戊"\n');
    expect(siteConfig(root, now - 5).publisher).toBe('戊');
  });

  it('a file with problems throws every time, naming the line, and its fix is picked up', () => {
    const { root, write } = siteRoot('publisher: "甲"\ncorrections: "ftp://x"\n');
    for (let i = 0; i < 2; i++) {
      const e = (() => { try { siteConfig(root, i); } catch (err) { return err; } })();
      expect(e).toBeInstanceOf(ProblemError);
      expect((e as ProblemError).problems[0]).toMatchObject({ file: 'content/site.yaml', line: 2 });
    }
    write('publisher: "甲"\ncorrections: "mailto:a@example.org"\n');
    expect(siteConfig(root, 2).corrections).toBe('mailto:a@example.org');
  });

  it('what it hands out cannot be changed by a page', () => {
    const { root } = siteRoot('publisher: "甲"\n');
    expect(() => { (siteConfig(root) as { publisher: string }).publisher = '乙'; }).toThrow();
    expect(siteConfig(root).publisher).toBe('甲');
  });
});
