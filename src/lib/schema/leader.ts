import { z } from 'astro/zod';

export const leaderRefSchema = z.object({
  leaderId: z.string(),
  name: z.string(),
  /** As printed, e.g. "崔 燮". */
  printed: z.string(),
});
export type LeaderRef = z.infer<typeof leaderRefSchema>;

/** A district leader in charge (分管区领导). */
export const leaderSchema = z.object({
  /** `${district}-${pinyin slug}` */
  id: z.string(),
  district: z.string(),
  name: z.string(),
  /** Every printed variant (崔赟, 崔贊, 崔 燮 …), as printed. */
  variants: z.array(z.string()),
  taskIds: z.array(z.string()),
});
export type Leader = z.infer<typeof leaderSchema>;
