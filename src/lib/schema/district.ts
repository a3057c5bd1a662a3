import { z } from 'astro/zod';

export const districtSchema = z.object({
  /** Pinyin slug used in URLs and ids, e.g. linzi. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Full name as used in documents, e.g. 临淄区. */
  name: z.string(),
  /** Short name, e.g. 临淄. */
  shortName: z.string(),
  city: z.string(),
  province: z.string(),
});
export type District = z.infer<typeof districtSchema>;
