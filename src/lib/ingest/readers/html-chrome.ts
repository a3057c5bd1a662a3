import type { Element } from 'hast';

// What a 政府网站 page wraps around the article: navigation, 长辈版/无障碍 switches, breadcrumbs, 字号【大 中 小】,
// print/close/share widgets, QR codes, footers with 主办单位 and 备案号. Dropped by element (tag, class, id,
// role) where the page marks it, and by wording where it does not.

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'input', 'textarea', 'img', 'video', 'audio', 'canvas', 'map', 'head', 'link', 'meta']);

const CHROME_NAME = /(?:^|[-_\s])(?:nav|navbar|menu|header|footer|foot|bottom|breadcrumbs?|crumbs?|bread|location|position|weizhi|dqwz|share|bdshare|jiathis|toolbar|tools|fontsize|font-size|zihao|zh-size|print|login|search|sidebar|side|copyright|banner|qrcode|ewm|elder|old|wza|barrier|accessib|skip)(?:$|[-_\s\d])/i;

const CHROME_ROLE = /^(navigation|banner|contentinfo|search|complementary)$/;

/** Whole paragraphs that are page furniture, not the document. */
const CHROME_TEXT = [
  /^字号\s*[:：]?\s*[【\[]?\s*(大\s*中\s*小|默认|超大|[|｜\s])*\s*[】\]]?$/,
  /^字体\s*[:：]/,
  /^[【\[]?\s*(大|中|小)\s*(中|小)?\s*(小)?\s*[】\]]?$/,
  /^(长辈版|关怀版|适老化|无障碍|无障碍浏览|English|繁体|简体|繁|简|登录|注册|网站地图|手机版|微信|微博|邮箱)(\s*[|｜\s]\s*(长辈版|关怀版|适老化|无障碍|无障碍浏览|English|繁体|简体|繁|简|登录|注册|网站地图|手机版|微信|微博|邮箱))*$/,
  /^(当前位置|您的位置|你的位置|所在位置|您现在的位置)\s*[:：]/,
  /^首页\s*[>＞»›]/,
  /^(分享到|分享)\s*[:：]?/,
  /^[【\[]?\s*(打印(本页)?|关闭(窗口|本页)?|返回顶部|收藏|我要纠错|纠错|扫一扫)\s*[】\]]?(\s*[|｜•·\s]\s*[【\[]?\s*(打印(本页)?|关闭(窗口|本页)?|返回顶部|收藏|我要纠错|纠错|扫一扫|字号\s*[:：]?)\s*[】\]]?)*$/,
  /^(扫一扫|用手机扫描|在手机上打开|微信扫一扫)/,
  /^(主办单位|承办单位|主办|承办|网站标识码|网站识别码|技术支持|版权所有|联系我们|建议使用)\s*[:：]?/,
  /(ICP备|公网安备|政府网站标识码)/,
  /^[|｜•·\s]*$/,
];

export function isChromeText(text: string): boolean {
  const t = text.trim();
  return CHROME_TEXT.some((r) => r.test(t));
}

export function isChromeElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  const p = el.properties ?? {};
  if (p.hidden !== undefined && p.hidden !== false) return true;
  if (typeof p.style === 'string' && /display\s*:\s*none/i.test(p.style)) return true;
  if (typeof p.role === 'string' && CHROME_ROLE.test(p.role)) return true;
  const names = [...(Array.isArray(p.className) ? p.className : []), typeof p.id === 'string' ? p.id : ''].map(String);
  return names.some((n) => CHROME_NAME.test(n));
}
