// The bulletin as published: one cell per source column for every row (sub-target rows included),
// so the report page can print the table exactly as the source laid it out.
import type { Column, Progress, Report, Task } from '../schema';
import type { SiteIndex } from '../dataset/site-index';
import { el, frag, trusted, type Markup } from '~/lib/markup';

export interface BulletinCell {
  label: string;
  /** Sanitised HTML from the dataset (b/strong/sup/sub/p/br only) or escaped text, built as Markup. */
  html: string;
  /** The source stops short in this cell (RichText.truncated): the page adds the cut-off mark. */
  truncated?: boolean;
}

export interface BulletinRow {
  anchor: string;
  row: Progress;
  task: Task | undefined;
  cells: BulletinCell[];
}

/** Anchor of a row on its report page: row-12, row-15-s2 for a sub-target row, row-t2-3 in a file's second table. */
export function rowAnchor(p: Pick<Progress, 'number' | 'subIndex'> & { table?: number | undefined }): string {
  const base = p.table ? `row-t${p.table}-${p.number}` : `row-${p.number}`;
  return p.subIndex > 0 ? `${base}-s${p.subIndex}` : base;
}

/** RichText.html is the ingest sanitiser's output (src/lib/ingest/rich-text.ts): the one trusted markup. */
const sanitised = (html: string | undefined) => trusted(html ?? '');

function targetFor(row: Progress, col: Column, targetIndex: number) {
  return (row.targets.find((x) => x.label === col.label) ?? (col.period ? row.targets.find((x) => x.period === col.period) : undefined) ?? row.targets[targetIndex])?.text;
}

/** Whether the source stops short in the cell this column shows. */
function cellTruncated(row: Progress, task: Task | undefined, col: Column, targetIndex: number): boolean {
  switch (col.key) {
    case 'pledge':
      return !!(row.subIndex === 0 && task?.pledge.truncated) || !!row.subGoal?.truncated;
    case 'subGoal':
      return !!row.subGoal?.truncated;
    case 'target':
      return !!targetFor(row, col, targetIndex)?.truncated;
    case 'result':
      return !!row.result?.truncated;
    default:
      return false;
  }
}

function cellHtml(row: Progress, task: Task | undefined, col: Column, targetIndex: number, hasSubGoalColumn: boolean): Markup {
  switch (col.key) {
    case 'number':
      return frag(row.subIndex === 0 ? String(row.number) : '');
    case 'pledge': {
      // 000's sub-goal was a merged cell with no header of its own: print it in the pledge column.
      const pledge = row.subIndex === 0 && task ? task.pledge.html : '';
      const sub = !hasSubGoalColumn && row.subGoal ? el('p', {}, el('b', {}, '具体目标：'), sanitised(row.subGoal.html)) : undefined;
      if (pledge && sub) return frag(el('p', {}, sanitised(pledge)), sub);
      return sub ?? sanitised(pledge);
    }
    case 'subGoal':
      return sanitised(row.subGoal?.html);
    case 'target':
      return sanitised(targetFor(row, col, targetIndex)?.html);
    case 'result':
      return sanitised(row.result?.html);
    case 'units': {
      // Several units columns (牵头单位, 配合单位) print as "label：text" lines: each column shows its own.
      const own = row.unitsPrinted.split('\n').find((l) => l.startsWith(`${col.label}：`));
      return frag(own ? own.slice(col.label.length + 1) : row.unitsPrinted);
    }
    case 'leaders':
      // As printed; a name matching no known person is marked 存疑 (its anomaly explains why).
      return frag(row.leadersPrinted ?? '', ...(row.uncertainLeaders ?? []).map((l) => el('span', { class: 'meta uncertain-note' }, `（${l.printed}：存疑，见数据质量）`)));
    default:
      return frag(row.extra.find((x) => x.label === col.label)?.text ?? '');
  }
}

export function bulletinRows(ix: SiteIndex, report: Report, columns: Column[] = report.columns, table?: number): BulletinRow[] {
  const rows = (ix.rowsByReport.get(report.id) ?? []).filter((row) => table === undefined || (row.table ?? 1) === table);
  return rows.map((row) => {
    const task = ix.task.get(row.taskId);
    let targetIndex = 0;
    const hasSubGoalColumn = columns.some((c) => c.key === 'subGoal');
    const cells = columns.map((col) => {
      const html = cellHtml(row, task, col, targetIndex, hasSubGoalColumn).html;
      const truncated = cellTruncated(row, task, col, targetIndex);
      if (col.key === 'target') targetIndex++;
      return { label: col.label || '序号', html, ...(truncated ? { truncated } : {}) };
    });
    // Surplus cells the header has no column for (kept by the parser in `extra`).
    const known = new Set(columns.map((c) => c.label));
    for (const x of row.extra) if (!known.has(x.label)) cells.push({ label: x.label, html: frag(x.text).html });
    return { anchor: rowAnchor(row), row, task, cells };
  });
}

/** Column headers: the table's own, plus labels of surplus cells found in any row. */
export function bulletinHeaders(rows: BulletinRow[], report: Report, columns: Column[] = report.columns): string[] {
  const heads = columns.map((c) => c.label || '序号');
  for (const r of rows) for (const c of r.cells.slice(heads.length)) if (!heads.includes(c.label)) heads.push(c.label);
  return heads;
}

export interface BulletinTable {
  /** 1-based; the caption printed above it (附件2's title), when there is one. */
  number: number;
  title?: { text: string; line: number };
  columns: Column[];
  headers: string[];
  rows: BulletinRow[];
}

/** Columns of a list or running text (no header printed): 序号, the task, then the fields its items carry. */
function itemColumns(rows: Progress[]): Column[] {
  const cols: Column[] = [{ key: 'number', label: '序号' }, { key: 'pledge', label: '任务' }];
  // Leaders as printed: a name not yet confirmed in the alias files has no leader link but is still printed.
  if (rows.some((r) => r.leaders.length > 0 || (r.leadersPrinted ?? '') !== '')) cols.push({ key: 'leaders', label: '领导' });
  if (rows.some((r) => r.unitsPrinted !== '')) cols.push({ key: 'units', label: '单位' });
  if (rows.some((r) => r.result)) cols.push({ key: 'result', label: '完成情况' });
  return cols;
}

/** Every table of the file with its own columns and rows (a file may hold several: 附件1, 附件2). */
export function bulletinTables(ix: SiteIndex, report: Report): BulletinTable[] {
  const tables = report.tables?.length ? report.tables : [{ number: 1, columns: report.columns }];
  return tables.map((t) => {
    const own = (ix.rowsByReport.get(report.id) ?? []).filter((row) => (row.table ?? 1) === t.number);
    const columns = t.columns.length > 0 ? t.columns : itemColumns(own);
    const rows = bulletinRows(ix, report, columns, t.number);
    return { number: t.number, ...('title' in t && t.title ? { title: t.title } : {}), columns, headers: bulletinHeaders(rows, report, columns), rows };
  });
}

/** The group heading to print above a row: when its group differs from the row before it. */
export function groupBreak(rows: BulletinRow[], i: number): Progress['group'] | undefined {
  const g = rows[i]!.row.group;
  const prev = i > 0 ? rows[i - 1]!.row.group : undefined;
  return g && (g.line !== prev?.line) ? g : undefined;
}
