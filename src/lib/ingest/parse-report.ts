import type { AnomalyKind, Column, Period, ReportKind, RichText } from '../schema';
import { decodeReport, splitLines, type Decoded } from './decode';
import type { SourceReading } from './read-source';
import type { SourceFormat } from './readers/types';
import { IngestError } from './errors';
import { cutTables, type Cell, type LineRole, type RawRow, type TableCut } from './layout';
import { headingLevel, pushHeading, readGroupHeading, type GroupHeading } from './group-heading';
import { mapCells } from './map-cells';
import { applyGroup, unitsFromLabelled, unitColumnsOf, type RowGroup } from './row-parts';
import { readStatusCell } from './stated-status';
import { parseItems } from './list-layout';
import { readReportedTotals, totalsAnomalies, type ReportedTotal } from './reported-totals';
import { describeText } from './describe-text';
import { expandLiteralBreaks } from './literal-breaks';
import { workReportHeading } from '../workreport/title-block';
import { readPrintedMetadata, type PrintedMetadata } from './metadata';
import { cellPlainText, toRichText } from './rich-text';
import { readStatus, type StatusReading } from './status';
import { removeInvisibleLines } from './invisible';
import { markdownDepth, markupDepth } from './nesting';
import { MARKUP_DEPTH_MAX } from '../limits';
import { endsMidSentence, REPLACEMENT_CHAR, spaceJoinFrom } from './text';
import { parseLeaders, parseUnits, type ParsedUnit } from './units';

/** Accounting role of every source line: each line is exactly one of these. */
export type LineUse = 'blank' | 'metadata' | 'header' | 'separator' | 'task' | 'group' | 'footnote' | 'anomaly' | 'text';

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
  /** Which table of the file (0 = the first); numbers restart in each table. */
  table: number;
  /** The group heading the row sits under (一、主要经济社会发展指标), when the table or list has them. */
  group?: RowGroup;
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
  /** What the file is, from its bytes (readers/detect.ts). */
  format: SourceFormat;
  /** How a text file was decoded; absent for files read by a format reader (their lines are the canonical rendering). */
  decoded?: Decoded;
  lines: string[];
  /** For each line, its location in the original file (表格1第3行, 第4段…, or 第3行第2段 for a text file whose
   * line breaks were stored as literal \r\n); absent when line N is simply line N of a text file. */
  where?: (string | null)[];
  /** Tables the reader found in the original file (non-text formats; `tables` are the tables as parsed). */
  tableCount?: number;
  /** What the original says about itself (a web page's title and 发布日期). */
  meta?: { title?: string; date?: string };
  layout: ParsedLayout;
  kind: ReportKind;
  /** The first table's columns (all tables: `tables`). */
  columns: Column[];
  headerLine?: number;
  tables: ParsedTable[];
  /** Totals the document states about itself (共124项，完成104项…), with their lines. */
  reportedTotals: ReportedTotal[];
  printed: PrintedMetadata;
  speaker?: { name: string; title: string };
  preamble: { line: number; text: string }[];
  footnotes: { line: number; text: string }[];
  rows: ParsedRow[];
  anomalies: AnomalyDraft[];
  uses: LineUse[];
}

export type ParsedLayout = 'cell-per-line' | 'paragraph-cells' | 'tsv' | 'pipe' | 'spaces' | 'list' | 'labelled-text' | 'prose-bulletin' | 'prose';

export interface ParsedTable {
  /** 0-based position in the file. */
  index: number;
  layout: ParsedLayout;
  headerLine?: number;
  headerEndLine?: number;
  columns: Column[];
  title?: { text: string; line: number };
  rowCount: number;
}

/** Rich text with the document's own rule for spaces between Chinese characters. */
export type Rich = (raw: string) => RichText;

export interface ParseOptions {
  /** Kind from the manifest (or --kind); when absent it is read from the title. */
  kind?: ReportKind;
  /** The file as read by its format reader (read-source.ts); without it the bytes are decoded as text. */
  reading?: SourceReading;
  /** Sentences about the file as a whole (an extension that disagrees with the content): anomalies on line 1. */
  fileNotes?: string[];
}

const NUMBER = /^\s*[（(]?\s*(\d{1,5})\s*[)）.、．]?\s*$/;

