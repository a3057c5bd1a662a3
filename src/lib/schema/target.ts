import { z } from 'astro/zod';

/**
 * How a quantified commitment bounds its value, keyed in English; the page prints `comparatorText`
 * (the word as printed). atLeast 以上/不少于/不低于 · about 左右 · atMost 以内/以下/不超过 · exceed 突破/超过 ·
 * reach 达到 · over 余/多 (an approximate count such as 1万余人) · exact (no word: 新增学位5200个).
 */
export const comparatorSchema = z.enum(['atLeast', 'about', 'atMost', 'exceed', 'reach', 'over', 'exact']);
export type Comparator = z.infer<typeof comparatorSchema>;

/** A quantified commitment found in a sentence by the rule-based extractor (src/lib/targets). */
export const targetSchema = z.object({
  /** The clause it came from (between ，；。：), spaces left by PDF extraction removed. */
  phrase: z.string(),
  /** The exact matched span: number, unit and comparator, e.g. 5个以上. */
  match: z.string(),
  /** The number; for a range (1-2栋) the lower bound. A 下降/减少 before a percentage makes it negative. */
  value: z.number(),
  /** Upper bound of a range (1-2栋 → 2). */
  valueTo: z.number().optional(),
  /** Unit as printed, multiplier included: %, 个, 亿元, 万平方米. */
  unit: z.string(),
  comparator: comparatorSchema,
  /** The comparator word as printed (以上, 左右, 以内, 突破, 达到…); empty for exact. */
  comparatorText: z.string(),
  /** Leading verb when a trailing word also bounds the value (达到…以上 → 达到). */
  verb: z.string().optional(),
  /** The comparator word is printed once after the last figure of a list and read as applying to each (分别增长7%、7.5%左右). */
  sharedQualifier: z.boolean().optional(),
  /** up for 增长/提高, down for 下降/减少 just before the number. */
  direction: z.enum(['up', 'down']).optional(),
});
export type Target = z.infer<typeof targetSchema>;
