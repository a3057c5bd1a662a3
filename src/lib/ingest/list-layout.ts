import type { AnomalyDraft, LineUse, ParsedLayout, ParsedRow, Rich } from './parse-report';
import { headingLevel, pushHeading, readGroupHeading, type GroupHeading } from './group-heading';
import { readLabelledFields, type LabelledField } from './labelled-fields';
import { applyGroup, unitsFromLabelled } from './row-parts';
import { readStatedStatus, statusOfPhrase } from './stated-status';
import { readStatus, type StatusReading } from './status';
import { endsMidSentence } from './text';
import { parseLeaders } from './units';

// Bulletins without a table. Three shapes, told apart by where their items start:
//   list           "1.地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)", one item per line, under 一、/（一） headings
//   labelled-text  "1.轨道交通1号线…。 牵头领导:林静国 责任单位:… 实际完成情况:…", many items in one paragraph
//   prose-bulletin "99项重点工作任务中，2项已完成…", then named tasks "第30项“…”（牵头部门：…）。…" under 一、 headings
// An item's fields are read by their labels (labelled-fields.ts), with the same vocabulary as table headers.

interface Item {
  number: number;
  /** Numbering scope: 0, or 1.. when the numbers start again at 1 under a later heading. */
  scope: number;
  line: number;
  endLine: number;
  text: string;
  headings: GroupHeading[];
}

export interface ItemsCut {
  layout: ParsedLayout;
  firstLine: number;
  uses: LineUse[];
  anomalies: AnomalyDraft[];
  /** Text outside the items (intro, headings), with its line: where stated totals are read. */
  segments: { line: number; text: string }[];
  /** Numbering scopes (1 unless the numbers start again at 1 under a later heading): each is a table of the report. */
  scopes: number;
  rows(kind: 'breakdown' | 'progress', rich: Rich): ParsedRow[];
}

interface Start { line: number; at: number; number: number; bodyAt: number; prose: boolean; scope: number }

