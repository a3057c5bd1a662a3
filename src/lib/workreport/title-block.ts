// The title block of a 政府工作报告 and what surrounds the report when it was saved from a web page:
// site navigation, 当前位置 breadcrumbs, 字号 大中小, 分享到, 打印, an aggregator's 来源/责任编辑 lines,
// 上一篇/下一篇 and the copyright footer. Those lines are page chrome: kept as line ranges in the metadata
// (so every line is accounted for), never parsed as the report.
import { blockLines, blockText, type Block } from './markdown-blocks';

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

export interface ParseIssue {
  line: number;
  message: string;
}

// 政府工作报告 · 2022年政府工作报告 · 博山区2023年政府工作报告 · 2024年博山区人民政府工作报告（全文）
const TITLE = /^(?:\d{4}年)?[\p{Script=Han}]{0,16}?(?:\d{4}年)?《?政府工作报告》?(?:[（(](?:全文|摘要|摘登|\d{4}年)[）)]|全文)?$/u;
const CHROME_WORD =
  /^(?:网站首页|首页|当前位置|您(?:现在)?的位置|所在位置|字号|字体|【?[大中小]\s*[大中小]?\s*[大中小]?】?$|分享到|分享|打印|关闭|收藏|扫一扫|上一篇|下一篇|相关(?:链接|文章|新闻|阅读|附件)|责任编辑|编辑[：:]|(?:本文|信息)?来源[：:]|发布(?:时间|日期)|浏览(?:次数|量)?|阅读(?:次数|量)|点击(?:数|量|次数)|索引号|主题分类|发文机关|发布机构|成文日期|文号|标题[：:]|主办[：:]|承办[：:]|版权所有|Copyright|网站标识码|.{0,4}ICP|.{0,8}公网安备|联系我们|网站地图|免责声明|无障碍|长辈版|关怀版|繁體|登录|注册|搜索|返回顶部|TOP$|【)/i;
const NAV_SEPARATORS = /(?:\s[|｜>›»]\s|>|＞|\s\|\s)/;

/** A block of page chrome: short, no sentence punctuation, made of navigation or page-tool words. */
export function isChrome(text: string): boolean {
  const t = text.replace(/^[\s•·●▪◆>]+/, '').trim();
  if (t === '' || /^[|｜•·\-—_]+$/.test(t)) return true;
  if (t.length > 80 || /[。；]/.test(t)) return false;
  return CHROME_WORD.test(t) || NAV_SEPARATORS.test(t) || /^[（(]?(?:来源|稿源|作者)[：:]/.test(t);
}

export const isTitle = (text: string): boolean => TITLE.test(text.replace(/\s+/g, ''));

const DATELINE = /^[—–\-－]{1,2}\s*(\d{4})年(\d{1,2})月(\d{1,2})日/;

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
  const printedYear = /(\d{4})年/.exec(titleText)?.[1] ?? date?.[1];
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
  const bodyStart = blocks.findIndex((b) => b.type === 'paragraph' && /^各位代表/.test(blockText(b)));
  const head = bodyStart > 0 ? blocks.slice(0, bodyStart) : blocks.slice(0, 1);
  const body = blocks.slice(Math.max(bodyStart, 1));
  const titleAt = Math.max(0, head.findIndex((b) => isTitle(blockText(b))));
  const chrome: [number, number][] = head.slice(0, titleAt).map(blockLines);
  const first = head[titleAt]!;
  const rest = head.slice(titleAt + 1).filter((b) => {
    if (!isChrome(blockText(b))) return true;
    chrome.push(blockLines(b));
    return false;
  });
  const again = rest.findIndex((b) => blockText(b) === blockText(first));
  const meta = parseMeta(first, again >= 0 ? rest.slice(0, again) : rest);
  if (again >= 0) meta.duplicateLines = [blockLines(rest[again]!)[0], blockLines(rest.at(-1)!)[1]];
  meta.lines = [blockLines(first)[0], blockLines(head.at(-1)!)[1]];
  if (chrome.length) meta.chrome = chrome;
  return { meta, body, issues: bodyStart < 0 ? [{ line: 1, message: '未找到“各位代表”开头的正文段落，无法区分标题块与正文；请检查文件是否为政府工作报告全文。' }] : [] };
}
