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

const remembered = new Map<string, { stamp: string; config: SiteConfig }>();

/**
 * readSiteConfig for pages: every task and report page shows the 纠错 contact, and parsing the YAML
 * tens of thousands of times cost more than rendering the box. The file is read again only when its
 * size or modification time changes (an edit under `astro dev`); a file with problems is never remembered.
 */
export function siteConfig(root: string = process.cwd()): SiteConfig {
  const st = statSync(siteYaml(root), { bigint: true });
  const stamp = `${st.mtimeNs}:${st.ctimeNs}:${st.size}:${st.ino}`;
  const hit = remembered.get(root);
  if (hit?.stamp === stamp) return hit.config;
  const config = readSiteConfig(root);
  remembered.set(root, { stamp, config: Object.freeze(config) });
  return config;
}