// 1. / 1、 / 1． / （1） at the start of a line; （一） is a heading, never an item.
const LIST_ITEM = /^(\s*)(?:(\d{1,5})\s*[.、．](?!\d)|[（(](\d{1,5})[)）])/;
const INLINE_ITEM = /(?<=\s)(\d{1,5})[.、．](?=[^\d\s.])/g;
const PROSE_ITEM = /(?:^|(?<=[。；;\s]))(?:第\s*(\d{1,5})\s*项|(\d{1,5})项(?=[“"「]))/g;
/** How far a list's numbering may jump at the start of a line (a gap in the source) and still be an item. */
const MAX_GAP = 20;

function previousText(lines: string[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (lines[j]!.trim() !== '') return lines[j];
  return undefined;
}

/**
 * A list's item starts in order. Its numbers increase: 1, 2, 3… at the start of a line (a gap in the source is
 * allowed, and reported), strictly the next number in running text; numbering that starts again at 1 right
 * under a heading opens a new scope (numbered like a second table).
 */
function findListStarts(lines: string[]): Start[] {
  const starts: Start[] = [];
  let last = 0;
  let scope = 0;
  lines.forEach((text, i) => {
    const head = LIST_ITEM.exec(text);
    const n = head ? Number(head[2] ?? head[3]) : NaN;
    if (head && n === 1 && last > 0 && headingLevel(previousText(lines, i) ?? '') !== undefined) {
      scope++;
      last = 0;
    }
    if (head && n > last && n <= last + MAX_GAP) {
      starts.push({ line: i + 1, at: head[1]!.length, number: n, bodyAt: head[0].length, prose: false, scope });
      last = n;
    }
    for (const m of text.matchAll(INLINE_ITEM)) {
      if (Number(m[1]) !== last + 1 || (head && m.index! < head[0].length)) continue;
      starts.push({ line: i + 1, at: m.index!, number: last + 1, bodyAt: m.index! + m[0].length, prose: false, scope });
      last++;
    }
  });
  return starts.length >= 2 ? starts : [];
}

/** 第N项 (or N项“…”) in prose: numbers only increase, gaps are normal (only some tasks are named). */
function findProseStarts(lines: string[]): Start[] {
  const prose: Start[] = [];
  let lastNamed = 0;
  lines.forEach((text, i) => {
    for (const m of text.matchAll(PROSE_ITEM)) {
      const n = Number(m[1] ?? m[2]);
      if (n <= lastNamed) continue;
      prose.push({ line: i + 1, at: m.index!, number: n, bodyAt: m.index! + m[0].length, prose: true, scope: 0 });
      lastNamed = n;
    }
  });
  return prose;
}

/** A short line without end punctuation right above an item: an unnumbered sub-heading (加强基础设施建设). */
function subHeading(lines: string[], i: number, starts: Set<number>): boolean {
  const t = lines[i]!.trim();
  if (t === '' || [...t].length > 24 || /[。；;，,：:！？）)]$/.test(t)) return false;
  let j = i + 1;
  while (j < lines.length && lines[j]!.trim() === '') j++;
  return starts.has(j + 1);
}

function leadsToItems(lines: string[], i: number, starts: Set<number>): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    if (lines[j]!.trim() === '') continue;
    return starts.has(j + 1) || headingLevel(lines[j]!) !== undefined;
  }
  return false;
}

/** A list with labelled fields, else a prose bulletin naming its tasks, else undefined. */
export function parseItems(lines: string[]): ItemsCut | undefined {
  return itemsFrom(lines, findListStarts(lines)) ?? itemsFrom(lines, findProseStarts(lines));
}

function itemsFrom(lines: string[], starts: Start[]): ItemsCut | undefined {
  if (starts.length === 0) return undefined;
  const prose = starts[0]!.prose;
  const inline = !prose && starts.some((s) => s.at > 0 && lines[s.line - 1]!.slice(0, s.at).trim() !== '');
  const startLines = new Set(starts.map((s) => s.line));
  const startsByLine = Map.groupBy(starts, (s) => s.line);
  const uses: LineUse[] = lines.map((l) => (l.trim() === '' ? 'blank' : 'text'));
  const anomalies: AnomalyDraft[] = [];
  const segments: { line: number; text: string }[] = [];
  const items: Item[] = [];
  let headings: GroupHeading[] = [];
  let current: Item | undefined;
  const firstLine = starts[0]!.line;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const n = i + 1;
    if (text.trim() === '') continue;
    const here = startsByLine.get(n) ?? [];
    if (here.length === 0) {
      const level = headingLevel(text) ?? (!prose && n > firstLine && subHeading(lines, i, startLines) ? 3 : undefined);
      // Before the first item only a heading that leads straight to items (or to another heading) opens a group.
      if (level && (n > firstLine || prose || leadsToItems(lines, i, startLines))) {
        headings = pushHeading(headings, readGroupHeading(text, n, level));
        uses[i] = 'group';
        segments.push({ line: n, text });
        current = undefined;
      } else if (current && (prose || !/[。)）]\s*$/.test(current.text) || (/^\s*[（(]/.test(text) && readLabelledFields(text).fields.length > 0))) {
        // A wrapped item, its fields in brackets on the next line, or in prose the rest of a task's paragraph.
        current.text += `\n${text}`;
        current.endLine = n;
        uses[i] = 'task';
      } else {
        // A prose bulletin's narrative outside its named tasks is text (the page shows the whole text); in a
        // list, a line that is neither an item nor a heading is an anomaly.
        uses[i] = n < firstLine ? 'metadata' : prose ? 'text' : 'anomaly';
        segments.push({ line: n, text });
        if (n > firstLine && !prose) anomalies.push({ line: n, kind: 'outside-table', message: '条目之外无法归类的文字：已原样保留在此，未计入任何任务。' });
      }
      continue;
    }
    uses[i] = 'task';
    const before = text.slice(0, here[0]!.at).trim();
    if (before) segments.push({ line: n, text: before });
    here.forEach((s, j) => {
      const end = j + 1 < here.length ? here[j + 1]!.at : text.length;
      current = { number: s.number, scope: s.scope, line: n, endLine: n, text: text.slice(s.bodyAt, end).trim(), headings };
      items.push(current);
    });
  }
  // A numbered notice (1.提高站位 2.压实责任) is not a task list: items must name who is responsible or a result.
  const fielded = items.filter((it) => readLabelledFields(it.text).fields.length > 0).length;
  if (!prose && fielded * 2 < items.length) return undefined;
  if (prose && fielded === 0) return undefined;
  const layout: ParsedLayout = prose ? 'prose-bulletin' : inline ? 'labelled-text' : 'list';
  // A prose bulletin names only some tasks; a list names them all, so a jump in its numbers is a gap.
  if (!prose) {
    items.forEach((it, i) => {
      const prev = i > 0 && items[i - 1]!.scope === it.scope ? items[i - 1]!.number : 0;
      if (it.number > prev + 1) {
        const gap = it.number - 1 === prev + 1 ? `${prev + 1}` : `${prev + 1}–${it.number - 1}`;
        anomalies.push({ line: it.line, kind: 'numbering-gap', message: `序号 ${gap} 缺失：原文从 ${prev} 直接跳到 ${it.number}，这些条目没有出现在本文件中。` });
      }
    });
  }
  return {
    layout, firstLine, uses, anomalies, segments, scopes: Math.max(0, ...items.map((it) => it.scope)) + 1,
    rows: (kind, rich) => items.map((it, idx) => itemRow(it, kind, prose, idx === items.length - 1, anomalies, rich)),
  };
}

