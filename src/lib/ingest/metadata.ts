import type { Period } from '../schema';
import { periodFromHeader } from './header';

export interface PrintedMetadata {
  title?: { text: string; line: number };
  docNumber?: { text: string; line: number };
  issuer?: { text: string; line: number };
  date?: { iso: string; line: number };
  /** Year and periods the title names (2023年…9月份… → 2023, [M9]). */
  year?: number;
  periods?: Period[];
  kind?: 'work-report' | 'breakdown' | 'progress';
}

// A title row of a spreadsheet arrives as a pipe row with its text in the first cell: | 2023年…通报 | | |.
const stripMarkdown = (s: string) => s.replace(/^\s*\|((?:\s*\|)*)\s*$/, '').replace(/^\s*\|\s*/, '').replace(/(?:\s*\|)+\s*$/, '').replace(/^\s*#+\s*/, '').replace(/^\s*标题\s*[:：]\s*/, '').replace(/\s+/g, ' ').trim();
// A numbered section heading (一、未完成…情况) is not the document's title.
const SECTION = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;
const TITLE = /(政府工作报告|完成情况|分解表|分解方案|通报|明细表|目标任务|重点工作|进展情况)/;

/** Read what the document prints about itself from the lines before its table (or all lines of a prose report). */
export function readPrintedMetadata(lines: string[], before: number = lines.length, firstTitle = false): PrintedMetadata {
  const meta: PrintedMetadata = {};
  for (let i = 0; i < Math.min(before, lines.length); i++) {
    const text = stripMarkdown(lines[i]!);
    if (text === '') continue;
    const line = i + 1;
    const doc = /([\p{Script=Han}]{1,6}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号)/u.exec(text);
    if (doc && !meta.docNumber) meta.docNumber = { text: doc[1]!.replace(/\s+/g, ''), line };
    const date = /^[—\-–\s]*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
    if (date && !meta.date) meta.date = { iso: `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`, line };
    if (/^[\p{Script=Han}]{2,12}(人民政府|办公室|督查室)$/u.test(text) && !meta.issuer) meta.issuer = { text, line };
    // The table's own title: the last title-like line before the table wins (001 prints the notice's title
    // first); in prose the first one does (later headings are section titles).
    if (TITLE.test(text) && text.length <= 60 && !SECTION.test(text) && !(/[，,]/.test(text) && /[:：。]$/.test(text)) && !/^(附件|关于)/.test(text.replace(/^附件[：:]/, '附件')) && !(firstTitle && meta.title)) {
      meta.title = { text: text.replace(/\s+(?=[\p{Script=Han}])|(?<=[\p{Script=Han}])\s+/gu, ''), line };
    }
  }
  if (meta.title) {
    const t = meta.title.text;
    const y = /(\d{4})\s*年/.exec(t);
    if (y) meta.year = Number(y[1]);
    const periods = periodsFromTitle(t);
    if (periods.length > 0) meta.periods = periods;
    meta.kind = /分解(表|方案)|责任分工/.test(t) ? 'breakdown' : /完成情况|通报|明细表/.test(t) ? 'progress' : /^政府工作报告$/.test(t) ? 'work-report' : undefined;
  }
  return meta;
}

function periodsFromTitle(title: string): Period[] {
  const out: Period[] = [];
  for (const m of title.matchAll(/第?[一二三四1-4]季度|\d{1,2}月份?|(?:十[一二]?|[一二三四五六七八九])月份?/g)) {
    const p = periodFromHeader(m[0]);
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}
