import { readLabelledFields, type LabelledField } from './labelled-fields';

// A group heading inside a table or list: "一、主要经济社会发展指标（牵头领导：张三）", "（一）坚定不移做强增长引擎".
// It applies to the rows below it (their area, and the leaders/units it names) until the next heading of
// the same or a higher level. It is never a task and never swallows the row after it.

export interface GroupHeading {
  /** The heading as printed, numbering kept, fields in brackets removed: "一、主要经济社会发展指标". */
  heading: string;
  line: number;
  /** 1: 一、 · 2: （一） · 3: an unnumbered sub-heading in a list. */
  level: number;
  /** Fields the heading names in brackets (牵头领导：…；责任单位：…). */
  fields: LabelledField[];
}

const LEVEL1 = /^\s*(?:第[一二三四五六七八九十百]+(?:部分|章|节|类|方面)|[一二三四五六七八九十百]+\s*[、.．])\s*\S/;
const LEVEL2 = /^\s*[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*\S/;

/** The level of a numbered heading, or undefined when the text does not open like one. */
export function headingLevel(text: string): 1 | 2 | undefined {
  const t = text.replace(/<[^>]*>/g, '').replace(/^\s*#+\s*/, '');
  if (LEVEL1.test(t)) return 1;
  if (LEVEL2.test(t)) return 2;
  return undefined;
}

/** Read a heading's text: the fields in its trailing brackets are split off. */
export function readGroupHeading(text: string, line: number, level: number): GroupHeading {
  const plain = text.replace(/<[^>]*>/g, '').replace(/^\s*#+\s*/, '').replace(/\s+/g, ' ').trim();
  const { head, fields } = readLabelledFields(plain);
  return { heading: (fields.length > 0 ? head : plain).trim(), line, level, fields };
}

/** Keep the open headings: a new heading closes those at its level and below. */
export function pushHeading(stack: GroupHeading[], h: GroupHeading): GroupHeading[] {
  return [...stack.filter((g) => g.level < h.level), h];
}
