// The tables of the open data: one row per entity, one column per field, each column tied to the zod
// schema field it comes from (`from`), so its type is read from the schema and a renamed field fails
// loudly. Column names are stable snake_case identifiers (JSON, datapackage.json); titles are the CSV
// headers and, with the descriptions, the Chinese data dictionary.
import type { z } from 'astro/zod';
import {
  anomalySchema, districtSchema, indicatorPointSchema, leaderSchema, progressSchema, reportSchema, taskSchema, unitSchema,
  INDICATOR_LABELS, STATUS_LABELS, STATUS_ORDER, type Anomaly, type District, type IndicatorPoint, type Leader, type Progress, type Report, type Status, type StatusSource, type Task, type Unit,
} from '../schema';
import { paths } from '../urls';
import { CUT_OFF_MARK } from '../schema/provenance';
import { INDICATOR_ROLE_LABELS } from '../labels';
import type { SiteIndex } from '../dataset/site-index';
import { latestParts } from '../site/task-parts';
import { fieldTypeOf, schemaAt, type FieldType } from './zod-fields';

export interface RowContext {
  index: SiteIndex;
  /** Absolute site root with the deployment base, ending in "/" (https://…/portal/), or root-relative (/portal/) when the site has no address. */
  siteRoot: string;
}

type Cell = string | number | boolean | undefined;

export interface Column<T> {
  name: string;
  title: string;
  description: string;
  /** Dotted path into the entity's zod schema. Gives the type and, without `value`, the value. */
  from?: string;
  type?: FieldType;
  /** For a computed column: the schema field it presents (keeps the schema-coverage test honest). */
  covers?: string;
  value?: (row: T, ctx: RowContext) => Cell;
}

export interface TableDef<T> {
  name: TableName;
  title: string;
  description: string;
  schema: z.ZodType;
  /** Top-level schema fields deliberately left out of the CSV, with the reason (the JSON keeps them). */
  omitted: Record<string, string>;
  columns: Column<T>[];
}

export type TableName = 'districts' | 'reports' | 'tasks' | 'progress' | 'units' | 'leaders' | 'anomalies' | 'indicators';

export const SOURCE_STATUS_LABELS = { stated: '原文所述', inferred: '本站推断', none: '无' } as const;

const NAMES = '；';
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const get = (row: unknown, path: string): Cell => {
  let cur: unknown = row;
  for (const p of path.split('.')) cur = cur == null ? undefined : (cur as Record<string, unknown>)[p];
  return cur as Cell;
};
const url = (ctx: RowContext, path: string) => `${ctx.siteRoot}${path}`;
const unitName = (ctx: RowContext, id: string) => ctx.index.unit.get(id)?.name ?? id;
const leaderName = (ctx: RowContext, id: string) => ctx.index.leader.get(id)?.name ?? id;
const districtName = (ctx: RowContext, id: string) => ctx.index.district.get(id)?.name ?? id;

const districtCol = { name: 'district', title: '区县代码', description: '区县的拼音代码，用于网址和编号。', from: 'district' };
const districtNameCol = <T extends { district: string }>(): Column<T> => ({ name: 'district_name', title: '区县', description: '区县名称。', type: 'string', value: (r, c) => districtName(c, r.district) });
const yearCol = { name: 'year', title: '年度', description: '政府工作报告所属年度。', from: 'year' };
/** The tasks a unit or a leader is named for: ids, count and the entity's page. */
const namedForCols = <T extends { id: string; taskIds: string[] }>(verb: string, page: (id: string) => string, noun: string): Column<T>[] => [
  { name: 'task_ids', covers: 'taskIds', title: '任务编号', description: `${verb}的任务，以“;”分隔。`, type: 'string', value: (x) => x.taskIds.join(';') },
  { name: 'task_count', title: '任务数', description: `${verb}的任务数。`, type: 'integer', value: (x) => x.taskIds.length },
  { name: 'url', title: '本站网址', description: `该${noun}的页面。`, type: 'string', value: (x, c) => url(c, page(x.id)) },
];
const sourceCols = <T extends { source: { file: string; lines: [number, number] } }>(what: string): Column<T>[] => [
  { name: 'source_file', title: '来源文件', description: `${what}所在的原始文件（仓库内路径，原样保存，未经编辑）。`, from: 'source.file' },
  { name: 'source_line_start', title: '来源起始行', description: '在来源文件中的起始行号（从 1 起）。', from: 'source.lines.0' },
  { name: 'source_line_end', title: '来源结束行', description: '在来源文件中的结束行号（含）。', from: 'source.lines.1' },
  { name: 'source_where', title: '原件位置', description: 'Word、Excel、PDF、网页原件中的位置（如 表格1第3行、第2页第14行）；文本文件为空。', from: 'source.where' },
];

