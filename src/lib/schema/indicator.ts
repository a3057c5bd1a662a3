import { z } from 'astro/zod';
import { comparatorSchema } from './target';
import { periodSchema } from './report';
import { provenanceSchema } from './provenance';

/**
 * Headline indicators compared across districts and years. Mostly growth rates in percent; jobs and
 * grain are amounts (万人, 万吨), unemployment is a level in percent; energy is a text-only commitment
 * (节能减排约束性指标); trade and industry appear in some reports' first task.
 */
export const indicatorKeySchema = z.enum([
  'gdp', // 地区生产总值增长
  'revenue', // 一般公共预算收入增长
  'investment', // 固定资产投资增长
  'retail', // 社会消费品零售总额增长
  'incomeUrban', // 城镇居民人均可支配收入增长
  'incomeRural', // 农村居民人均可支配收入增长
  'income', // 居民人均可支配收入增长 (urban and rural not separated)
  'industry', // 规模以上工业增加值增长
  'trade', // 外贸进出口总额
  'jobs', // 城镇新增就业 (an amount: 万人)
  'unemployment', // 城镇调查失业率 (a level in percent)
  'registeredUnemployment', // 城镇登记失业率 (the older statistic, still printed by many districts)
  'cpi', // 居民消费价格涨幅
  'grain', // 粮食产量 (an amount: 万吨, 亿斤…)
  'energy', // 节能减排约束性指标 (text only)
]);
export type IndicatorKey = z.infer<typeof indicatorKeySchema>;

/** target: the annual pledge · periodTarget: what was due by the report's period · actual: what was reported. */
export const indicatorRoleSchema = z.enum(['target', 'periodTarget', 'actual']);
export type IndicatorRole = z.infer<typeof indicatorRoleSchema>;

/** One number (or text-only statement) about one headline indicator of one district-year, from one source line. */
export const indicatorPointSchema = z.object({
  /** `${reportId}-${indicator}-${role}` (+ `-${n}` when one report states it twice). */
  id: z.string(),
  district: z.string(),
  /** The year the figure is about (a 2021 work report states 2020 actuals: year 2020). */
  year: z.number().int(),
  indicator: indicatorKeySchema,
  role: indicatorRoleSchema,
  /** year for annual targets and actuals; Q2, M9… for a bulletin's period target or result. */
  period: periodSchema,
  /** The figure in `unit`: growth in percent, signed (下降29% → −29); for a range (4.5%—5%) its lower end. Absent for text-only statements. */
  value: z.number().optional(),
  /** Upper end of a range as printed (增长4.5%—5% → 5). */
  valueTo: z.number().optional(),
  /** Unit as printed when it is not a percentage (万人, 亿元, 万吨); absent means %. */
  unit: z.string().optional(),
  comparator: comparatorSchema.optional(),
  comparatorText: z.string().optional(),
  /** The comparator is printed once after the last figure of a list and read as applying to this one too (分别增长7%、7.5%左右). */
  sharedQualifier: z.boolean().optional(),
  /** 预计: the source gives the figure as a forecast, not a result. */
  forecast: z.boolean(),
  /** The clause the figure comes from, as printed (spaces from PDF extraction removed). */
  phrase: z.string(),
  /** The report that states it. */
  reportId: z.string(),
  /** The precise source line(s) of the phrase. */
  source: provenanceSchema,
});
export type IndicatorPoint = z.infer<typeof indicatorPointSchema>;

export const INDICATOR_LABELS: Record<IndicatorKey, string> = {
  gdp: '地区生产总值增长',
  revenue: '一般公共预算收入增长',
  investment: '固定资产投资增长',
  retail: '社会消费品零售总额增长',
  incomeUrban: '城镇居民人均可支配收入增长',
  incomeRural: '农村居民人均可支配收入增长',
  income: '居民人均可支配收入增长',
  industry: '规模以上工业增加值增长',
  trade: '外贸进出口总额',
  jobs: '城镇新增就业',
  unemployment: '城镇调查失业率',
  registeredUnemployment: '城镇登记失业率',
  cpi: '居民消费价格涨幅',
  grain: '粮食产量',
  energy: '节能减排约束性指标',
};

export const INDICATOR_ORDER: readonly IndicatorKey[] = indicatorKeySchema.options;
