// Structure of a 政府工作报告: title block (printed twice in 004 — kept once as metadata), parts 一…四 and
// work areas （一）…（五） recognised by their Chinese numbering whatever the heading level (one area is
// printed as a plain paragraph), and paragraphs re-joined where a page break cut them mid-sentence.
import { blockLines, blockText, markdownBlocks, type Block, type LinePiece } from './markdown-blocks';

export interface Section {
  /** 1-based: 一 → 1, （五） → 5. */
  number: number;
  /** The numbering as printed: 三、 or （五）. */
  numeral: string;
  /** Heading text without the numbering and the closing 。 */
  title: string;
  line: number;
  /** Markdown heading depth as printed; 0 when printed as a plain paragraph. */
  depth: number;
}

export interface Paragraph {
  pieces: LinePiece[];
  text: string;
  lines: [number, number];
  part?: Section;
  area?: Section;
  /** An un-numbered Markdown heading, kept as text but never a pledge. */
  heading?: boolean;
}

export interface WorkReportMeta {
  title: string;
  date?: string;
  occasion?: string;
  speaker?: string;
  speakerTitle?: string;
  /** Lines of the title block(s), first to last. */
  lines: [number, number];
  /** Lines where the title block is printed again (ignored as a duplicate). */
  duplicateLines?: [number, number];
}

export interface ParseIssue {
  line: number;
  message: string;
}

export interface WorkReportStructure {
  meta: WorkReportMeta;
  parts: Section[];
  areas: Section[];
  paragraphs: Paragraph[];
  issues: ParseIssue[];
}

const NUMERALS = '一二三四五六七八九十';
const PART_RE = new RegExp(`^([${NUMERALS}]+)、(.+)$`);
const AREA_RE = new RegExp(`^（([${NUMERALS}]+)）(.+)$`);
// A paragraph is complete when it ends with sentence punctuation, possibly followed by a closing quote or bracket.
const SENTENCE_END = /[。；！？：!?;:][”」』）)]?$/;

/** 一 → 1 … 十九 → 19 (enough for report numbering). */
export function chineseNumber(s: string): number {
  if (s === '十') return 10;
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  const digit = (c: string | undefined) => (c ? NUMERALS.indexOf(c) + 1 : 0);
  return (s.includes('十') ? Math.max(1, digit(tens)) * 10 : 0) + digit(ones);
}

function asSection(block: Block, re: RegExp): Section | undefined {
  const text = blockText(block);
  // A heading-like line is short; a long paragraph that happens to start with 一、 is prose.
  if (text.length > 60) return undefined;
  const m = re.exec(text);
  if (!m) return undefined;
  return {
    number: chineseNumber(m[1]!),
    numeral: re === PART_RE ? `${m[1]}、` : `（${m[1]}）`,
    title: m[2]!.replace(/[。.]$/, ''),
    line: block.pieces[0]!.line,
    depth: block.depth,
  };
}

function parseMeta(title: Block, rest: Block[], duplicate?: [number, number]): WorkReportMeta {
  const texts = rest.map(blockText);
  const joined = texts.join('');
  const date = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(joined);
  const occasion = /在(.+?会议)上/.exec(joined)?.[1];
  // "张店区人民政府区长 王学刚": the title ends in 长; the name follows (with or without a space).
  const speakerLine = rest.map((b) => b.pieces.map((p) => p.text)).flat().find((t) => /(区长|县长|市长)\s*\S{2,4}$/.test(t));
  const sp = speakerLine ? /^(.*?(?:区长|县长|市长))\s*(\S{2,4})$/.exec(speakerLine) : null;
  const all = [title, ...rest];
  const meta: WorkReportMeta = {
    title: blockText(title),
    lines: [blockLines(all[0]!)[0], blockLines(all[all.length - 1]!)[1]],
  };
  if (date) meta.date = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
  if (occasion) meta.occasion = occasion;
  if (sp) {
    meta.speakerTitle = sp[1]!;
    meta.speaker = sp[2]!;
  }
  if (duplicate) meta.duplicateLines = duplicate;
  return meta;
}