const districtsTable: TableDef<District> = {
  name: 'districts', title: '区县', description: '本站收录的区县。', schema: districtSchema, omitted: {},
  columns: [
    { name: 'id', title: '区县代码', description: '拼音代码，用于网址和编号。', from: 'id' },
    { name: 'name', title: '名称', description: '文件中使用的全称，如“临淄区”。', from: 'name' },
    { name: 'short_name', title: '简称', description: '简称，如“临淄”。', from: 'shortName' },
    { name: 'city', title: '所属市', description: '所属地级市。', from: 'city' },
    { name: 'province', title: '所属省', description: '所属省份。', from: 'province' },
  ],
};

const reportsTable: TableDef<Report> = {
  name: 'reports', title: '报告与通报', description: '每个来源文件一行：政府工作报告、任务目标分解表或完成情况通报。', schema: reportSchema,
  omitted: {
    columns: '表格列结构，见 JSON。', headerLine: '表头行号，见 JSON。', preamble: '表前文字，见 JSON。', footnotes: '表后注释，见 JSON。',
    taskIds: '见 tasks 表的 report_ids。', progressIds: '见 progress 表的 report_id。', text: '全文见原始文件。', layout: '解析用的版式，见 JSON。',
  },
  columns: [
    { name: 'id', title: '报告编号', description: '区县-年度-期别，如 linzi-2023-m09。', from: 'id' },
    districtCol, districtNameCol<Report>(), yearCol,
    { name: 'slug', title: '期别代码', description: '网址中的期别段，如 q2、m09、plan-q3-q4、work-report。', from: 'slug' },
    { name: 'kind', title: '类型', description: 'work-report 政府工作报告；breakdown 任务目标分解表（只有目标，无结果）；progress 完成情况通报。', from: 'kind' },
    { name: 'periods', covers: 'periods', title: '所述期间代码', description: '报告覆盖的期间：year 全年，Q1–Q4 季度，M1–M12 月份；多个以“;”分隔。', type: 'string', value: (r) => r.periods.join(';') },
    { name: 'period_label', title: '所述期间', description: '期间的中文说明，如“第三季度”“9月”。', from: 'periodLabel' },
    { name: 'title', title: '标题', description: '文件标题，照原文。', from: 'title' },
    { name: 'issuer', title: '发文机关', description: '文件印有的发文机关；未印则空。', from: 'issuer' },
    { name: 'doc_number', title: '文号', description: '文件印有的文号；未印则空。', from: 'docNumber' },
    { name: 'date', title: '日期', description: '文件印有的日期（YYYY-MM-DD）；未印则空。', from: 'date', type: 'date' },
    { name: 'note', title: '编者注', description: '本站对该文件的说明（如原表黑体丢失）。', from: 'note' },
    { name: 'speaker', title: '报告人', description: '政府工作报告的报告人。', from: 'speaker' },
    { name: 'speaker_title', title: '报告人职务', description: '报告人的职务。', from: 'speakerTitle' },
    { name: 'occasion', title: '会议', description: '作报告的会议。', from: 'occasion' },
    { name: 'period_end_month', title: '期末月份', description: '报告所述期间的最后一个月，用于排序；政府工作报告为 0。', from: 'periodEndMonth' },
    { name: 'task_count', title: '任务数', description: '表中编号的任务行数。', from: 'taskCount' },
    { name: 'row_count', title: '表格行数', description: '表中全部行数（含无序号的子目标行）。', from: 'rowCount' },
    ...STATUS_ORDER.map((s): Column<Report> => ({
      name: `stated_${snake(s)}`, title: s === 'planned' ? '仅有目标的行数' : s === 'unstated' ? '未写明状态的行数' : `原文写明“${STATUS_LABELS[s]}”的行数`,
      description: `${s === 'planned' ? '分解表中只列目标、没有结果的行数' : s === 'unstated' ? '原文没有写明状态的行数（含本站据文字推断了状态的行，见 inferred_* 列）' : `原文写明“${STATUS_LABELS[s]}”的行数`}；按表格行计，子目标行单独计。`,
      from: `statusCounts.${s}`,
    })),
    ...(['done', 'partial', 'notDone'] as const).map((s): Column<Report> => ({
      name: `inferred_${snake(s)}`, title: `本站推断“${STATUS_LABELS[s]}”的行数`,
      description: `原文未写明状态、本站据完成情况文字推断为“${STATUS_LABELS[s]}”的行数（不是政府的原话）。`, from: `inferredCounts.${s}`,
    })),
    { name: 'table_count', covers: 'tables', title: '表格数', description: '文件中的表格（或条目清单）数；各表的列与表头行见 JSON。', type: 'number', value: (r) => r.tables?.length ?? 1 },
    { name: 'reported_totals', covers: 'reportedTotals', title: '原文自报合计', description: '原文自己写明的合计，格式“项目=原文数/逐条清点数（第N行）”，以“;”分隔；项目为 total 总数或状态代码，other 为无对应状态的类别。', type: 'string', value: (r) => (r.reportedTotals ?? []).map((t) => `${t.key === 'other' ? t.label : t.key}=${t.count}/${t.counted ?? ''}（第${t.line}行）`).join(';') },
    { name: 'anomaly_count', title: '异常数', description: '解析时记录的异常条数（见 anomalies 表）。', from: 'anomalyCount' },
    { name: 'source_file', title: '来源文件', description: '原始文件的仓库内路径。', from: 'source.file' },
    { name: 'source_url', title: '原始文件网址', description: '本站原样发布的原始文件。', type: 'string', value: (r, c) => url(c, paths.source(r.source.file)) },
    { name: 'source_sha256', title: '原始文件 SHA-256', description: '原始文件字节的 SHA-256，用于核对未被改动。', from: 'source.sha256' },
    { name: 'source_bytes', title: '原始文件字节数', description: '原始文件大小（字节）。', from: 'source.bytes' },
    { name: 'source_format', title: '原始文件格式', description: '原始文件的格式（按内容判断）：text、docx、doc、xlsx、xls、pdf、html。', from: 'source.format' },
    { name: 'source_encoding', title: '原始文件编码', description: '文本原件的字符编码；其他格式为空。', from: 'source.encoding' },
    { name: 'url', title: '本站网址', description: '该报告在本站的永久链接。', type: 'string', value: (r, c) => url(c, paths.report(r)) },
  ],
};

