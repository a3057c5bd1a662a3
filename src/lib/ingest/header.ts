import type { Column, ColumnKey, Period } from '../schema';

// Columns are recognised by their header words, never by position: the order differs between the reports in
// content/reports/, and next quarter's bulletin may rename or reorder them. Each rule is tried in order; the first that matches wins.

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  return CN_DIGITS[s];
}

/** The period a target column is due, from its header: 第三季度目标 → Q3, 9月份目标任务 → M9, 全年目标 → year. */
export function periodFromHeader(label: string): Period | undefined {
  const q = /第?([一二三四1-4])季度/.exec(label);
  if (q) return `Q${cnNumber(q[1]!)}` as Period;
  const m = /(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?/.exec(label);
  if (m) {
    const n = cnNumber(m[1]!);
    if (n && n >= 1 && n <= 12) return `M${n}` as Period;
  }
  if (/全年|年度/.test(label) && /目标/.test(label) && !/任务$/.test(label)) return 'year';
  return undefined;
}

const RULES: { key: ColumnKey; test: (label: string) => boolean }[] = [
  { key: 'number', test: (l) => /^(序号|序|No\.?)$/i.test(l) },
  // The city's or another body's own task number (市折子号) identifies the task, like 编号.
  { key: 'code', test: (l) => /^(编号|[\p{Script=Han}]{0,2}折子号|任务编号)$/u.test(l) },
  { key: 'status', test: (l) => /^((完成|进展|推进|进度|任务)?状态|是否完成|完成与否)$/.test(l) },
  // A period before 目标 makes it a period target (9月份目标任务), even though it also says 目标任务.
  { key: 'target', test: (l) => periodFromHeader(l) !== undefined && /目标|计划|任务/.test(l) && !/^年度/.test(l) },
  { key: 'pledge', test: (l) => /(年度目标任务|年度工作任务|重点任务|工作任务|目标任务|政府工作报告任务|年度目标|预期目标|任务内容|工作内容|主要任务|具体任务)/.test(l) || /^((民生)?实事)?项目(名称|内容)?$/.test(l) },
  { key: 'result', test: (l) => /(完成情况|落实情况|进展情况|推进情况|完成进度|工作进展|进展)/.test(l) },
  { key: 'leaders', test: (l) => /(分管.*领导|责任领导|牵头领导|包挂领导|联系领导|责任区领导)/.test(l) },
  { key: 'units', test: (l) => /(责任单位|牵头单位|责任部门|承办单位|主办单位|落实单位|牵头部门|配合单位|协办单位|参与单位|配合部门|协办部门)/.test(l) },
  { key: 'note', test: (l) => /^备注$/.test(l) },
];

/** The role a units column gives its units when the cell does not mark them: 牵头单位 → lead, 配合单位 → assist. */
export function unitRoleOfLabel(label: string): 'lead' | 'assist' | undefined {
  if (/配合|协办|参与/.test(label)) return 'assist';
  if (/牵头|主办/.test(label)) return 'lead';
  return undefined;
}

export function classifyHeaderCell(raw: string): ColumnKey | undefined {
  const label = raw.replace(/<[^>]*>/g, '').replace(/[\s*#|]/g, '');
  if (label === '') return undefined;
  return RULES.find((r) => r.test(label))?.key;
}

export function isHeaderRow(cells: string[]): boolean {
  const keys = cells.map(classifyHeaderCell);
  const known = keys.filter(Boolean).length;
  return known >= 3 && keys.includes('pledge');
}

/**
 * Turn header cells into columns. An empty first cell (003) is the 序号 column. With both 序号 and 编号,
 * 序号 numbers the tasks; with only 编号, 编号 does.
 */
export function columnsFromHeader(cells: string[]): Column[] {
  const columns: Column[] = cells.map((raw, i) => {
    const label = raw.replace(/<[^>]*>/g, '').trim().replace(/^#+\s*/, '');
    let key = classifyHeaderCell(raw);
    if (!key && i === 0 && label === '') key = 'number';
    const column: Column = { key: key ?? 'extra', label };
    if (key === 'target') {
      const period = periodFromHeader(label);
      if (period) column.period = period;
    }
    return column;
  });
  if (!columns.some((c) => c.key === 'number')) {
    const code = columns.find((c) => c.key === 'code');
    if (code) code.key = 'number';
  }
  return columns;
}
