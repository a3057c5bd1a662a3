// The title block of a 政府工作报告 and what surrounds the report when it was saved from a web page:
// site navigation, 当前位置 breadcrumbs, 字号 大中小, 分享到, 打印, an aggregator's 来源/责任编辑 lines,
// 上一篇/下一篇 and the copyright footer. Those lines are page chrome: kept as line ranges in the metadata
// (so every line is accounted for), never parsed as the report.
import { blockLines, blockText, type Block } from './markdown-blocks';
import { DATELINE, isChrome, titleIn } from './chrome';

export { isChrome } from './chrome';

export interface WorkReportMeta {
  title: string;
  /** The year the report is for: printed in the title (2022年政府工作报告) or, failing that, the dateline's year. */
  year?: number;
  date?: string;
  occasion?: string;
  speaker?: string;
  speakerTitle?: string;
  /** Lines of the title block(s), first to last. */
  lines: [number, number];
  /** Lines where the title block is printed again (ignored as a duplicate). */
  duplicateLines?: [number, number];
  /** Lines of web-page or aggregator chrome around the report (navigation, 字号, 分享到, 上一篇…). */
  chrome?: [number, number][];
}

/** The body begins at the salutation 各位代表, or, in a copy that lost it, at 现在，我代表…向大会报告工作. */
const BODY_START = /^(?:各位代表|现在[，,]我代表)/;

export interface ParseIssue {
  line: number;
  message: string;
}


function parseMeta(title: Block, rest: Block[]): WorkReportMeta {
  const texts = rest.map(blockText);
  const joined = texts.join('');
  // The dateline (——2024年3月5日在…) is the report's date; a page's 发布日期 is not.
  const date = texts.map((t) => DATELINE.exec(t)).find(Boolean) ?? /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(joined);
  const occasion = /在(.+?会议)上/.exec(joined)?.[1];
  // "张店区人民政府区长 王学刚": the title ends in 长; the name follows (with or without a space).
  const speakerLine = rest.map((b) => b.pieces.map((p) => p.text)).flat().find((t) => /(区长|县长|市长|旗长)\s*\S{2,4}$/.test(t));
  const sp = speakerLine ? /^(.*?(?:区长|县长|市长|旗长))\s*(\S{2,4})$/.exec(speakerLine) : null;
  const titleText = blockText(title);
  const meta: WorkReportMeta = { title: titleText, lines: [blockLines(title)[0], blockLines(rest.at(-1) ?? title)[1]] };
  const printedYear = /(\d{4})年/.exec(titleIn(titleText) ?? titleText)?.[1] ?? date?.[1];
  if (printedYear) meta.year = Number(printedYear);
  if (date) meta.date = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
  if (occasion) meta.occasion = occasion;
  if (sp) {
    meta.speakerTitle = sp[1]!;
    meta.speaker = sp[2]!;
  }
  return meta;
}

/**
 * Split off the title block: everything before the first body paragraph (各位代表：). Blocks before the
 * title (政府工作报告, with the year or the district in front or not) are page chrome, and so are chrome
 * blocks between the title and the body (发布时间, 字号, 分享到).
 */
export function splitTitleBlock(blocks: Block[]): { meta: WorkReportMeta; body: Block[]; issues: ParseIssue[] } {
  if (blocks.length === 0) return { meta: { title: '', lines: [1, 1] }, body: [], issues: [{ line: 1, message: '文件没有任何正文文字：请检查文件是否为空或编码有误。' }] };
  const bodyStart = blocks.findIndex((b) => b.type === 'paragraph' && BODY_START.test(blockText(b)));
  const head = bodyStart > 0 ? blocks.slice(0, bodyStart) : blocks.slice(0, 1);
  const body = blocks.slice(Math.max(bodyStart, 1));
  const titleAt = Math.max(0, head.findIndex((b) => titleIn(blockText(b))));
  const chrome: [number, number][] = head.slice(0, titleAt).map(blockLines);
  const first = head[titleAt]!;
  const rest = head.slice(titleAt + 1).filter((b) => {
    if (!isChrome(blockText(b))) return true;
    chrome.push(blockLines(b));
    return false;
  });
  const again = rest.findIndex((b) => blockText(b) === blockText(first));
  const meta = parseMeta(first, again >= 0 ? rest.slice(0, again) : rest);
  meta.title = titleIn(blockText(first)) ?? meta.title;
  if (again >= 0) meta.duplicateLines = [blockLines(rest[again]!)[0], blockLines(rest.at(-1)!)[1]];
  meta.lines = [blockLines(first)[0], blockLines(head.at(-1)!)[1]];
  if (chrome.length) meta.chrome = chrome;
  return { meta, body, issues: bodyStart < 0 ? [{ line: 1, message: '未找到“各位代表”开头的正文段落，无法区分标题块与正文；请检查文件是否为政府工作报告全文。' }] : [] };
}

export interface WorkReportHeading {
  title: { text: string; line: number };
  year?: number;
  date?: { iso: string; line: number };
  kind: 'work-report';
}

/**
 * What a work report prints about itself, read from its lines before 各位代表 (for the ingest's kind and
 * year detection): the title line, skipping page chrome above it, and the dateline's date. The year is the
 * title's (2022年政府工作报告) or, when the title has none, the dateline's (——2024年3月5日在…).
 */
export function workReportHeading(lines: readonly string[]): WorkReportHeading | undefined {
  const end = lines.findIndex((l) => BODY_START.test(l.replace(/^[\s\u3000#]+/, '')));
  if (end < 0) return undefined;
  const plain = (l: string) => l.replace(/^[\s\u3000]*#*[\s\u3000]*/, '').trim();
  const at = lines.slice(0, end).findIndex((l) => titleIn(plain(l)));
  if (at < 0) return undefined;
  const text = titleIn(plain(lines[at]!))!;
  const out: WorkReportHeading = { title: { text, line: at + 1 }, kind: 'work-report' };
  for (let i = at + 1; i < end; i++) {
    const d = DATELINE.exec(plain(lines[i]!));
    if (d) {
      out.date = { iso: `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`, line: i + 1 };
      break;
    }
  }
  const year = /(\d{4})年/.exec(text)?.[1] ?? out.date?.iso.slice(0, 4);
  if (year) out.year = Number(year);
  return out;
}
