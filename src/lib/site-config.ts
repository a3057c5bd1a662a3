import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { ProblemError } from './problems';
import { readYaml } from './read-yaml';

/** content/site.yaml: the site's address, publisher and where corrections go (see the file's comments). */
const siteConfigSchema = z.object({
  /** Absolute address of the deployed site (with scheme), or empty while it has none. */
  url: z.union([z.literal(''), z.url()]).default(''),
  publisher: z.string().min(1),
  /** mailto:… or https://…, or empty. */
  corrections: z.union([z.literal(''), z.string().regex(/^(mailto:|https?:\/\/)/)]).default(''),
});
export type SiteConfig = z.infer<typeof siteConfigSchema>;

const siteYaml = (root: string) => join(root, 'content', 'site.yaml');

/** Read and validate content/site.yaml under `root`. Throws a ProblemError listing every problem with its line. */
export function readSiteConfig(root: string = process.cwd()): SiteConfig {
  const text = readFileSync(siteYaml(root), 'utf8');
  const { value, problems } = readYaml('content/site.yaml', text, siteConfigSchema, '请按文件中的注释更正。');
  if (!value) throw new ProblemError(problems);
  return value;
}

const remembered = new Map<string, { stamp: string; checked: number; config: SiteConfig }>();
/** How long a remembered config is trusted before the file is looked at again. */
export const SITE_CONFIG_RECHECK_MS = 1000;

/**
 * readSiteConfig for pages: every task and report page shows the 纠错 contact, and parsing the YAML
 * tens of thousands of times cost more than rendering the box (and even a stat per page shows in a
 * profile). The file is looked at again at most once a second, and read again only when its size or
 * times changed (an edit under `astro dev`); a file with problems is never remembered.
 */
export function siteConfig(root: string = process.cwd(), now: number = Date.now()): SiteConfig {
  const hit = remembered.get(root);
  if (hit && now - hit.checked < SITE_CONFIG_RECHECK_MS && now >= hit.checked) return hit.config;
  const st = statSync(siteYaml(root), { bigint: true });
  const stamp = `${st.mtimeNs}:${st.ctimeNs}:${st.size}:${st.ino}`;
  if (hit?.stamp === stamp) {
    hit.checked = now;
    return hit.config;
  }
  const config = Object.freeze(readSiteConfig(root));
  remembered.set(root, { stamp, checked: now, config });
  return config;
}
