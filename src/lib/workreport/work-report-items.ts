// Pledges of a work report: each lead-phrase paragraph of a work area ("强化技术创新能力。…") is a pledge,
// and so is an area whose heading runs into its body (（一）大力推进…。充分发挥…); areas count in the parts
// that set the year's work, not in the review. The 民生实事 projects — inline as （1）…（13） or 一是…十是, or
// in an annex numbered 一、…十、 — are items of their own kind (candidates when the text says 候选项目);
// the lead-phrase paragraphs of the 服务型政府 part are the "government self-building" area.
import type { Provenance } from '../schema/provenance';
import type { RichText } from '../schema/provenance';
import type { Target } from '../schema/target';
import { extractTargets } from '../targets/extract-targets';
import { escapeHtml } from '~/lib/markup';
import { blockHtml, lineAt } from './markdown-blocks';
import { chineseNumber, type Annex, type Paragraph, type ParseIssue, type Section, type WorkReportStructure } from './parse-work-report';

export type WorkReportItemKind = 'pledge' | 'livelihood' | 'self-building';

export interface WorkReportArea {
  /** area-1 … area-5, or self-building. */
  key: string;
  /** As printed, without numbering: 突出创新核心地位，构筑高质量发展优势. */
  label: string;
  /** （一） … or 四、 */
  numeral: string;
  line: number;
}

export interface WorkReportItem {
  kind: WorkReportItemKind;
  /** The lead phrase (pledge), the project name (livelihood). */
  title: string;
  /** The whole paragraph (pledge) or the project's clause (livelihood): plain and sanitised HTML. */
  body: RichText;
  area: WorkReportArea;
  /** 民生实事 number as printed (1…13). */
  projectNumber?: number;
  /** A 民生实事候选项目: proposed, still to be voted on by the deputies (票决). */
  candidate?: boolean;
  targets: Target[];
  source: Provenance;
}

/** A lead phrase is a short first sentence that names the pledge; longer first sentences are prose. */
const LEAD_MAX = 20;
const SINGLE_SENTENCE_MAX = 60;
// A project name may hold its own parentheses: （7）“智慧市场”溯源监管平台建设项目（一期）；
const LIVELIHOOD_RE = /[（(](\d{1,2})[）)](.+?)(?=[；;。]|[（(]\d{1,2}[）)])/g;
// 一是实施…工程；二是… (a list run into one sentence after 十件民生实事：).
const NTH_RE = /([一二三四五六七八九十]{1,3})是(.+?)(?=[；;。]|[，,][一二三四五六七八九十]{1,3}是|$)/g;
const LIVELIHOOD_WORDS = /民生实事|惠民实事|为民办实事/;
const CANDIDATE = /候选/;
const SELF_BUILDING = /自身建设|服务型政府|人民满意的政府|政府建设/;
const FIVE_YEAR = /五年|十四五|十五五|远景/;
const REVIEW = /回顾|过去|成绩|总结|一年来|五年来/;

function provenance(file: string, lines: readonly string[], from: number, to: number): Provenance {
  return { file, lines: [from, to], verbatim: lines.slice(from - 1, to).join('\n') };
}

function areaOf(section: Section, key: string): WorkReportArea {
  return { key, label: section.title, numeral: section.numeral, line: section.line };
}

/** The lead phrase of a paragraph, or undefined when it has none. */
export function leadPhrase(raw: string): string | undefined {
  // An ordinal before the lead phrase (1.做强先进制造业。…) is numbering, not part of it.
  const text = raw.replace(/^(?:\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)])\s*/, '');
  const m = /^([^。；，！？：]{2,})。/.exec(text);
  if (!m) return undefined;
  const first = m[1]!;
  if (first.length <= LEAD_MAX && text.length > m[0].length) return first;
  // A one-sentence paragraph in a work area ("促进国防后备力量…协调发展。") is a pledge of its own.
  if (text.length === m[0].length && first.length <= SINGLE_SENTENCE_MAX) return first;
  return undefined;
}

interface Project {
  n: number;
  title: string;
  /** Offsets of the whole clause in the paragraph text. */
  start: number;
  end: number;
}

