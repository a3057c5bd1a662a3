import { readFileSync } from 'node:fs';
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

/** Read and validate content/site.yaml under `root`. Throws a ProblemError listing every problem with its line. */
export function readSiteConfig(root: string = process.cwd()): SiteConfig {
  const text = readFileSync(join(root, 'content', 'site.yaml'), 'utf8');
  const { value, problems } = readYaml('content/site.yaml', text, siteConfigSchema, '请按文件中的注释更正。');
  if (!value) throw new ProblemError(problems);
  return value;
}