/** "已移交齐鲁化工区 1；完成 3": a task's parts by status as shown (stated word as printed, inferred marked 推断：). */
function partsText(parts: Progress[]): string {
  // A task without sub-target rows has one part: its status is latest_status.
  if (parts.length < 2) return '';
  const counts = new Map<string, number>();
  for (const p of parts) {
    const shown = p.statusSource === 'inferred' ? `推断：${STATUS_LABELS[p.status]}` : p.statusSource === 'stated' && p.statusPhrase ? p.statusPhrase : STATUS_LABELS[p.status];
    counts.set(shown, (counts.get(shown) ?? 0) + 1);
  }
  return [...counts].map(([s, n]) => `${s} ${n}`).join('；');
}

/** A cell's text, with the cut-off mark where the source stops short in it. */
const cutOff = (c: { text: string; truncated?: true | undefined } | undefined): string => (c ? (c.truncated ? `${c.text}${CUT_OFF_MARK}` : c.text) : '');

// Stated and inferred never share a column: the government's word in one, ours (marked 推断) in another.
const statedOnly = (s: Status, source: StatusSource): Status => (source === 'inferred' ? 'unstated' : s);
const inferredOnly = (s: Status, source: StatusSource): string => (source === 'inferred' ? s : '');
const inferredLabel = (s: Status, source: StatusSource): string => (source === 'inferred' ? `推断：${STATUS_LABELS[s]}` : '');

