// Pledges of a work report: each lead-phrase paragraph of a work area ("强化技术创新能力。…") is a pledge;
// the 民生实事 projects printed inline as （1）…（13） are items of their own kind; the lead-phrase
// paragraphs of the 服务型政府 part are the "government self-building" area.
import type { Provenance } from '../schema/provenance';
import type { RichText } from '../schema/provenance';
import type { Target } from '../schema/target';
import { extractTargets } from '../targets/extract-targets';
import { escapeHtml } from '~/lib/markup';
import { blockHtml, lineAt } from './markdown-blocks';
import type { Paragraph, ParseIssue, Section, WorkReportStructure } from './parse-work-report';

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
  targets: Target[];
  source: Provenance;
}

/** A lead phrase is a short first sentence that names the pledge; longer first sentences are prose. */
const LEAD_MAX = 20;
const SINGLE_SENTENCE_MAX = 60;
// A project name may hold its own parentheses: （7）“智慧市场”溯源监管平台建设项目（一期）；
const LIVELIHOOD_RE = /（(\d{1,2})）(.+?)(?=[；。]|（\d{1,2}）)/g;

function provenance(file: string, lines: readonly string[], from: number, to: number): Provenance {
  return { file, lines: [from, to], verbatim: lines.slice(from - 1, to).join('\n') };
}

function areaOf(section: Section, key: string): WorkReportArea {
  return { key, label: section.title, numeral: section.numeral, line: section.line };
}

/** The lead phrase of a paragraph, or undefined when it has none. */
export function leadPhrase(text: string): string | undefined {
  const m = /^([^。；，！？：]{2,})。/.exec(text);
  if (!m) return undefined;
  const first = m[1]!;
  if (first.length <= LEAD_MAX && text.length > m[0].length) return first;
  // A one-sentence paragraph in a work area ("促进国防后备力量…协调发展。") is a pledge of its own.
  if (text.length === m[0].length && first.length <= SINGLE_SENTENCE_MAX) return first;
  return undefined;
}

function livelihoodItems(p: Paragraph, area: WorkReportArea, file: string, lines: readonly string[], issues: ParseIssue[]): WorkReportItem[] {
  const out: WorkReportItem[] = [];
  for (const m of p.text.matchAll(LIVELIHOOD_RE)) {
    const n = Number(m[1]);
    const title = m[2]!.trim();
    const start = m.index ?? 0;
    const from = lineAt(p, start);
    const to = lineAt(p, start + m[0].length);
    if (n !== out.length + 1) issues.push({ line: from, message: `民生实事编号（${n}）不连续：上一项为（${out.length}）。` });
    out.push({
      kind: 'livelihood',
      title,
      body: { text: title, html: escapeHtml(title) },
      area,
      projectNumber: n,
      targets: extractTargets(title),
      source: provenance(file, lines, from, to),
    });
  }
  return out;
}

/** The pledges, livelihood projects and self-building items of a parsed work report, in document order. */
export function workReportItems(s: WorkReportStructure, file: string, lines: readonly string[]): { items: WorkReportItem[]; issues: ParseIssue[] } {
  const items: WorkReportItem[] = [];
  const issues: ParseIssue[] = [];
  const lastPart = s.parts.at(-1);
  for (const p of s.paragraphs) {
    const inArea = p.area !== undefined && p.part !== undefined && p.part !== lastPart;
    const inSelfBuilding = p.part !== undefined && p.part === lastPart && s.parts.length >= 4;
    if ((!inArea && !inSelfBuilding) || p.heading) continue;
    const area = inArea ? areaOf(p.area!, `area-${p.area!.number}`) : areaOf(lastPart!, 'self-building');
    if (inArea && /（1）/.test(p.text)) {
      const found = livelihoodItems(p, area, file, lines, issues);
      if (found.length > 0) {
        items.push(...found);
        continue;
      }
    }
    const title = leadPhrase(p.text);
    if (!title || (inSelfBuilding && title.length === p.text.length - 1)) {
      // Part 四 opens with a one-sentence preamble and closes with 各位代表！: neither is a pledge.
      if (inArea) issues.push({ line: p.lines[0], message: `第${p.lines[0]}行段落没有“……。”式引领句，未作为任务收录；如属任务请在原文核对。` });
      continue;
    }
    items.push({
      kind: inArea ? 'pledge' : 'self-building',
      title,
      body: { text: p.text, html: blockHtml(p) },
      area,
      targets: extractTargets(p.text),
      source: provenance(file, lines, p.lines[0], p.lines[1]),
    });
  }
  return { items, issues };
}
