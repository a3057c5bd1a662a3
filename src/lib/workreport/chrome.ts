// Words that tell a work report's own lines from what surrounds it on a saved web page or an aggregator's
// copy (navigation, 当前位置, 字号 大中小, 分享到, 打印, 来源/责任编辑, 上一篇/下一篇, 版权所有, ICP备…).

// 政府工作报告 · 2022年政府工作报告 · 博山区2023年政府工作报告 · 2024年博山区人民政府工作报告（全文）
const TITLE = /^(?:\d{4}年)?[\p{Script=Han}]{0,16}?(?:\d{4}年)?《?政府工作报告》?(?:[（(](?:全文|摘要|摘登|\d{4}年)[）)]|全文)?$/u;
const CHROME_WORD =
  /^(?:网站首页|首页|当前位置|您(?:现在)?的位置|所在位置|字号|字体|【?[大中小]\s*[大中小]?\s*[大中小]?】?$|分享到|分享|打印|关闭|收藏|扫一扫|上一篇|下一篇|上一页|下一页|尾页|第\s*\d+\s*页|相关(?:链接|文章|新闻|阅读|附件)|责任编辑|编辑[：:]|审核[：:]|校对[：:]|终审|原标题|本文来源|转载|声明[：:]|(?:本文|信息)?来源[：:]|发布(?:时间|日期)|浏览(?:次数|量)?|阅读(?:次数|量)|点击(?:数|量|次数)|索引号|主题分类|发文机关|发布机构|成文日期|文号|标题[：:]|主办[：:]|承办[：:]|版权所有|Copyright|网站标识码|.{0,4}ICP|.{0,8}公网安备|联系我们|网站地图|免责声明|无障碍|长辈版|关怀版|繁體|登录|注册|搜索|返回顶部|TOP$|【)/i;
// Pipes and arrows never occur in report prose: a short line with them is a breadcrumb or a metadata row.
const NAV_SEPARATORS = /[|｜>＞›»]/;

/** A block of page chrome: short, no sentence punctuation, made of navigation or page-tool words. */
export function isChrome(text: string): boolean {
  // A Markdown table row (how the readers render a Word or HTML table) is report text; its | --- | rule is layout.
  if (TABLE_ROW.test(text.trim())) return /^\|[\s:|\-]+\|$/.test(text.trim());
  const t = text.replace(/^[\s•·●▪◆>（(]+/, '').trim();
  if (t === '' || /^[|｜•·\-—_]+$/.test(t)) return true;
  if (t.length > 80 || /[。；]/.test(t)) return false;
  return CHROME_WORD.test(t) || NAV_SEPARATORS.test(t) || /^[（(]?(?:来源|稿源|作者)[：:]/.test(t);
}

export const isTitle = (text: string): boolean => TITLE.test(text.replace(/\s+/g, ''));

/** A row of a Markdown pipe table: | 地区生产总值 | 增长6%左右 | */
export const TABLE_ROW = /^\|.*\|$/;

/** The dateline under the title: ——2024年3月5日在…人民代表大会…会议上, （2024年3月5日在…会议上）, or without a dash. */
export const DATELINE = /^(?:[—–\-－]{1,2}\s*|[（(]\s*)?(\d{4})年(\d{1,2})月(\d{1,2})日(?=在|[）)]|$)/;

/** An annex heading: 附件 · 附件1：2023年民生实事项目 · 附： · 名词解释 (then the title is the whole line). */
export const ANNEX_HEADING = /^(?:附件\s*\d*[：:]?|附[：:]|(?=名词解释|注释))(.*)$/;

/** A page's metadata row that names the document: 文件名称 | 汉滨区2025年政府工作报告 | · 标题: 2024年政府工作报告. */
const NAMED = /(?:文件名称|标题|名称)\s*[|｜:：]\s*([^|｜]+?)\s*(?:[|｜]|$)/;

/** The report's title printed on its own line, or named in a page's metadata row. */
export function titleIn(text: string): string | undefined {
  const t = text.replace(/\s+/g, '');
  if (isTitle(t)) return t;
  const named = NAMED.exec(text)?.[1]?.replace(/\s+/g, '');
  return named && isTitle(named) ? named : undefined;
}