const tasksTable: TableDef<Task> = {
  name: 'tasks', title: '年度任务', description: '每个区县每年的每项年度目标任务一行；进展见 progress 表。', schema: taskSchema,
  omitted: { progressIds: '见 progress 表的 task_id。', source: '已拆为 source_* 各列；原文行见 JSON。' },
  columns: [
    { name: 'id', title: '任务编号', description: '区县-年度-序号，如 linzi-2023-001；不随新报告变化。', from: 'id' },
    districtCol, districtNameCol<Task>(), yearCol,
    { name: 'number', title: '序号', description: '原表中的序号。', from: 'number' },
    { name: 'table', title: '表号', description: '任务所在的表：文件有多张表时，第二张起为 2、3…（任务编号中带 t2 等）；第一张为空。', from: 'table' },
    { name: 'group', covers: 'group', title: '分组', description: '任务所属的分组标题，照原文；外层分组在前，以“ › ”连接。', type: 'string', value: (t) => groupText(t.group) },
    { name: 'pledge', title: '年度目标任务', description: `年度目标任务，照首次出现时的原文（去除排版符号）；原文在此格中断的，其后加“${CUT_OFF_MARK}”。`, from: 'pledge.text', value: (t) => cutOff(t.pledge) },
    { name: 'sub_targets', covers: 'subTargets', title: '子目标', description: '该任务下无序号的子目标，每条一行。', type: 'string', value: (t) => t.subTargets.map((s) => s.text).join('\n') },
    { name: 'lead_units', covers: 'leadUnitIds', title: '牵头单位', description: '标为牵头的责任单位（规范名称），以“；”分隔。', type: 'string', value: (t, c) => t.leadUnitIds.map((id) => unitName(c, id)).join(NAMES) },
    { name: 'units', title: '责任单位', description: '全部责任单位（规范名称），以“；”分隔。', type: 'string', value: (t, c) => t.unitIds.map((id) => unitName(c, id)).join(NAMES) },
    { name: 'unit_ids', covers: 'unitIds', title: '责任单位代码', description: '责任单位代码，以“;”分隔，对应 units 表。', type: 'string', value: (t) => t.unitIds.join(';') },
    { name: 'leaders', title: '分管区领导', description: '分管区领导（规范姓名），以“；”分隔。', type: 'string', value: (t, c) => t.leaderIds.map((id) => leaderName(c, id)).join(NAMES) },
    { name: 'leader_ids', covers: 'leaderIds', title: '分管区领导代码', description: '分管区领导代码，以“;”分隔，对应 leaders 表。', type: 'string', value: (t) => t.leaderIds.join(';') },
    { name: 'latest_status', from: 'latestStatus', title: '最新状态代码（原文）', description: `最新一期报告原文写明的状态：${STATUS_ORDER.map((s) => `${s} ${STATUS_LABELS[s]}`).join('；')}（unstated：原文没有写明，本站推断的状态另见 latest_inferred_status）。`, value: (t) => statedOnly(t.latestStatus, t.latestStatusSource) },
    { name: 'latest_status_label', title: '最新状态（原文）', description: '最新一期报告原文写明的状态（中文）。', type: 'string', value: (t) => STATUS_LABELS[statedOnly(t.latestStatus, t.latestStatusSource)] },
    { name: 'latest_status_source', title: '状态来源', description: 'stated 原文所述；inferred 原文未写明、本站据完成情况文字推断（见 latest_inferred_status），并非政府原话；none 无。', from: 'latestStatusSource' },
    { name: 'latest_inferred_status', title: '本站推断的最新状态代码', description: '原文未写明状态时，本站据完成情况文字推断的状态（done / partial / notDone）；原文写明时为空。不是政府的表述。', type: 'string', value: (t) => inferredOnly(t.latestStatus, t.latestStatusSource) },
    { name: 'latest_parts', title: '各部分的最新状态', description: '有子目标行的任务：最新一期报告中各部分（编号行和子目标行）的状态及个数，如“已移交齐鲁化工区 1；完成 3”，与报告页按表格行计数相同；推断的带“推断：”。无子目标行的任务为空，见 latest_status。', type: 'string', value: (t, c) => partsText(latestParts(c.index, t)) },
    { name: 'latest_inferred_status_label', title: '本站推断的最新状态', description: '同上，中文，带“推断”字样。', type: 'string', value: (t) => inferredLabel(t.latestStatus, t.latestStatusSource) },
    { name: 'latest_report_id', title: '最新报告编号', description: '给出最新状态的报告。', from: 'latestReportId' },
    { name: 'report_ids', covers: 'reportIds', title: '出现的报告', description: '列有该任务的全部报告编号，按时间先后，以“;”分隔。', type: 'string', value: (t) => t.reportIds.join(';') },
    { name: 'origin', title: '来源类型', description: 'bulletin 来自通报表格的一行；work-report 来自政府工作报告的一段（编号含 wr）。空值同 bulletin。', from: 'origin' },
    { name: 'kind', title: '任务类别', description: '政府工作报告任务：pledge 工作任务；livelihood 民生实事；self-building 政府自身建设。', from: 'kind' },
    { name: 'title', title: '标题', description: '政府工作报告任务的引领语（如“强化技术创新能力”）或民生实事名称。', from: 'title' },
    { name: 'area', title: '工作领域', description: '政府工作报告中所属的工作领域，照原文。', from: 'area.label' },
    { name: 'project_number', title: '民生实事序号', description: '民生实事的原文序号。', from: 'projectNumber' },
    { name: 'candidate', title: '候选项目', description: 'true 表示原文列为民生实事候选项目，待人大代表票决，尚未确定。', from: 'candidate' },
    { name: 'targets', covers: 'targets', title: '量化目标', description: '从任务文字中按规则提取的量化承诺，每条一行，格式“匹配文字｜所在短语”。', type: 'string', value: (t) => (t.targets ?? []).map((x) => `${x.match}｜${x.phrase}`).join('\n') },
    { name: 'linked_task_ids', covers: 'links', title: '关联任务', description: '同一区县同一年度其他文件中的同一任务（按文字相似度关联），格式“任务编号（相似度）”，以“;”分隔。', type: 'string', value: (t) => (t.links ?? []).map((l) => `${l.taskId}（${l.score.toFixed(2)}）`).join(';') },
    ...sourceCols<Task>('该任务首次出现'),
    { name: 'url', title: '本站网址', description: '该任务在本站的永久链接。', type: 'string', value: (t, c) => url(c, paths.task(t)) },
  ],
};

