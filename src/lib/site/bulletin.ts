// The bulletin as published: one cell per source column for every row (sub-target rows included),
// so the report page can print the table exactly as the source laid it out.
import type { Column, Progress, Report, Task } from '../schema';
import type { SiteIndex } from './dataset';
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

/** Anchor of a row on its report page: row-12, or row-15-s2 for a sub-target row. */
export function rowAnchor(p: Pick<Progress, 'number' | 'subIndex'>): string {
  return p.subIndex > 0 ? `row-${p.number}-s${p.subIndex}` : `row-${p.number}`;
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
    case 'units':
      return frag(row.unitsPrinted);
    case 'leaders':
      // As printed; a name matching no known person is marked 存疑 (its anomaly explains why).
      return frag(row.leadersPrinted ?? '', ...(row.uncertainLeaders ?? []).map((l) => el('span', { class: 'meta uncertain-note' }, `（${l.printed}：存疑，见数据质量）`)));
    default:
      return frag(row.extra.find((x) => x.label === col.label)?.text ?? '');
  }
}

export function bulletinRows(ix: SiteIndex, report: Report): BulletinRow[] {
  return (ix.rowsByReport.get(report.id) ?? []).map((row) => {
    const task = ix.task.get(row.taskId);
    let targetIndex = 0;
    const hasSubGoalColumn = report.columns.some((c) => c.key === 'subGoal');
    const cells = report.columns.map((col) => {
      const html = cellHtml(row, task, col, targetIndex, hasSubGoalColumn).html;
      const truncated = cellTruncated(row, task, col, targetIndex);
      if (col.key === 'target') targetIndex++;
      return { label: col.label || '序号', html, ...(truncated ? { truncated } : {}) };
    });
    // Surplus cells the header has no column for (kept by the parser in `extra`).
    const known = new Set(report.columns.map((c) => c.label));
    for (const x of row.extra) if (!known.has(x.label)) cells.push({ label: x.label, html: frag(x.text).html });
    return { anchor: rowAnchor(row), row, task, cells };
  });
}

/** Column headers: the report's own, plus labels of surplus cells found in any row. */
export function bulletinHeaders(rows: BulletinRow[], report: Report): string[] {
  const heads = report.columns.map((c) => c.label || '序号');
  for (const r of rows) for (const c of r.cells.slice(heads.length)) if (!heads.includes(c.label)) heads.push(c.label);
  return heads;
}
