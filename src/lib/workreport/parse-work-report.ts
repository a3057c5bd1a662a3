// Structure of a 政府工作报告: title block (printed twice in the 张店 2021 report — kept once as metadata;
// page chrome around it set aside), parts 一…四 and work areas （一）…（五） recognised by their Chinese numbering
// whatever the heading level (a heading may be a plain paragraph, or run into its paragraph), paragraphs
// re-joined where a page break cut them mid-sentence, and annexes after the report (附件, 名词解释, a list of
// 民生实事 numbered 一、… again), which are never parts.
import { blockLines, blockText, markdownBlocks, type Block, type LinePiece } from './markdown-blocks';
import { ANNEX_HEADING, TABLE_ROW, isChrome } from './chrome';
import { splitTitleBlock, type ParseIssue, type WorkReportMeta } from './title-block';

export type { ParseIssue, WorkReportMeta } from './title-block';

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
  /** The paragraph opens with its area's heading (（一）大力推进…。充分发挥…): the pledge of that heading. */
  runIn?: boolean;
  /** A row of a Markdown table (a Word or HTML table as the readers render it). */
  tableRow?: boolean;
  /** The paragraph belongs to an annex after the report (附件 / 2024年民生实事项目), not to a part. */
  annex?: Annex;
}

/** An annex after the report's closing: 附件, 名词解释, or a list of 民生实事 numbered 一、…十、. */
export interface Annex {
  title: string;
  line: number;
  /** The line of the title when it is printed under 附件 on a line of its own. */
  titleLine?: number;
  /** Its items are 民生实事 projects. */
  livelihood: boolean;
}

export interface WorkReportStructure {
  meta: WorkReportMeta;
  parts: Section[];
  areas: Section[];
  paragraphs: Paragraph[];
  annexes: Annex[];
  issues: ParseIssue[];
}

const NUMERALS = '一二三四五六七八九十';
const PART_RE = new RegExp(`^([${NUMERALS}]+)、(.+)$`);
// Half-width brackets too: text that passed through a web archive prints (一) for （一）.
const AREA_RE = new RegExp(`^[（(]([${NUMERALS}]+)[）)](.+)$`);
// An area heading run into its body: （一）大力推进产业升级。充分发挥… (the heading is the first sentence).
const RUN_IN_AREA_RE = new RegExp(`^[（(]([${NUMERALS}]+)[）)]([^。；！？]{2,60})。(?=.)`);
// A paragraph is complete when it ends with sentence punctuation, possibly followed by a closing quote or bracket.
const SENTENCE_END = /[。；！？：!?;:][”」』）)]?$/;
const LIVELIHOOD = /民生实事|惠民实事|为民办实事/;

/** 一 → 1 … 十九 → 19 (enough for report numbering). */
export function chineseNumber(s: string): number {
  if (s === '十') return 10;
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  const digit = (c: string | undefined) => (c ? NUMERALS.indexOf(c) + 1 : 0);
  return (s.includes('十') ? Math.max(1, digit(tens)) * 10 : 0) + digit(ones);
}