/** Split off the title block: everything before the first body paragraph (各位代表：). */
function splitTitleBlock(blocks: Block[]): { meta: WorkReportMeta; body: Block[]; issues: ParseIssue[] } {
  if (blocks.length === 0) return { meta: { title: '', lines: [1, 1] }, body: [], issues: [{ line: 1, message: '文件没有任何正文文字：请检查文件是否为空或编码有误。' }] };
  const bodyStart = blocks.findIndex((b) => b.type === 'paragraph' && /^各位代表/.test(blockText(b)));
  const head = bodyStart > 0 ? blocks.slice(0, bodyStart) : blocks.slice(0, 1);
  const body = blocks.slice(Math.max(bodyStart, 1));
  const first = head[0]!;
  const again = head.findIndex((b, i) => i > 0 && b.type === 'heading' && blockText(b) === blockText(first));
  const firstBlock = again > 0 ? head.slice(1, again) : head.slice(1);
  const dup = again > 0 ? head.slice(again) : [];
  const dupLines: [number, number] | undefined = dup.length ? [blockLines(dup[0]!)[0], blockLines(dup[dup.length - 1]!)[1]] : undefined;
  const meta = parseMeta(first, firstBlock, dupLines);
  meta.lines = [blockLines(first)[0], blockLines(head[head.length - 1]!)[1]];
  return { meta, body, issues: bodyStart < 0 ? [{ line: 1, message: '未找到“各位代表”开头的正文段落，无法区分标题块与正文；请检查文件是否为政府工作报告全文。' }] : [] };
}

/** Parse the structure of a work report from its decoded lines (1-based line numbers in the output). */
export function parseWorkReportStructure(lines: readonly string[]): WorkReportStructure {
  const { meta, body, issues } = splitTitleBlock(markdownBlocks(lines));
  const parts: Section[] = [];
  const areas: Section[] = [];
  const paragraphs: Paragraph[] = [];
  let part: Section | undefined;
  let area: Section | undefined;
  let open: Paragraph | undefined; // a paragraph cut by a page break, waiting for its continuation

  for (const block of body) {
    const p = asSection(block, PART_RE);
    const a = p ? undefined : asSection(block, AREA_RE);
    if (p || a) {
      if (open) {
        // Keep the cut paragraph as it is: dropping text would be worse than showing it unfinished.
        issues.push({ line: open.lines[1], message: `第${open.lines[1]}行段落未以句末标点结束，其后是标题，无法接续；请核对原文是否缺失文字。` });
        paragraphs.push(open);
      }
      open = undefined;
      if (p) {
        if (p.number !== (parts.at(-1)?.number ?? 0) + 1) issues.push({ line: p.line, message: `部分编号“${p.numeral}”不连续（上一部分为${parts.at(-1)?.numeral ?? '无'}）。` });
        parts.push(p);
        part = p;
        area = undefined;
      } else if (a) {
        if (a.number !== (area?.number ?? 0) + 1) issues.push({ line: a.line, message: `工作方面编号“${a.numeral}”不连续（上一方面为${area?.numeral ?? '无'}）。` });
        areas.push(a);
        area = a;
      }
      continue;
    }
    if (block.type === 'heading') {
      // An un-numbered heading stands alone: it is neither a continuation nor continued.
      issues.push({ line: block.pieces[0]!.line, message: `标题“${blockText(block)}”没有“一、”或“（一）”式编号，未作为部分或工作方面；请核对原文的标题层级。` });
      if (open) {
        issues.push({ line: open.lines[1], message: `第${open.lines[1]}行段落未以句末标点结束，其后是标题，无法接续；请核对原文是否缺失文字。` });
        paragraphs.push(open);
        open = undefined;
      }
      const h: Paragraph = { pieces: [...block.pieces], text: blockText(block), lines: blockLines(block), heading: true };
      if (part) h.part = part;
      if (area) h.area = area;
      paragraphs.push(h);
      continue;
    }
    if (open) {
      open.pieces.push(...block.pieces);
    } else {
      open = { pieces: [...block.pieces], text: '', lines: [0, 0] };
      if (part) open.part = part;
      if (area) open.area = area;
    }
    const text = blockText(open);
    open.text = text;
    open.lines = blockLines(open);
    if (SENTENCE_END.test(text)) {
      paragraphs.push(open);
      open = undefined;
    }
  }
  if (open) {
    issues.push({ line: open.lines[1], message: `文末段落未以句末标点结束，可能缺失文字；请核对原文。` });
    paragraphs.push(open);
  }
  return { meta, parts, areas, paragraphs, issues };
}
