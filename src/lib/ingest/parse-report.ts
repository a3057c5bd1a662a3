import type { AnomalyKind, Column, Period, ReportKind, RichText } from '../schema';
import { decodeReport, splitLines, type Decoded } from './decode';
import { IngestError } from './errors';
import { expandLiteralBreaks } from './literal-breaks';
import { workReportHeading } from '../workreport/title-block';
import { cutTable, type Cell, type LineRole, type RawRow } from './layout';
import { readPrintedMetadata, type PrintedMetadata } from './metadata';
import { cellPlainText, toRichText } from './rich-text';
import { markdownDepth, markupDepth } from './nesting';
import { MARKUP_DEPTH_MAX } from '../limits';
import { readStatus, type StatusReading } from './status';
import { removeInvisibleLines } from './invisible';
import { endsMidSentence, REPLACEMENT_CHAR, spaceJoinFrom } from './text';
import { parseLeaders, parseUnits, type ParsedUnit } from './units';

/** Accounting role of every source line: each line is exactly one of these. */
export type LineUse = 'blank' | 'metadata' | 'header' | 'separator' | 'task' | 'footnote' | 'anomaly' | 'text';

export interface AnomalyDraft {
  line: number;
  kind: AnomalyKind;
  message: string;
}

export interface ParsedRow {
  /** 序号 of the task; for a sub-target row, the 序号 of the task above. */
  number: number;
  /** 0 for the numbered row, 1.. for sub-target rows. */
  subIndex: number;
  pledge?: RichText;
  subGoal?: RichText;
  targets: { period?: Period; label: string; text: RichText }[];
  result?: RichText;
  status: StatusReading;
  units: ParsedUnit[];
  unitsPrinted: string;
  leaders: { name: string; printed: string }[];
  leadersPrinted?: string;
  extra: { label: string; text: string }[];
  startLine: number;
  endLine: number;
}

export interface ParsedReport {
  file: string;
  decoded: Decoded;
  lines: string[];
  /** Per canonical line, where it sits in the original file when that is not simply line N (contract: readers). */
  where?: (string | null)[];
  layout: 'cell-per-line' | 'tsv' | 'pipe' | 'spaces' | 'prose';
  kind: ReportKind;
  columns: Column[];
  headerLine?: number;
  printed: PrintedMetadata;
  speaker?: { name: string; title: string };
  preamble: { line: number; text: string }[];
  footnotes: { line: number; text: string }[];
  rows: ParsedRow[];
  anomalies: AnomalyDraft[];
  uses: LineUse[];
}

export interface ParseOptions {
  /** Kind from the manifest (or --kind); when absent it is read from the title. */
  kind?: ReportKind;
}

const NUMBER = /^\s*[（(]?\s*(\d{1,5})\s*[)）.、．]?\s*$/;

/** A work report is parsed as Markdown (src/lib/workreport/): a line nested deeper than the limit is refused at its line. */
function refuseDeepMarkdown(file: string, lines: string[]) {
  lines.forEach((line, i) => {
    const depth = markdownDepth(line);
    if (depth > MARKUP_DEPTH_MAX) throw new IngestError(file, i + 1, `这一行的 Markdown 嵌套（引用、列表缩进或 * _ 强调符号）可达 ${depth} 层，超过 ${MARKUP_DEPTH_MAX} 层的上限（src/lib/limits.ts）：正常的报告不会这样，多半是转换出错。请对照原件重新导出该文件。`);
  });
}

