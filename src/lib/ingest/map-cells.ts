import type { Column } from '../schema';
import type { AnomalyDraft } from './parse-report';
import type { Cell, RawRow } from './layout';
import { cellPlainText } from './rich-text';

export interface MappedCells {
  get(key: 'number' | 'pledge' | 'subGoal' | 'result' | 'status' | 'units' | 'leaders'): Cell[] | undefined;
  byIndex(columnIndex: number): Cell | undefined;
  extra: { label: string; text: string }[];
}

/**
 * Put a row's cells under its columns. One cell more than the header in a one-cell-per-line table is the
 * merged sub-goal cell after the pledge (000: tasks 15, 16 and the rows under them). Other surplus or
 * missing cells become anomalies; surplus text is kept as `extra`, never dropped.
 */
export function mapCells(raw: RawRow, columns: Column[], layout: string, anomalies: AnomalyDraft[]): MappedCells {
  let cells = raw.cells.map((c) => ({ ...c, raw: c.raw.replace(/\s+$/, '') }));
  const pledgeIdx = columns.findIndex((c) => c.key === 'pledge');
  let subGoal: Cell | undefined;
  if (cells.length === columns.length + 1 && (layout === 'cell-per-line' || layout === 'paragraph-cells') && pledgeIdx >= 0) {
    subGoal = cells[pledgeIdx + 1];
    cells = [...cells.slice(0, pledgeIdx + 1), ...cells.slice(pledgeIdx + 2)];
  }
  // Copied from a web page, a task cell of two paragraphs (a short title, then the text) arrives as two cells;
  // when the second lands in a names column (it reads as a sentence, which a unit or leader never does) it is
  // the task's sub-goal, and the cells after it move back to their columns.
  if (!subGoal && layout === 'paragraph-cells' && pledgeIdx >= 0 && cells.length > pledgeIdx + 1) {
    const next = cells[pledgeIdx + 1]!;
    const key = columns[pledgeIdx + 1]?.key;
    if ((key === 'units' || key === 'leaders') && [...next.raw].length > 24 && /[，,。；;]/.test(next.raw)) {
      subGoal = next;
      cells = [...cells.slice(0, pledgeIdx + 1), ...cells.slice(pledgeIdx + 2)];
    }
  }
  // Empty cells past the last column (a trailing tab) hold nothing: no data is lost by ignoring them.
  while (cells.length > columns.length && cells[cells.length - 1]!.raw.trim() === '') cells = cells.slice(0, -1);
  const extra: { label: string; text: string }[] = [];
  if (cells.length > columns.length) {
    const surplus = cells.slice(columns.length);
    anomalies.push({ line: surplus[0]!.startLine, kind: 'too-many-cells', message: `这一行有 ${raw.cells.length} 个单元格，表头只有 ${columns.length} 列：多出的内容作为“多出的单元格”保留在任务页上。` });
    extra.push(...surplus.map((c) => ({ label: '多出的单元格', text: cellPlainText(c.raw) })));
    cells = cells.slice(0, columns.length);
  } else if (cells.length < columns.length) {
    const missing = columns.slice(cells.length).map((c) => c.label || c.key).join('、');
    anomalies.push({ line: raw.endLine, kind: 'too-few-cells', message: `这一行只有 ${cells.length} 个单元格，表头有 ${columns.length} 列：缺少“${missing}”，原文件此行不完整。` });
  }
  columns.forEach((c, i) => {
    if ((c.key === 'extra' || c.key === 'note' || c.key === 'code') && cells[i] && cells[i]!.raw.trim() !== '') {
      extra.push({ label: c.label || c.key, text: cellPlainText(cells[i]!.raw) });
    }
  });
  return {
    get(key) {
      if (key === 'subGoal') return subGoal ? [subGoal] : undefined;
      const found = columns.flatMap((c, i) => (c.key === key && cells[i] ? [cells[i]!] : []));
      const declared = columns.some((c) => c.key === key);
      return declared ? found : undefined;
    },
    byIndex: (i) => cells[i],
    extra,
  };
}