function asSection(block: Block, re: RegExp): Section | undefined {
  const text = blockText(block);
  // A heading-like line is short; a long paragraph that happens to start with 一、 is prose. A short
  // line with more than one sentence is a run-in area, not a heading.
  if (text.length > 60 || /[。；！？].+/.test(text)) return undefined;
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

function runInArea(block: Block): Section | undefined {
  if (block.type !== 'paragraph') return undefined;
  const m = RUN_IN_AREA_RE.exec(blockText(block));
  if (!m) return undefined;
  return { number: chineseNumber(m[1]!), numeral: `（${m[1]}）`, title: m[2]!, line: block.pieces[0]!.line, depth: 0 };
}

/** Parse the structure of a work report from its decoded lines (1-based line numbers in the output). */
export function parseWorkReportStructure(lines: readonly string[]): WorkReportStructure {
  const { meta, body, issues } = splitTitleBlock(markdownBlocks(lines));
  const parts: Section[] = [];
  const areas: Section[] = [];
  const paragraphs: Paragraph[] = [];
  const annexes: Annex[] = [];
  const chrome = meta.chrome ?? [];
  let part: Section | undefined;
  let area: Section | undefined;
  let annex: Annex | undefined;
  let footer = false; // a footer chrome line (上一篇, 版权所有…) has been read
  let open: Paragraph | undefined; // a paragraph cut by a page break, waiting for its continuation
  const flushOpen = (why: string) => {
    if (!open) return;
    // Keep the cut paragraph as it is: dropping text would be worse than showing it unfinished.
    issues.push({ line: open.lines[1], message: `第${open.lines[1]}行段落未以句末标点结束，${why}` });
    paragraphs.push(open);
    open = undefined;
  };
  const startAnnex = (title: string, line: number) => {
    flushOpen('其后是附件，无法接续；请核对原文是否缺失文字。');
    annex = { title, line, livelihood: LIVELIHOOD.test(title) };
    annexes.push(annex);
    part = undefined;
    area = undefined;
  };

  for (const block of body) {
    const text = blockText(block);
    const tableRow = TABLE_ROW.test(text);
    const numbered = PART_RE.test(text) || AREA_RE.test(text) || ANNEX_HEADING.test(text);
    if (isChrome(text) || (footer && text.length <= 40 && !SENTENCE_END.test(text) && !numbered && !tableRow)) {
      // Page chrome after the body (上一篇/下一篇, 打印, 版权所有); a footer's short lines (相关新闻 headlines) go with it.
      footer ||= parts.length > 0 && !tableRow;
      chrome.push(blockLines(block));
      continue;
    }
    footer = false; // report text again: that chrome was a page break (下一页), not the footer
    const annexHeading = ANNEX_HEADING.exec(text);
    if (annexHeading && text.length <= 40) {
      startAnnex(annexHeading[1]!.trim(), block.pieces[0]!.line);
      continue;
    }
    if (annex && !annex.title && text.length <= 40 && !SENTENCE_END.test(text) && !PART_RE.test(text)) {
      annex.title = text; // 附件 on one line, its title on the next
      annex.titleLine = block.pieces[0]!.line;
      annex.livelihood = LIVELIHOOD.test(text);
      continue;
    }
    let p = annex ? undefined : asSection(block, PART_RE);
    // Numbering that starts again at 一、 once the parts are under way is an annex list (十件民生实事), not a part.
    if (!annex && parts.length >= 1 && (p?.number === 1 || /^一、[^。；]{2,40}。/.test(text))) {
      restartAnnex(block);
      p = undefined;
    }
    const a = p || annex ? undefined : (asSection(block, AREA_RE) ?? runInArea(block));
    if (p || (a && !runInArea(block))) {
      flushOpen('其后是标题，无法接续；请核对原文是否缺失文字。');
      if (p) {
        if (p.number !== (parts.at(-1)?.number ?? 0) + 1) issues.push({ line: p.line, message: `部分编号“${p.numeral}”不连续（上一部分为${parts.at(-1)?.numeral ?? '无'}）。` });
        parts.push(p);
        part = p;
        area = undefined;
      } else if (a) {
        pushArea(a);
      }
      continue;
    }
    if (a) {
      flushOpen('其后是下一工作方面，无法接续；请核对原文是否缺失文字。');
      pushArea(a);
    }
    if (tableRow) {
      // A table row is whole: it neither continues a cut paragraph nor waits for a continuation.
      flushOpen('其后是表格，无法接续；请核对原文是否缺失文字。');
      paragraphs.push(withContext({ pieces: [...block.pieces], text, lines: blockLines(block), tableRow: true }));
      continue;
    }
    if (block.type === 'heading' && !annex) {
      // An un-numbered heading stands alone: it is neither a continuation nor continued.
      issues.push({ line: block.pieces[0]!.line, message: `标题“${text}”没有“一、”或“（一）”式编号，未作为部分或工作方面；请核对原文的标题层级。` });
      flushOpen('其后是标题，无法接续；请核对原文是否缺失文字。');
      paragraphs.push(withContext({ pieces: [...block.pieces], text, lines: blockLines(block), heading: true }));
      continue;
    }
    if (open && !a) {
      open.pieces.push(...block.pieces);
    } else {
      open = withContext({ pieces: [...block.pieces], text: '', lines: [0, 0] });
      if (a) open.runIn = true;
    }
    open.text = blockText(open);
    open.lines = blockLines(open);
    if (SENTENCE_END.test(open.text)) {
      paragraphs.push(open);
      open = undefined;
    }
  }
  if (open) {
    issues.push({ line: open.lines[1], message: `文末段落未以句末标点结束，可能缺失文字；请核对原文。` });
    paragraphs.push(open);
  }
  if (chrome.length) meta.chrome = chrome;
  return { meta, parts, areas, paragraphs, annexes, issues };

  /** An annex list starting without 附件: its title is the short line above it, if any (十件民生实事). */
  function restartAnnex(block: Block) {
    let title = '';
    let line = block.pieces[0]!.line;
    const prev = paragraphs.at(-1);
    if (open && open.text.length <= 40) {
      ({ text: title, lines: [line] } = open);
      open = undefined;
    } else if (!open && prev && prev.text.length <= 40 && !SENTENCE_END.test(prev.text)) {
      ({ text: title, lines: [line] } = prev);
      paragraphs.pop();
    }
    startAnnex(title, line);
    // …集中办好以下十件民生实事： announces the list.
    if (!title && prev && LIVELIHOOD.test(prev.text) && /[：:]$/.test(prev.text)) annex!.livelihood = true;
  }
  function pushArea(a: Section) {
    if (a.number !== (area?.number ?? 0) + 1) issues.push({ line: a.line, message: `工作方面编号“${a.numeral}”不连续（上一方面为${area?.numeral ?? '无'}）。` });
    areas.push(a);
    area = a;
  }
  function withContext(x: Paragraph): Paragraph {
    if (part) x.part = part;
    if (area) x.area = area;
    if (annex) x.annex = annex;
    return x;
  }
}