function groupText(g: Progress['group']): string {
  return g ? [...(g.within ?? []).map((w) => w.heading), g.heading].join(' › ') : '';
}

const progressTable: TableDef<Progress> = {
  name: 'progress', title: '进展', description: '每份报告表格的每一行（含子目标行）一行：该期目标、完成情况和状态。', schema: progressSchema,
  omitted: { units: '已拆为 units、unit_roles 列。', leaders: '已拆为 leaders 列。', source: '已拆为 source_* 各列；原文行见 JSON。', targets: '已合并为 targets 列。', extra: '已合并为 extra 列。' },
  columns: [
    { name: 'id', title: '进展编号', description: '报告编号-序号（子目标行加 -s 序）。', from: 'id' },
    { name: 'task_id', title: '任务编号', description: '所属年度任务，对应 tasks 表。', from: 'taskId' },
    { name: 'report_id', title: '报告编号', description: '所在报告，对应 reports 表。', from: 'reportId' },
    districtCol, districtNameCol<Progress>(), yearCol,
    { name: 'period_label', title: '所述期间', description: '所在报告的期间，如“第三季度”。', type: 'string', value: (p, c) => c.index.report.get(p.reportId)?.periodLabel ?? '' },
    { name: 'number', title: '序号', description: '原表序号。', from: 'number' },
    { name: 'sub_index', title: '子目标序', description: '0 为编号行；1 起为其下无序号的子目标行。', from: 'subIndex' },
    { name: 'table', title: '表号', description: '行所在的表：文件有多张表时，第二张起为 2、3…（其序号各自从 1 起）；第一张为空。', from: 'table' },
    { name: 'group', covers: 'group', title: '分组', description: '行所属的分组标题（如“一、主要经济社会发展指标”），照原文；外层分组在前，以“ › ”连接。', type: 'string', value: (p) => groupText(p.group) },
    { name: 'pledge', title: '年度目标任务（本报告原文）', description: '本报告此行印出的年度目标任务（子目标行为空）。', from: 'pledge.text', value: (p) => cutOff(p.pledge) },
    { name: 'sub_goal', title: '具体年度子目标', description: '合并单元格中的具体年度子目标（如有）。', from: 'subGoal.text', value: (p) => cutOff(p.subGoal) },
    { name: 'targets', covers: 'targets', title: '期间目标', description: `各期目标，每期一行，格式“表头：目标”；原文在某格中断的，其后加“${CUT_OFF_MARK}”。`, type: 'string', value: (p) => p.targets.map((t) => `${t.label}：${cutOff(t.text)}`).join('\n') },
    { name: 'result', title: '完成情况', description: `完成情况，照原文（分解表无此列）；原文在此格中断的，其后加“${CUT_OFF_MARK}”。`, from: 'result.text', value: (p) => cutOff(p.result) },
    { name: 'status', from: 'status', title: '状态代码（原文）', description: '原文写明的状态，代码同 tasks 表 latest_status；原文没有写明时为 unstated（本站推断的状态另见 inferred_status）。', value: (p) => statedOnly(p.status, p.statusSource) },
    { name: 'status_label', title: '状态（原文）', description: '原文写明的状态（中文）。', type: 'string', value: (p) => STATUS_LABELS[statedOnly(p.status, p.statusSource)] },
    { name: 'status_source', title: '状态来源', description: 'stated 原文所述；inferred 原文未写明、本站推断（见 inferred_status）；none 无。', from: 'statusSource' },
    { name: 'status_phrase', from: 'statusPhrase', title: '原文状态用词', description: '原文写明状态时的原词（如“已移交经开区”）；否则为空。', value: (p) => (p.statusSource === 'stated' ? p.statusPhrase ?? '' : '') },
    { name: 'inferred_status', title: '本站推断的状态代码', description: '原文未写明状态时，本站据完成情况文字推断的状态（done / partial / notDone）；原文写明时为空。不是政府的表述。', type: 'string', value: (p) => inferredOnly(p.status, p.statusSource) },
    { name: 'inferred_status_label', title: '本站推断的状态', description: '同上，中文，带“推断”字样。', type: 'string', value: (p) => inferredLabel(p.status, p.statusSource) },
    { name: 'inferred_basis', title: '推断依据', description: '起决定作用的原文短语，按原文顺序全部列出；“；”前为未完成类，后为完成、进行中类（规则见本站“关于”页）。', type: 'string', value: (p) => (p.statusSource === 'inferred' ? p.statusPhrase ?? '' : '') },
    { name: 'units', title: '责任单位', description: '责任单位（规范名称），以“；”分隔。', type: 'string', value: (p) => p.units.map((u) => u.name).join(NAMES) },
    { name: 'unit_roles', covers: 'units', title: '责任单位角色', description: '与 units 列一一对应：lead 牵头，assist 协办，data 提供数据，unmarked 责任单位（原文未标“牵头”，包括只列一个单位的）；以“;”分隔。', type: 'string', value: (p) => p.units.map((u) => u.role).join(';') },
    { name: 'units_printed', title: '责任单位（原文）', description: '责任单位单元格，照原文。', from: 'unitsPrinted' },
    { name: 'leaders', title: '分管区领导', description: '分管区领导（规范姓名），以“；”分隔。', type: 'string', covers: 'leaders', value: (p) => p.leaders.map((l) => l.name).join(NAMES) },
    { name: 'leaders_uncertain', covers: 'uncertainLeaders', title: '存疑的分管区领导姓名', description: '原文印出、但与已知人员都对不上的姓名（可能是误印），照原文，以“；”分隔；见 anomalies 表 unknown-name。不计入 leaders 列。', type: 'string', value: (p) => (p.uncertainLeaders ?? []).map((l) => l.printed).join(NAMES) },
    { name: 'leaders_printed', title: '分管区领导（原文）', description: '分管区领导单元格，照原文。', from: 'leadersPrinted' },
    { name: 'extra', covers: 'extra', title: '其他列', description: '未识别的列或多出的单元格，每项一行，格式“表头：内容”。', type: 'string', value: (p) => p.extra.map((e) => `${e.label}：${e.text}`).join('\n') },
    ...sourceCols<Progress>('该行'),
  ],
};