/** A work report is parsed as Markdown (src/lib/workreport/): a line nested deeper than the limit is refused at its line. */
function refuseDeepMarkdown(file: string, lines: string[]) {
  lines.forEach((line, i) => {
    const depth = markdownDepth(line);
    if (depth > MARKUP_DEPTH_MAX) throw new IngestError({ file, line: i + 1, message: `这一行的 Markdown 嵌套（引用、列表缩进或 * _ 强调符号）可达 ${depth} 层，超过 ${MARKUP_DEPTH_MAX} 层的上限（src/lib/limits.ts）：正常的报告不会这样，多半是转换出错`, hint: '请对照原件重新导出该文件。' });
  });
}

export function parseReport(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedReport {
  const reading = options.reading;
  const decoded = reading ? undefined : decodeReport(bytes, file);
  // Literal \r\n line breaks are split first (text files); then format characters go before anything is
  // parsed, so every output sees the same names and text.
  const expanded = decoded ? expandLiteralBreaks(splitLines(decoded.text)) : undefined;
  const { lines, anomalies } = removeInvisibleLines(reading ? reading.lines : (expanded?.lines ?? splitLines(decoded!.text)));
  anomalies.push(
    ...(reading?.notes ?? []).map((n) => ({ line: n.line, kind: 'reader' as const, message: n.message })),
    ...(options.fileNotes ?? []).map((message) => ({ line: 1, kind: 'reader' as const, message })),
  );
  const source = reading
    ? { format: reading.format, decoded, lines, where: reading.where, tableCount: reading.tables, meta: reading.meta }
    : { format: 'text' as const, decoded, lines, ...(expanded ? { where: expanded.where } : {}) };
  if (decoded?.truncatedTail) {
    anomalies.push({ line: lines.length, kind: 'decode', message: '文件在一个多字节字符中间结束：文件不完整，最后一个字已丢失，请重新下载原件。' });
  }
  const cut = options.kind === 'work-report' ? undefined : cutTables(lines);
  // A work report's own title line (after any page chrome) and dateline say what it is and its year.
  const heading = cut || (options.kind && options.kind !== 'work-report') ? undefined : workReportHeading(lines);
  // Without a table, a list or prose bulletin — unless the text says it is a work report.
  const items = cut || options.kind === 'work-report' || heading?.kind === 'work-report' ? undefined : parseItems(lines);
  const firstLine = cut ? cut.tables[0]!.headerLine : items ? items.firstLine : lines.length + 1;
  const printed = readPrintedMetadata(lines, firstLine - 1, !cut && !items);
  if (heading && !items) Object.assign(printed, heading);
  const kind = options.kind ?? printed.kind ?? 'progress';
  const reportKind: 'breakdown' | 'progress' = kind === 'breakdown' ? 'breakdown' : 'progress';

  if (!cut && !items) {
    if (kind === 'work-report') refuseDeepMarkdown(file, lines);
    if (kind !== 'work-report') throw new IngestError({ file, message: describeText(lines) });
    return {
      file, ...source, layout: 'prose', kind, columns: [], tables: [], reportedTotals: [], printed, speaker: readSpeaker(lines),
      preamble: [], footnotes: [], rows: [], anomalies,
      uses: lines.map((l) => (l.trim() === '' ? 'blank' : 'text')),
    };
  }

  // Whether a space between two Chinese characters is a broken word: the document's own evidence.
  const join = spaceJoinFrom(decoded ? decoded.text : lines.join('\n'));
  const rich: Rich = (raw: string) => toRichText(raw, join);
  let rows: ParsedRow[];
  let uses: LineUse[];
  let tables: ParsedTable[];
  if (cut) {
    uses = cut.roles.map(toUse);
    // Table numbers run over the file: a table whose numbering starts again at 1 under a group heading takes
    // one number per scope, so every (table, 序号) names one task.
    tables = [];
    rows = [];
    for (const t of cut.tables) {
      const cutRows = tableRows(file, t, tables.length, lines, uses, reportKind, anomalies, rich);
      rows.push(...cutRows.rows);
      cutRows.scopes.forEach((title, k) => tables.push({
        index: tables.length, layout: t.layout, headerLine: t.headerLine, headerEndLine: t.headerEndLine, columns: t.columns,
        ...(k === 0 && t.title ? { title: t.title } : title ? { title } : {}), rowCount: 0,
      }));
    }
    for (const t of tables) t.rowCount = rows.filter((r) => r.table === t.index).length;
    for (const n of cut.outside) {
      anomalies.push({ line: n, kind: 'outside-table', message: '表格之外无法归类的文字：已原样保留在此，未计入任何任务。' });
      uses[n - 1] = 'anomaly';
    }
  } else {
    uses = items!.uses;
    rows = items!.rows(reportKind, rich);
    anomalies.push(...items!.anomalies);
    tables = Array.from({ length: items!.scopes }, (_, index) => ({ index, layout: items!.layout, columns: [], rowCount: rows.filter((r) => r.table === index).length }));
  }
  const segments = items ? items.segments : lines.flatMap((text, i) => (uses[i] === 'task' || uses[i] === 'blank' || uses[i] === 'header' ? [] : [{ line: i + 1, text }]));
  const reportedTotals = readReportedTotals(segments);
  anomalies.push(...totalsAnomalies(reportedTotals, rows));
  const preamble = lines.flatMap((l, i) => (uses[i] === 'metadata' ? [{ line: i + 1, text: l.replace(/^\s*#+\s*/, '').trim() }] : []));
  // Text before the first item on the item's own line (an intro run into the list) is preamble too.
  if (items) for (const seg of items.segments) if (uses[seg.line - 1] === 'task') preamble.push({ line: seg.line, text: seg.text.trim() });
  const footnotes = lines.flatMap((l, i) => (uses[i] === 'footnote' ? [{ line: i + 1, text: l.trim() }] : []));
  anomalies.sort((a, b) => a.line - b.line || a.kind.localeCompare(b.kind));
  const first = tables[0]!;
  return {
    file, ...source, layout: first.layout, kind, columns: first.columns, ...(first.headerLine ? { headerLine: first.headerLine } : {}),
    tables, reportedTotals, printed, preamble, footnotes, rows, anomalies, uses,
  };
}

/** Rows of one table: group headings set the group of the rows below; task rows become ParsedRows. */
function tableRows(file: string, table: TableCut, first: number, lines: string[], uses: LineUse[], reportKind: 'breakdown' | 'progress', anomalies: AnomalyDraft[], rich: Rich): { rows: ParsedRow[]; scopes: ({ text: string; line: number } | undefined)[] } {
  const rows: ParsedRow[] = [];
  const scopes: ({ text: string; line: number } | undefined)[] = [undefined];
  let afterHeading = false;
  let lastNumber = 0;
  let current: ParsedRow | undefined;
  const seen = new Set<number>();
  let headings: GroupHeading[] = [];
  const columns = table.columns;
  const unitCols = unitColumnsOf(columns);
  const statusCol = columns.findIndex((c) => c.key === 'status');

  table.rows.forEach((raw, i) => {
    if (raw.group) {
      headings = pushHeading(headings, groupRowHeading(raw, columns));
      afterHeading = true;
      current = undefined;
      return;
    }
    for (const cell of raw.cells) {
      const depth = markupDepth(cell.raw);
      if (depth > MARKUP_DEPTH_MAX) throw new IngestError({ file, line: cell.startLine, message: `单元格中的标记嵌套了 ${depth} 层，超过 ${MARKUP_DEPTH_MAX} 层的上限（src/lib/limits.ts）：正常的公文不会这样，多半是转换出错或被篡改`, hint: '请对照原件重新导出该文件。' });
    }
    const mapped = mapCells(raw, columns, table.layout, anomalies);
    const numberText = mapped.get('number')?.[0]?.raw ?? '';
    const m = NUMBER.exec(numberText);
    if (!m && numberText.trim() !== '') {
      unplacedRow(uses, lines, raw, { line: raw.startLine, kind: 'outside-table', message: `序号列的“${numberText.trim().slice(0, 20)}”不是数字：这一行不是任务行，原文保留在此。` }, anomalies);
      return;
    }
    const number = m ? Number(m[1]) : undefined;
    if (number === undefined && !current) {
      unplacedRow(uses, lines, raw, { line: raw.startLine, kind: 'unnumbered-row', message: '这一行没有序号，上方也没有可归属的任务：无法确定它属于哪项任务，原文保留在此。' }, anomalies);
      return;
    }
    if (number === 1 && afterHeading && seen.has(1)) {
      // Numbering starts again under a new group heading: a new scope, not duplicates of the rows above.
      const h = headings[headings.length - 1]!;
      scopes.push({ text: h.heading, line: h.line });
      seen.clear();
      lastNumber = 0;
    }
    afterHeading = false;
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
    const units = unitsFromLabelled(unitCols.map((ci) => ({ label: columns[ci]!.label, text: cellPlainText(mapped.byIndex(ci)?.raw ?? '') })));
    const leadersText = text('leaders') !== undefined ? cellPlainText(text('leaders')!) : undefined;
    const statusCell = statusCol >= 0 ? readStatusCell(mapped.byIndex(statusCol)?.raw ?? '') : undefined;
    const targets = columns
      .map((c, idx) => ({ c, idx }))
      .filter(({ c }) => c.key === 'target')
      .map(({ c, idx }) => ({ ...(c.period ? { period: c.period } : {}), label: c.label, text: rich(mapped.byIndex(idx)?.raw ?? '') }));
    const row: ParsedRow = {
      number: number ?? current!.number,
      subIndex: number !== undefined ? 0 : current!.subIndex + 1,
      table: first + scopes.length - 1,
      targets,
      status: statusCell ?? readStatus(resultRaw === undefined ? undefined : rich(resultRaw).text, resultRaw === undefined && statusCol < 0 ? 'breakdown' : reportKind, targets.map((t) => t.text.text)),
      units: units.units,
      unitsPrinted: units.printed,
      leaders: leadersText ? parseLeaders(leadersText) : [],
      extra: mapped.extra,
      startLine: raw.startLine,
      endLine: raw.endLine,
    };
    if (statusCol >= 0 && !statusCell && mapped.byIndex(statusCol)?.raw.trim()) row.extra.push({ label: columns[statusCol]!.label, text: cellPlainText(mapped.byIndex(statusCol)!.raw) });
    const pledge = text('pledge');
    if (pledge !== undefined && pledge.trim() !== '') row.pledge = rich(pledge);
    const subGoal = text('subGoal');
    if (subGoal !== undefined && subGoal.trim() !== '') row.subGoal = rich(subGoal);
    if (resultRaw !== undefined) row.result = rich(resultRaw);
    if (leadersText !== undefined) row.leadersPrinted = leadersText;
    applyGroup(row, headings);
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
    if (i === table.rows.length - 1) {
      const lastProse = [...raw.cells].reverse().find((c) => c.raw.trim() !== '' && !NUMBER.test(c.raw));
      if (lastProse && !lastProse.raw.includes(REPLACEMENT_CHAR) && endsMidSentence(lastProse.raw) && proseKeyOf(columns, raw, lastProse)) {
        anomalies.push({ line: lastProse.endLine, kind: 'row-cut-off', message: '表格最后一行在句子中间结束：原文件到此为止，这一行其后的内容缺失，请对照原件核实。' });
        markTruncated(row, rich(lastProse.raw).text);
      }
    }
  });
  return { rows, scopes };
}

/**
 * A group heading row: its heading text, and the leaders or units it names — in brackets in the heading, or
 * in their own columns of the heading row (一、主要指标 | | 张三).
 */
function groupRowHeading(raw: RawRow, columns: Column[]): GroupHeading {
  const texts = raw.cells.map((c) => cellPlainText(c.raw).trim());
  const byColumn = (key: string) => texts.flatMap((t, i) => (i > 0 && t !== '' && columns[i]?.key === key ? [{ label: columns[i]!.label, key: key as 'leaders' | 'units', value: t }] : []));
  const fields = [...byColumn('leaders'), ...byColumn('units')];
  const used = new Set(fields.map((f) => f.value));
  // 一 | 主要经济指标: the numeral and the heading in two cells read as one heading.
  const text = texts.filter((t, i) => t !== '' && (i === 0 || !used.has(t))).join(/^[一二三四五六七八九十]+$/.test(texts[0] ?? '') ? '、' : ' ');
  const h = readGroupHeading(text, raw.startLine, headingLevel(text) ?? 1);
  return { ...h, fields: [...h.fields, ...fields] };
}

function toUse(role: LineRole): LineUse {
  switch (role) {
    case 'preamble': return 'metadata';
    case 'row': return 'task';
    case 'outside': return 'anomaly';
    case 'group': return 'group';
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

/** Mark the cell whose text was cut (truncated-cell, row-cut-off) so pages can say so beside it. */
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

/** "张店区人民政府区长 王学刚" → speaker. */
function readSpeaker(lines: string[]): { name: string; title: string } | undefined {
  for (const line of lines.slice(0, 40)) {
    const m = /^\s*([\p{Script=Han}]{2,20}?(?:区长|县长|市长|主任))\s*([\p{Script=Han}]{2,4})\s*$/u.exec(line);
    if (m) return { title: m[1]!, name: m[2]! };
  }
  return undefined;
}
