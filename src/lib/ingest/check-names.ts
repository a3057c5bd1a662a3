// Names from content/ that become URL path segments: district slugs and source file names. Each is
// checked before anything is parsed, and every problem names the file, the line and the entry.
import { isNode, LineCounter, parseDocument } from 'yaml';
import { DISTRICT_SLUG_MAX, FILE_NAME_MAX } from '../limits';
import type { Problem } from '../problems';
import { reservedDistrictSlugs } from './site-routes';

/** 1-based line of the value at `path` in a YAML text, or undefined. */
function yamlLine(text: string, path: (string | number)[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const node = doc.getIn(path, true);
  const start = isNode(node) ? node.range?.[0] : undefined;
  return start === undefined ? undefined : lineCounter.linePos(start).line;
}

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** District slugs: well-formed, short, unique, and not a name the site uses itself (/data/, /search/, /data/all/…). */
export function districtSlugProblems(file: string, text: string, districts: { slug: string }[], reserved = reservedDistrictSlugs()): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  districts.forEach(({ slug }, i) => {
    const line = yamlLine(text, ['districts', i, 'slug']);
    const at = { file, ...(line ? { line } : {}) };
    const what = `districts[${i}].slug “${slug}”`;
    if (!SLUG.test(slug)) problems.push({ ...at, message: `${what}不是合格的 slug：它是网址的一段`, hint: '应为小写拼音字母、数字和连字符，以字母开头（如 linzi、zhang-dian）。' });
    else if (slug.length > DISTRICT_SLUG_MAX) problems.push({ ...at, message: `${what}长 ${slug.length} 个字符，超过上限 ${DISTRICT_SLUG_MAX}`, hint: '请用更短的拼音。' });
    else if (reserved.has(slug)) problems.push({ ...at, message: `${what}与本站自己的网址 ${reserved.get(slug)} 同名，会覆盖它或失去该区县的页面`, hint: `请换一个 slug（如加上市名：zibo-${slug}）。` });
    if (seen.has(slug)) problems.push({ ...at, message: `${what}与 districts[${seen.get(slug)}] 重复`, hint: '每个区县的 slug 必须不同。' });
    else seen.set(slug, i);
  });
  return problems;
}

// Characters that mean something else in a URL or a path (#, ?, %, space, &, +, quotes, slashes…) or that
// a file system or a shell treats specially. Letters and digits of any script, '.', '-' and '_' are safe.
const UNSAFE = /[^\p{L}\p{N}._-]+/gu;

/** A name made safe: every run of unsafe characters becomes one '-'. */
export function safeFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const clean = (s: string) => s.replace(UNSAFE, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|-+$/g, '');
  return `${clean(stem).slice(0, FILE_NAME_MAX - ext.length) || 'report'}${clean(ext.slice(1)) ? `.${clean(ext.slice(1))}` : ''}`;
}

/** Why a source file name (the part after <district>/) cannot be published under its own name, or undefined. */
export function fileNameProblem(name: string): string | undefined {
  const bad = [...new Set(name.match(UNSAFE)?.join('') ?? '')].map((c) => (c === ' ' ? '空格' : /\s/.test(c) ? '空白字符' : c));
  if (bad.length > 0) return `文件名“${name}”含有网址或路径中有特殊含义的字符（${bad.join(' ')}），网页链接会指向别的文件：请把文件改名为“${safeFileName(name)}”，并同样更正清单中的 file。`;
  if (name.startsWith('.')) return `文件名“${name}”以点开头（隐藏文件）：请改名为“${safeFileName(name)}”。`;
  if ([...name].length > FILE_NAME_MAX) return `文件名长 ${[...name].length} 个字符，超过上限 ${FILE_NAME_MAX}：请改名为“${safeFileName(name)}”，并同样更正清单中的 file。`;
  return undefined;
}