const unitsTable: TableDef<Unit> = {
  name: 'units', title: '责任单位', description: '每个区县的每个责任单位一行（两区同名单位是不同机关）。', schema: unitSchema, omitted: {},
  columns: [
    { name: 'id', title: '单位代码', description: '区县-名称拼音。', from: 'id' },
    districtCol, districtNameCol<Unit>(),
    { name: 'name', title: '规范名称', description: '规范后的单位名称。', from: 'name' },
    { name: 'variants', covers: 'variants', title: '原文写法', description: '来源中出现过的全部写法，以“；”分隔。', type: 'string', value: (u) => u.variants.join(NAMES) },
    { name: 'aliases', covers: 'aliases', title: '简称', description: '检索用简称，以“；”分隔。', type: 'string', value: (u) => u.aliases.join(NAMES) },
    ...namedForCols<Unit>('负责', paths.unit, '单位'),
  ],
};

const leadersTable: TableDef<Leader> = {
  name: 'leaders', title: '分管区领导', description: '每个区县的每位分管区领导一行。', schema: leaderSchema, omitted: {},
  columns: [
    { name: 'id', title: '领导代码', description: '区县-姓名拼音。', from: 'id' },
    districtCol, districtNameCol<Leader>(),
    { name: 'name', title: '规范姓名', description: '规范后的姓名。', from: 'name' },
    { name: 'variants', covers: 'variants', title: '原文写法', description: '来源中出现过的全部写法（如“崔 燮”），以“；”分隔。', type: 'string', value: (l) => l.variants.join(NAMES) },
    ...namedForCols<Leader>('分管', paths.leader, '领导'),
  ],
};

