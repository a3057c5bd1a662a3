import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';

/** content/site.yaml: the site's address, publisher and where corrections go (see the file's comments). */
export const siteConfigSchema = z.object({
  /** Absolute address of the deployed site (with scheme), or empty while it has none. */
  url: z.union([z.literal(''), z.url()]).default(''),
  publisher: z.string().min(1),
  /** mailto:… or https://…, or empty. */
  corrections: z.union([z.literal(''), z.string().regex(/^(mailto:|https?:\/\/)/)]).default(''),
});
export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Read and validate content/site.yaml under `root`. Throws a sentence naming the file on bad input. */
export function readSiteConfig(root: string = process.cwd()): SiteConfig {
  const file = join(root, 'content', 'site.yaml');
  const result = siteConfigSchema.safeParse(parse(readFileSync(file, 'utf8')) ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(整个文件)'}: ${i.message}`).join('；');
    throw new Error(`content/site.yaml: ${problems}。请按文件中的注释更正。`);
  }
  return result.data;
}