function projectsOf(text: string): Project[] {
  const numbered = [...text.matchAll(LIVELIHOOD_RE)].map((m) => ({ n: Number(m[1]), title: m[2]!.trim(), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  if (numbered.length) return numbered;
  return [...text.matchAll(NTH_RE)].map((m) => ({ n: chineseNumber(m[1]!), title: m[2]!.trim(), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

function livelihoodItems(p: Paragraph, area: WorkReportArea, file: string, lines: readonly string[], issues: ParseIssue[], candidate: boolean): WorkReportItem[] {
  const out: WorkReportItem[] = [];
  for (const { n, title, start, end } of projectsOf(p.text)) {
    const from = lineAt(p, start);
    const to = lineAt(p, end);
    if (n !== out.length + 1) issues.push({ line: from, message: `民生实事编号（${n}）不连续：上一项为（${out.length}）。` });
    out.push(livelihood(title, title, area, n, candidate, provenance(file, lines, from, to)));
  }
  return out;
}

function livelihood(title: string, body: string, area: WorkReportArea, n: number, candidate: boolean, source: Provenance): WorkReportItem {
  const item: WorkReportItem = {
    kind: 'livelihood',
    title,
    body: { text: body, html: escapeHtml(body) },
    area,
    projectNumber: n,
    targets: extractTargets(body),
    source,
  };
  if (candidate) item.candidate = true;
  return item;
}

const ANNEX_ITEM = /^(?:([一二三四五六七八九十]{1,3})、|(\d{1,2})[.、．])\s*/;

/** 民生实事 of an annex: one item per numbered paragraph (一、… or 1.…), unnumbered paragraphs continue the item above. */
function annexItems(annex: Annex, paras: Paragraph[], file: string, lines: readonly string[], issues: ParseIssue[]): WorkReportItem[] {
  const area: WorkReportArea = { key: 'livelihood', label: annex.title || '民生实事', numeral: '附件', line: annex.line };
  const candidate = CANDIDATE.test(annex.title);
  const out: WorkReportItem[] = [];
  for (const p of paras) {
    const m = ANNEX_ITEM.exec(p.text);
    const last = out.at(-1);
    if (!m) {
      if (!last) continue; // the annex's introduction
      last.body = { text: `${last.body.text}${p.text}`, html: `${last.body.html}${blockHtml(p)}` };
      last.source = provenance(file, lines, last.source.lines[0], p.lines[1]);
      last.targets = extractTargets(last.body.text);
      continue;
    }
    const n = m[1] ? chineseNumber(m[1]) : Number(m[2]);
    const rest = p.text.slice(m[0].length);
    const title = (/^([^。；]{2,40})[。；]/.exec(rest)?.[1] ?? rest).replace(/[。；]$/, '');
    if (n !== out.length + 1) issues.push({ line: p.lines[0], message: `民生实事编号“${m[0].trim()}”不连续：上一项为第${out.length}项。` });
    out.push(livelihood(title, p.text, area, n, candidate, provenance(file, lines, p.lines[0], p.lines[1])));
  }
  return out;
}

/** The parts whose areas are pledges: those that set the year's work (not the review, not a five-year plan, not self-building). */
function taskParts(s: WorkReportStructure, selfBuilding: Section | undefined): Set<Section> {
  const withAreas = s.parts.filter((p) => p !== selfBuilding && s.paragraphs.some((x) => x.part === p && x.area));
  const later = withAreas.filter((p) => p !== s.parts[0] && !FIVE_YEAR.test(p.title));
  return new Set(later.length ? later : withAreas.filter((p) => p !== s.parts[0] || !REVIEW.test(p.title)));
}

/** The pledges, livelihood projects and self-building items of a parsed work report, in document order. */
export function workReportItems(s: WorkReportStructure, file: string, lines: readonly string[]): { items: WorkReportItem[]; issues: ParseIssue[] } {
  const items: WorkReportItem[] = [];
  const issues: ParseIssue[] = [];
  const lastPart = s.parts.at(-1);
  // The self-building part: titled so (加快建设服务型政府), or a fourth-or-later last part without areas.
  const selfBuilding = lastPart && (SELF_BUILDING.test(lastPart.title) || (s.parts.length >= 4 && !s.paragraphs.some((p) => p.part === lastPart && p.area))) ? lastPart : undefined;
  const tasks = taskParts(s, selfBuilding);
  for (const annex of s.annexes.filter((a) => a.livelihood)) {
    items.push(...annexItems(annex, s.paragraphs.filter((p) => p.annex === annex), file, lines, issues));
  }
  const annexed = items.splice(0);
  for (const p of s.paragraphs) {
    const inArea = p.area !== undefined && p.part !== undefined && tasks.has(p.part) && !p.annex;
    const inSelfBuilding = p.part !== undefined && p.part === selfBuilding && !p.annex;
    // 各位代表！… closes a part or the report: an address to the deputies, never a pledge.
    if ((!inArea && !inSelfBuilding) || p.heading || /^各位代表/.test(p.text)) continue;
    if (p.tableRow) {
      // A table inside a work area is kept as text, not cut into pledges: said once, on its first row.
      if (inArea && !s.paragraphs[s.paragraphs.indexOf(p) - 1]?.tableRow) issues.push({ line: p.lines[0], message: `第${p.lines[0]}行起是表格，未拆分为任务；原文保留，请在原文核对。` });
      continue;
    }
    const ownArea = inArea && SELF_BUILDING.test(p.area!.title);
    const area = inArea ? areaOf(p.area!, `area-${p.area!.number}`) : areaOf(selfBuilding!, 'self-building');
    // Only a paragraph that speaks of 民生实事 lists projects: （1）… or 一是… elsewhere enumerates a pledge's parts.
    if (inArea && LIVELIHOOD_WORDS.test(p.text) && /[（(]1[）)]|一是/.test(p.text)) {
      const found = livelihoodItems(p, area, file, lines, issues, CANDIDATE.test(p.text));
      if (found.length > 0) {
        items.push(...found);
        continue;
      }
    }
    // An area heading run into its paragraph titles the pledge that paragraph states; so does the heading of
    // an area whose paragraphs have no lead phrase of their own (（一）坚持项目为王 / 坚持把项目建设作为…).
    const title = p.runIn ? p.area!.title : (leadPhrase(p.text) ?? (inArea ? p.area!.title : undefined));
    // Part 四 opens with a one-sentence preamble and closes with 各位代表！: neither is a pledge.
    if (!title || (inSelfBuilding && title.length === p.text.length - 1)) continue;
    items.push({
      kind: inArea && !ownArea ? 'pledge' : 'self-building',
      title,
      body: { text: p.text, html: blockHtml(p) },
      area,
      targets: extractTargets(p.text),
      source: provenance(file, lines, p.lines[0], p.lines[1]),
    });
  }
  // The annex's projects come after the report's own items, in annex order.
  return { items: [...items, ...annexed], issues };
}