const anomaliesTable: TableDef<Anomaly> = {
  name: 'anomalies', title: '解析异常', description: '解析器无法归位的内容：序号缺失、行被截断、多余单元格等，附文件与行号。', schema: anomalySchema, omitted: {},
  columns: [
    { name: 'id', title: '异常编号', description: '报告编号-L行号-类型。', from: 'id' },
    { name: 'report_id', title: '报告编号', description: '所在报告。', from: 'reportId' },
    { name: 'file', title: '来源文件', description: '原始文件路径。', from: 'file' },
    { name: 'line', title: '行号', description: '原始文件中的行号（非文本原件为其规范文本中的行号）。', from: 'line' },
    { name: 'where', title: '原件位置', description: 'Word、Excel、PDF、网页原件中的位置（如 表格1第3行）；文本文件为空。', from: 'where' },
    { name: 'kind', title: '类型', description: '异常类型代码，如 numbering-gap 序号缺失、row-cut-off 行被截断。', from: 'kind' },
    { name: 'message', title: '说明', description: '一句中文说明。', from: 'message' },
    { name: 'verbatim', title: '原文', description: '该行原文。', from: 'verbatim' },
  ],
};

const indicatorsTable: TableDef<IndicatorPoint> = {
  name: 'indicators', title: '主要指标', description: '地区生产总值、一般公共预算收入等主要指标的目标与实际，每个数字一行，附原文短语和行号。', schema: indicatorPointSchema, omitted: {},
  columns: [
    { name: 'id', title: '编号', description: '报告编号-指标-角色。', from: 'id' },
    districtCol, districtNameCol<IndicatorPoint>(),
    { name: 'year', title: '年度', description: '数字所指的年度（2021年政府工作报告所说的2020年实际，记为 2020）。', from: 'year' },
    { name: 'indicator', title: '指标代码', description: '指标的英文代码。', from: 'indicator' },
    { name: 'indicator_label', title: '指标', description: '指标名称。', type: 'string', value: (p) => INDICATOR_LABELS[p.indicator] },
    { name: 'role', title: '角色代码', description: 'target 年度目标；periodTarget 阶段目标（通报期间的目标）；actual 实际。', from: 'role' },
    { name: 'role_label', title: '角色', description: '年度目标、阶段目标或实际。', type: 'string', value: (p) => INDICATOR_ROLE_LABELS[p.role] },
    { name: 'period', title: '期间', description: 'year 全年；Q1–Q4、M1–M12 为通报的期间。', from: 'period' },
    { name: 'value', title: '数值', description: '单位见 unit 列（空为 %）：增长率带符号（下降29% 记为 -29）；区间（增长4.5%—5%）为下限；只有文字的承诺为空。', from: 'value' },
    { name: 'value_to', title: '区间上限', description: '原文为区间时的上限（增长4.5%—5% 记为 5）。', from: 'valueTo' },
    { name: 'unit', title: '单位', description: '数值不是百分数时的单位，照原文（万人、亿元、万吨）；空为 %。', from: 'unit' },
    { name: 'comparator', title: '限定代码', description: 'atLeast 以上；about 左右；atMost 以内；exceed 突破；reach 达到；over 余；exact 无限定词。', from: 'comparator' },
    { name: 'comparator_text', title: '限定词', description: '原文的限定词，如“以上”“左右”。', from: 'comparatorText' },
    { name: 'shared_qualifier', title: '限定词共用', description: 'true 表示原文只在并列数字的最后一个后写限定词（分别增长7%、7.5%左右），本站理解为对每个数字都适用。', from: 'sharedQualifier' },
    { name: 'forecast', title: '预计', description: 'true 表示原文为预计数，不是结果。', from: 'forecast' },
    { name: 'phrase', title: '原文短语', description: '数字所在的原文短语。', from: 'phrase' },
    { name: 'report_id', title: '报告编号', description: '说出这个数字的报告。', from: 'reportId' },
    ...sourceCols<IndicatorPoint>('该数字'),
  ],
};

