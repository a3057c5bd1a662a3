import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { SLUG_MAX } from '../limits';
import type { Period, ReportKind } from '../schema';

/** Pinyin slug for a Chinese name: 区发改局 → qu-fa-gai-ju. Latin letters and digits are kept. */
export function pinyinSlug(name: string): string {
  const syllables = pinyin(name.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const slug = syllables
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'x';
}

/**
 * A slug short enough to be a path segment: a longer one keeps its first characters and gains a hash
 * of the whole, so two long names that start alike still differ (file systems refuse names over 255 bytes).
 */
export function boundedSlug(slug: string, max = SLUG_MAX): string {
  if (slug.length <= max) return slug;
  const hash = createHash('sha256').update(slug).digest('hex').slice(0, 8);
  return `${slug.slice(0, max - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

const CN = ['', '一', '二', '三', '四'];

function periodSlug(p: Period): string {
  if (p === 'year') return 'annual';
  if (p.startsWith('Q')) return p.toLowerCase();
  return `m${p.slice(1).padStart(2, '0')}`;
}

export function reportSlug(kind: ReportKind, periods: Period[]): string {
  if (kind === 'work-report') return 'work-report';
  const base = periods.map(periodSlug).join('-');
  return kind === 'breakdown' ? `plan-${base}` : base;
}

/** 第二季度 · 9月 · 第三、四季度 · 全年 */
export function periodLabel(periods: Period[]): string {
  if (periods.every((p) => p.startsWith('Q'))) {
    const qs = periods.map((p) => CN[Number(p.slice(1))]);
    return `第${qs.join('、')}季度`;
  }
  if (periods.every((p) => p.startsWith('M'))) return `${periods.map((p) => p.slice(1)).join('、')}月`;
  if (periods.length === 1 && periods[0] === 'year') return '全年';
  return periods.map((p) => periodLabel([p])).join('、');
}

/**
 * Sort key within a year: the last month a progress report covers. A work report opens the year (0); a
 * breakdown sets targets before its first period starts, so it sorts before that period's results.
 */
export function periodEndMonth(kind: ReportKind, periods: Period[]): number {
  if (kind === 'work-report') return 0;
  const start = (p: Period) => (p === 'year' ? 1 : p.startsWith('Q') ? Number(p.slice(1)) * 3 - 2 : Number(p.slice(1)));
  if (kind === 'breakdown') return Math.min(...periods.map(start)) - 1;
  return Math.max(
    ...periods.map((p) => (p === 'year' ? 12 : p.startsWith('Q') ? Number(p.slice(1)) * 3 : Number(p.slice(1)))),
  );
}