export function parseReport(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedReport {
  const decoded = decodeReport(bytes, file);
  // Literal \r\n line breaks are split first; then format characters go before anything is parsed, so
  // every output sees the same names and text.
  const expanded = expandLiteralBreaks(splitLines(decoded.text));
  const { lines, anomalies } = removeInvisibleLines(expanded?.lines ?? splitLines(decoded.text));
  if (decoded.truncatedTail) {
    anomalies.push({ line: lines.length, kind: 'decode', message: '文件在一个多字节字符中间结束：文件不完整，最后一个字已丢失，请重新下载原件。' });
  }
  const cut = options.kind === 'work-report' ? undefined : cutTable(lines);
  const printed = readPrintedMetadata(lines, cut ? cut.headerLine - 1 : lines.length, !cut);
  // A work report's own title line (after any page chrome) and dateline say what it is and its year.
  const heading = cut || (options.kind && options.kind !== 'work-report') ? undefined : workReportHeading(lines);
  if (heading) Object.assign(printed, heading);
  const kind = options.kind ?? printed.kind ?? 'progress';

  if (!cut) {
    if (kind === 'work-report') refuseDeepMarkdown(file, lines);
    if (kind !== 'work-report') {
      throw new IngestError(file, undefined, '没有找到表格：需要一行至少含三个可识别的列名（如 序号、年度目标任务、完成情况、责任单位）的表头；若这是政府工作报告全文，请在清单中把 kind 设为 work-report。');
    }
    return {
      file, decoded, lines, layout: 'prose', kind, columns: [], printed, speaker: readSpeaker(lines),
      preamble: [], footnotes: [], rows: [], anomalies,
      uses: lines.map((l) => (l.trim() === '' ? 'blank' : 'text')),
      ...(expanded ? { where: expanded.where } : {}),
    };
  }

  const uses: LineUse[] = cut.roles.map(toUse);
  // Whether a space between two Chinese characters is a broken word: the document's own evidence.
  const join = spaceJoinFrom(decoded.text);
  const rich = (raw: string) => toRichText(raw, join);
  const rows: ParsedRow[] = [];
  const reportKind: 'breakdown' | 'progress' = kind === 'breakdown' ? 'breakdown' : 'progress';
  let lastNumber = 0;
  let current: ParsedRow | undefined;
  const seen = new Set<number>();

  cut.rows.forEach((raw, i) => {
    for (const cell of raw.cells) {
      const depth = markupDepth(cell.raw);
      if (depth > MARKUP_DEPTH_MAX) throw new IngestError(file, cell.startLine, `单元格中的标记嵌套了 ${depth} 层，超过 ${MARKUP_DEPTH_MAX} 层的上限（src/lib/limits.ts）：正常的公文不会这样，多半是转换出错或被篡改。请对照原件重新导出该文件。`);
    }
    const mapped = mapCells(raw, cut.columns, cut.layout, anomalies);
    const numberText = mapped.get('number')?.[0]?.raw ?? '';
    const m = NUMBER.exec(numberText);
    if (!m && numberText.trim() !== '') {
      unplacedRow(uses, lines, raw, { line: raw.startLine, kind: 'outside-table', message: `序号列的“${numberText.trim().slice(0, 20)}”不是数字：这一行不是任务行（可能是分组标题），原文保留在此。` }, anomalies);
      return;
    }
    const number = m ? Number(m[1]) : undefined;
    if (number === undefined && !current) {
      unplacedRow(uses, lines, raw, { line: raw.startLine, kind: 'unnumbered-row', message: '这一行没有序号，上方也没有可归属的任务：无法确定它属于哪项任务，原文保留在此。' }, anomalies);
      return;
    }
    if (number !== undefined) {
      if (seen.has(number)) {
        anomalies.push({ line: raw.startLine, kind: 'duplicate-number', message: `序号 ${number} 在本表中出现了两次：第二次出现的行并入同一任务，请核对原件。` });
      } else if (number > lastNumber + 1) {
        const gap = number - 1 === lastNumber + 1 ? `${lastNumber + 1}` : `${lastNumber + 1}–${number - 1}`;
        anomalies.push({ line: raw.startLine, kind: 'numbering-gap', message: `序号 ${gap} 缺失：原文从 ${lastNumber} 直接跳到 ${number}，这些任务没有出现在本文件中。` });
      }
      seen.add(number);
      lastNumber = Math.max(lastNumber, number);
    }
    const text = (key: string) => mapped.get(key as never)?.map((c) => c.raw).join('\n');
    const resultRaw = text('result');
    const unitsText = cellPlainText(text('units') ?? '');
    const leadersText = text('leaders') !== undefined ? cellPlainText(text('leaders')!) : undefined;
    const targets = cut.columns
      .map((c, idx) => ({ c, idx }))
      .filter(({ c }) => c.key === 'target')
      .map(({ c, idx }) => ({ ...(c.period ? { period: c.period } : {}), label: c.label, text: rich(mapped.byIndex(idx)?.raw ?? '') }));
    const row: ParsedRow = {
      number: number ?? current!.number,
      subIndex: number !== undefined ? 0 : current!.subIndex + 1,
      targets,
      status: readStatus(resultRaw === undefined ? undefined : rich(resultRaw).text, resultRaw === undefined ? 'breakdown' : reportKind, targets.map((t) => t.text.text)),
      // A column headed 牵头单位 states the convention itself: the units in it lead.
      units: parseUnits(unitsText, { columnMarksLead: cut.columns.some((c) => c.key === 'units' && /牵头/.test(c.label)) }),
      unitsPrinted: unitsText,
      leaders: leadersText ? parseLeaders(leadersText) : [],
      extra: mapped.extra,
      startLine: raw.startLine,
      endLine: raw.endLine,
    };
    const pledge = text('pledge');
    if (pledge !== undefined && pledge.trim() !== '') row.pledge = rich(pledge);
    const subGoal = text('subGoal');
    if (subGoal !== undefined && subGoal.trim() !== '') row.subGoal = rich(subGoal);
    if (resultRaw !== undefined) row.result = rich(resultRaw);
    if (leadersText !== undefined) row.leadersPrinted = leadersText;
    rows.push(row);
    if (number !== undefined) current = row;
    else current = { ...current!, subIndex: row.subIndex };

    for (const cell of raw.cells) {
      if (cell.raw.includes(REPLACEMENT_CHAR)) {
        const at = cell.raw.indexOf(REPLACEMENT_CHAR);
        const before = cell.raw.slice(Math.max(0, at - 12), at).replace(/<[^>]*>/g, '');
        anomalies.push({ line: cell.startLine + (cell.raw.slice(0, at).match(/\n/g)?.length ?? 0), kind: 'truncated-cell', message: `单元格在“…${before}”之后被截断（原文件此处为乱码字符 U+FFFD），其后的内容在原文件中已丢失。` });
        markTruncated(row, rich(cell.raw).text);
      }
    }
    if (i === cut.rows.length - 1) {
      const lastProse = [...raw.cells].reverse().find((c) => c.raw.trim() !== '' && !NUMBER.test(c.raw));
      if (lastProse && !lastProse.raw.includes(REPLACEMENT_CHAR) && endsMidSentence(lastProse.raw) && proseKeyOf(cut.columns, raw, lastProse)) {
        anomalies.push({ line: lastProse.endLine, kind: 'row-cut-off', message: '表格最后一行在句子中间结束：原文件到此为止，这一行其后的内容缺失，请对照原件核实。' });
        markTruncated(row, rich(lastProse.raw).text);
      }
    }
  });

  for (const n of cut.outside) {
    anomalies.push({ line: n, kind: 'outside-table', message: '表格之外无法归类的文字：已原样保留在此，未计入任何任务。' });
    uses[n - 1] = 'anomaly';
  }
  const preamble = lines.flatMap((l, i) => (uses[i] === 'metadata' ? [{ line: i + 1, text: l.replace(/^\s*#+\s*/, '').trim() }] : []));
  const footnotes = lines.flatMap((l, i) => (uses[i] === 'footnote' ? [{ line: i + 1, text: l.trim() }] : []));
  anomalies.sort((a, b) => a.line - b.line || a.kind.localeCompare(b.kind));
  return {
    file, decoded, lines, layout: cut.layout, kind, columns: cut.columns, headerLine: cut.headerLine, printed,
    preamble, footnotes, rows, anomalies, uses, ...(expanded ? { where: expanded.where } : {}),
  };
}

function toUse(role: LineRole): LineUse {
  switch (role) {
    case 'preamble': return 'metadata';
    case 'row': return 'task';
    case 'outside': return 'anomaly';
    default: return role;
  }
}

/** Mark a row the parser cannot place: its first line carries the anomaly, each further line one of its own. */
function unplacedRow(uses: LineUse[], lines: string[], raw: RawRow, first: AnomalyDraft, anomalies: AnomalyDraft[]) {
  anomalies.push(first);
  for (let l = raw.startLine; l <= raw.endLine; l++) {
    if (uses[l - 1] !== 'task') continue;
    if (lines[l - 1]!.trim() === '') {
      uses[l - 1] = 'blank';
      continue;
    }
    uses[l - 1] = 'anomaly';
    if (l !== first.line) anomalies.push({ line: l, kind: first.kind, message: `续上：第 ${first.line} 行无法归类的内容在此行继续，原文保留在此。` });
  }
}

/** The row's prose cell with this text is cut off in the source: flag it so every page can say so. */
function markTruncated(row: ParsedRow, text: string): void {
  for (const cell of [row.pledge, row.subGoal, row.result, ...row.targets.map((t) => t.text)]) {
    if (cell && cell.text === text) cell.truncated = true;
  }
}

function proseKeyOf(columns: Column[], raw: RawRow, cell: Cell): boolean {
  const idx = raw.cells.indexOf(cell);
  const key = columns[Math.min(idx, columns.length - 1)]?.key;
  return key === 'result' || key === 'target' || key === 'pledge' || key === 'subGoal';
}

interface MappedCells {
  get(key: 'number' | 'pledge' | 'subGoal' | 'result' | 'units' | 'leaders'): Cell[] | undefined;
  byIndex(columnIndex: number): Cell | undefined;
  extra: { label: string; text: string }[];
}

/**
 * Put a row's cells under its columns. One cell more than the header in a one-cell-per-line table is the
 * merged sub-goal cell after the pledge (000: tasks 15, 16 and the rows under them). Other surplus or
 * missing cells become anomalies; surplus text is kept as `extra`, never dropped.
 */
function mapCells(raw: RawRow, columns: Column[], layout: string, anomalies: AnomalyDraft[]): MappedCells {
  let cells = raw.cells.map((c) => ({ ...c, raw: c.raw.replace(/\s+$/, '') }));
  const pledgeIdx = columns.findIndex((c) => c.key === 'pledge');
  let subGoal: Cell | undefined;
  if (cells.length === columns.length + 1 && layout === 'cell-per-line' && pledgeIdx >= 0) {
    subGoal = cells[pledgeIdx + 1];
    cells = [...cells.slice(0, pledgeIdx + 1), ...cells.slice(pledgeIdx + 2)];
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

/** "张店区人民政府区长 王学刚" → speaker. */
function readSpeaker(lines: string[]): { name: string; title: string } | undefined {
  for (const line of lines.slice(0, 40)) {
    const m = /^\s*([\p{Script=Han}]{2,20}?(?:区长|县长|市长|主任))\s*([\p{Script=Han}]{2,4})\s*$/u.exec(line);
    if (m) return { title: m[1]!, name: m[2]! };
  }
  return undefined;
}