/** Split "“…”（牵头部门：…）。rest" into the quoted pledge, the bracketed fields and the rest. */
function proseParts(text: string): { pledge: string; fields: LabelledField[]; rest: string } {
  let depth = 0;
  let end = -1;
  const open = text.search(/[“"「]/);
  if (open >= 0 && open <= 2) {
    for (let i = open; i < text.length; i++) {
      if (/[“「]/.test(text[i]!)) depth++;
      else if (/[”」]/.test(text[i]!) && --depth === 0) { end = i; break; }
    }
  }
  // Without quotes the task runs to its bracketed fields (（牵头部门：…）) or to the end of its first sentence.
  const fieldsAt = text.search(/[（(][^（()）]{0,12}[:：]/);
  const sentence = text.search(/[。；]/);
  const cut = fieldsAt >= 0 && (sentence < 0 || fieldsAt < sentence) ? fieldsAt : sentence >= 0 ? sentence + 1 : text.length;
  const pledge = end > 0 ? text.slice(open + 1, end) : text.slice(0, cut);
  let rest = end > 0 ? text.slice(end + 1) : text.slice(cut);
  const bracket = /^\s*[（(]([^（()）]*)[)）]\s*[。.]?/.exec(rest);
  const fields = bracket ? readLabelledFields(`(${bracket[1]})`).fields : [];
  if (bracket && fields.length > 0) rest = rest.slice(bracket[0].length);
  return { pledge: pledge.trim(), fields, rest: rest.replace(/^[。；;，,\s]+/, '').trim() };
}

function itemRow(it: Item, kind: 'breakdown' | 'progress', prose: boolean, last: boolean, anomalies: AnomalyDraft[], rich: Rich): ParsedRow {
  let pledge: string;
  let fields: LabelledField[];
  let result: string | undefined;
  if (prose) {
    const p = proseParts(it.text);
    pledge = p.pledge;
    fields = p.fields;
    result = p.rest || undefined;
  } else {
    const r = readLabelledFields(it.text);
    pledge = r.head;
    fields = r.fields;
    result = fields.find((f) => f.key === 'result')?.value;
  }
  const leaderField = fields.find((f) => f.key === 'leaders');
  const units = unitsFromLabelled(fields.filter((f) => f.key === 'units').map((f) => ({ label: f.label, text: f.value })));
  const extra = fields.flatMap((f) => [
    ...(f.key === 'extra' || f.key === 'note' || f.key === 'code' || f.key === 'status' ? [{ label: f.label, text: f.value }] : []),
    ...(f.loose ? [{ label: `${f.label}之后的文字`, text: f.loose }] : []),
  ]);
  const row: ParsedRow = {
    number: it.number, subIndex: 0, table: it.scope, targets: [],
    status: statusOf(it, kind, result, fields),
    units: units.units, unitsPrinted: units.printed,
    leaders: leaderField ? parseLeaders(leaderField.value) : [],
    extra, startLine: it.line, endLine: it.endLine,
  };
  if (pledge) row.pledge = rich(pledge);
  if (result !== undefined) row.result = rich(result);
  if (leaderField) row.leadersPrinted = leaderField.value;
  applyGroup(row, it.headings);
  if (last && endsMidSentence(it.text)) {
    anomalies.push({ line: it.endLine, kind: 'row-cut-off', message: '最后一项在句子中间结束：原文件到此为止，这一项其后的内容缺失，请对照原件核实。' });
    // The text that runs to the cut: the result when the item has one, else the task itself.
    const cut = row.result ?? row.pledge;
    if (cut) cut.truncated = true;
  }
  return row;
}

// A section that classifies the tasks under it: its title opens with a status word (一、未完成季度目标任务具体情况,
// 二、进度滞后的任务, 三、暂缓实施项目). A section named for its subject (二、主要工作安排) classifies nothing.
const SECTION_STATUS = /^(已?完成|未完成|尚未完成|部分完成|基本完成|有序推进|按序时(进度)?推进|正常推进|进展顺利|进度滞后|滞后|推进缓慢|未达(到)?序时进度|暂缓实施|暂缓|暂不实施|因.{0,12}暂不实施)/;
const NUMBERING = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])\s*/;

function sectionStatus(headings: GroupHeading[]): StatusReading | undefined {
  for (const h of [...headings].reverse()) {
    const title = h.heading.replace(NUMBERING, '');
    const s = SECTION_STATUS.test(title) ? statusOfPhrase(title) : undefined;
    if (s) return { status: s, statusSource: 'stated', statusPhrase: title.replace(/的?(具体|有关)?情况(如下)?$/, '') };
  }
  return undefined;
}

/**
 * The item's own word first (a status field, or the opening word of its result); then the section it sits
 * in, which is the document's own classification (一、未完成季度目标任务具体情况); otherwise the inference rules.
 */
function statusOf(it: Item, kind: 'breakdown' | 'progress', result: string | undefined, fields: LabelledField[]): StatusReading {
  const statusField = fields.find((f) => f.key === 'status');
  const fromField = statusField ? statusOfPhrase(statusField.value) : undefined;
  if (fromField) return { status: fromField, statusSource: 'stated', statusPhrase: statusField!.value };
  const own = result !== undefined ? readStatedStatus(result) : undefined;
  if (own) return own;
  const section = kind === 'progress' ? sectionStatus(it.headings) : undefined;
  if (section) return section;
  if (kind === 'breakdown') return { status: 'planned', statusSource: 'none' };
  if (result === undefined) return { status: 'unstated', statusSource: 'none' };
  return readStatus(result, 'progress');
}
