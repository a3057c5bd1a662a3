// Search documents: one per task, built from the generated dataset. A document keeps the text as
// printed (for display and quoting) split into labelled fields; matching uses its normalised form.
import type { Dataset as FullDataset, District, Leader, Progress, Report, Status, StatusSource, Task, Unit } from '../schema';
import { paths } from '../urls';
import { CUT_OFF_MARK } from '../schema/provenance';
import { FIELD_SEPARATOR, normalizeText } from './normalize';
import { REPORT_KIND_LABELS, taskKindLabel } from '../labels';

/** Field kinds, in display order. 'alias' holds unit short names / variants: searched, shown only when hit. */
export const FIELD_KINDS = ['pledge', 'target', 'result', 'unit', 'alias', 'leader', 'place'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** [kind, label, text as printed] — a tuple keeps the chunk files small. */
export type SearchField = [FieldKind, string, string];

export interface SearchDoc {
  /** Task id, e.g. linzi-2023-002. */
  id: string;
  /** Base-relative task page path (src/lib/urls.ts). */
  url: string;
  district: string;
  districtName: string;
  year: number;
  number: number;
  /** 民生实事 or 民生实事候选项目 (still to be voted on), shown with every result of such a task. */
  kindLabel?: string;
  /** The latest report naming the task: label and base-relative path. */
  report: string;
  reportUrl: string;
  status: Status;
  statusSource: StatusSource;
  /** Stated: the word as printed; inferred: the phrase that decided it. */
  statusPhrase?: string;
  /** The status as every page words it (src/lib/site/status-display.ts), set at build time. */
  statusText?: string;
  statusNote?: string;
  /** Status facet value when it is not the status's own (a task whose parts differ: status-facet.ts MIXED_PARTS). */
  statusFacet?: string;
  unitIds: string[];
  fields: SearchField[];
}

/** The collections search reads (a part of the one Dataset type). */
export type SearchData = Pick<FullDataset, 'districts' | 'reports' | 'tasks' | 'progress' | 'units' | 'leaders'>;

function reportLabel(r: Report): string {
  return r.kind === 'work-report' ? REPORT_KIND_LABELS[r.kind] : `${r.periodLabel}${REPORT_KIND_LABELS[r.kind]}`;
}

/** The text a document is matched against: all fields, normalised, one per line. */
export function searchText(doc: Pick<SearchDoc, 'fields'>): string {
  return doc.fields.map((f) => normalizeText(f[2])).join(FIELD_SEPARATOR);
}

/** Newest year first, then district order, then 序号: the order results are listed in. */
export function compareDocs(districtOrder: readonly string[]) {
  // Each district's position looked up, not searched for (indexOf): a sort makes n·log n comparisons,
  // and a national portal has thousands of districts. The first position, as indexOf; -1 if absent.
  const at = new Map<string, number>();
  districtOrder.forEach((id, i) => at.has(id) || at.set(id, i));
  const pos = (id: string) => at.get(id) ?? -1;
  return (a: SearchDoc, b: SearchDoc) =>
    b.year - a.year ||
    pos(a.district) - pos(b.district) ||
    a.number - b.number ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The names of the units or leaders `ids` (unknown ids skipped), and every other form they go by, once each. */
function namesOf<T extends { name: string }>(ids: readonly string[], byId: ReadonlyMap<string, T>, forms: (x: T) => readonly string[]): { names: string[]; otherForms: Set<string> } {
  const names: string[] = [];
  const otherForms = new Set<string>();
  for (const id of ids) {
    const x = byId.get(id);
    if (!x) continue;
    names.push(x.name);
    for (const f of forms(x)) if (f !== x.name) otherForms.add(f);
  }
  return { names, otherForms };
}

export function buildDocuments(data: SearchData): SearchDoc[] {
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const districts = byId(data.districts);
  const reports = byId(data.reports);
  const units = byId(data.units);
  const leaders = byId(data.leaders);
  const progressByTask = new Map<string, Progress[]>();
  for (const p of data.progress) {
    const list = progressByTask.get(p.taskId) ?? [];
    list.push(p);
    progressByTask.set(p.taskId, list);
  }
  const docs = data.tasks.map((task): SearchDoc => {
    const district = districts.get(task.district);
    const latest = reports.get(task.latestReportId);
    const fields: SearchField[] = [];
    const seen = new Set<string>();
    const add = (kind: FieldKind, label: string, text: string | undefined, truncated?: boolean) => {
      const t = truncated && text ? `${text.trim()}${CUT_OFF_MARK}` : text?.trim();
      if (!t || seen.has(`${kind}\u0000${t}`)) return;
      seen.add(`${kind}\u0000${t}`);
      fields.push([kind, label, t]);
    };
    add('pledge', '年度目标任务', task.pledge.text, task.pledge.truncated);
    if (task.candidate) add('pledge', '类别', taskKindLabel(task));
    for (const s of task.subTargets) add('pledge', '子目标', s.text);
    const rows = (progressByTask.get(task.id) ?? []).slice();
    const order = (p: Progress) => {
      const r = reports.get(p.reportId);
      return (r?.periodEndMonth ?? 0) * 1000 + p.subIndex;
    };
    rows.sort((a, b) => order(a) - order(b));
    for (const p of rows) {
      const r = reports.get(p.reportId);
      const when = r ? r.periodLabel : '';
      if (p.subGoal) add('pledge', '子目标', p.subGoal.text, p.subGoal.truncated);
      for (const t of p.targets) add('target', t.label || `${when}目标`, t.text.text, t.text.truncated);
      if (p.result) add('result', `${when}完成情况`, p.result.text, p.result.truncated);
    }
    const { names: unitNames, otherForms: aliasNames } = namesOf(task.unitIds, units, (u) => [...u.aliases, ...u.variants]);
    add('unit', '责任单位', unitNames.join('、'));
    add('alias', '单位别称', [...aliasNames].join('、'));
    const { names: leaderNames, otherForms: leaderVariants } = namesOf(task.leaderIds, leaders, (l) => l.variants);
    // Names matching no known person are searchable as printed, though they have no page of their own.
    for (const p of rows) for (const l of p.uncertainLeaders ?? []) leaderVariants.add(`${l.printed}（存疑）`);
    add('leader', '分管领导', [...leaderNames, ...leaderVariants].join('、'));
    add('place', '区县·年份', `${district?.name ?? task.district} ${district?.shortName ?? ''} ${task.year}年`);
    const latestRow = rows.find((p) => p.reportId === task.latestReportId && p.subIndex === 0);
    return {
      id: task.id,
      url: paths.task(task),
      district: task.district,
      districtName: district?.name ?? task.district,
      year: task.year,
      number: task.number,
      report: latest ? reportLabel(latest) : '',
      reportUrl: latest ? paths.report(latest) : '',
      status: task.latestStatus,
      statusSource: task.latestStatusSource,
      ...(latestRow?.statusPhrase ? { statusPhrase: latestRow.statusPhrase } : {}),
      unitIds: task.unitIds,
      ...(task.kind === 'livelihood' ? { kindLabel: taskKindLabel(task)! } : {}),
      fields,
    };
  });
  return docs.sort(compareDocs(data.districts.map((d) => d.id)));
}
