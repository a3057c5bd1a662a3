import { z } from 'astro/zod';

export const unitRoleSchema = z.enum([
  'lead', // 牵头: printed so, (牵头) or 牵头 after the name; never guessed (a sole unit is not marked lead)
  'assist', // 协办/配合: listed beside a marked lead
  'data', // 提供数据: 区统计局提供数据
  'unmarked', // 责任单位: listed without a lead mark (alone, or several with none marked, or the bold marking lost)
]);
export type UnitRole = z.infer<typeof unitRoleSchema>;

/** A unit named in a row: normalised id plus the name exactly as printed. */
export const unitRefSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  printed: z.string(),
  role: unitRoleSchema,
  /** For units inside a command post's parentheses: the command post's unit id. */
  via: z.string().optional(),
});
export type UnitRef = z.infer<typeof unitRefSchema>;

/** A responsible unit of one district (区发改局 of 张店 and of 临淄 are different bodies). */
export const unitSchema = z.object({
  /** `${district}-${pinyin slug}` */
  id: z.string(),
  district: z.string(),
  /** Normalised name (from content/aliases/units.yaml where curated). */
  name: z.string(),
  /** Every form printed in the sources, as printed. */
  variants: z.array(z.string()),
  /** Short names and aliases for search (发改局 → 区发改局). */
  aliases: z.array(z.string()),
  taskIds: z.array(z.string()),
});
export type Unit = z.infer<typeof unitSchema>;