export const TABLES = {
  districts: districtsTable, reports: reportsTable, tasks: tasksTable, progress: progressTable,
  units: unitsTable, leaders: leadersTable, anomalies: anomaliesTable, indicators: indicatorsTable,
} as const;

/** A CSV's header row: each column's Chinese title, what a reader opening it in Excel sees. The machine
 * names stay in the JSON, the data dictionary and datapackage.json, which maps one to the other. */
export function csvHeaderOf<T>(table: TableDef<T>): string[] {
  return table.columns.map((c) => c.title);
}

/** Reading a CSV back: its header row as machine names (for csv-parse's `columns`). Unknown titles pass through. */
export function machineNamesOf<T>(table: TableDef<T>): (header: string[]) => string[] {
  const byTitle = new Map(table.columns.map((c) => [c.title, c.name]));
  return (header) => header.map((h) => byTitle.get(h) ?? h);
}

export interface FieldInfo { name: string; title: string; description: string; type: FieldType; required: boolean; enum?: string[] }

/** Each column's Frictionless field: type and enum read from the zod schema where the column has a `from`. */
export function fieldsOf<T>(table: TableDef<T>): FieldInfo[] {
  return table.columns.map((c) => {
    if (!c.from) return { name: c.name, title: c.title, description: c.description, type: c.type ?? 'string', required: false };
    const at = schemaAt(table.schema, c.from);
    const type = c.type ?? fieldTypeOf(at.schema);
    // A CSV cell cannot tell "" from missing, and z.string() allows "": only non-text fields, enums and ids are required.
    const required = !at.optional && (type !== 'string' || at.enumValues !== undefined || c.name === 'id');
    return { name: c.name, title: c.title, description: c.description, type, required, enum: at.enumValues };
  });
}

/** One flat row per entity, in column order; missing values are empty cells. */
export function rowsOf<T>(table: TableDef<T>, entities: T[], ctx: RowContext): Cell[][] {
  return entities.map((e) => rowOf(table, e, ctx));
}

export function rowOf<T>(table: TableDef<T>, entity: T, ctx: RowContext): Cell[] {
  return table.columns.map((c) => (c.value ? c.value(entity, ctx) : get(entity, c.from!)));
}
