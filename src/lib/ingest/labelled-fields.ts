import type { ColumnKey } from '../schema';
import { classifyHeaderCell } from './header';

// Labelled fields written inline instead of in columns: "(责任领导:杜新国;牵头单位:区发改局)" after a list
// item, "牵头领导:林静国 责任单位:… 实际完成情况:…" in running text. A label is a header word followed by a
// colon; its role comes from the same header vocabulary as a table's columns (header.ts), so 牵头单位 here
// means what 牵头单位 means as a column.

export interface LabelledField {
  label: string;
  key: ColumnKey;
  value: string;
  /** Text after a name-like value that belongs to no label (a flattened sub-table in running text). */
  loose?: string;
}

// 2–8 Han characters and a colon, after the start, a space, a bracket or punctuation.
const LABEL = /(^|[\s(（;；，,。、])([\p{Script=Han}]{2,8}?)\s*[:：]/gu;
// Fields whose value is a name or a list of names end at the first space in running text.
const NAME_KEYS: ColumnKey[] = ['leaders', 'units'];
const PERSON = /(人|领导)$/;

function keyOf(label: string): ColumnKey | undefined {
  const key = classifyHeaderCell(label);
  if (key && key !== 'number' && key !== 'pledge' && key !== 'target') return key;
  if (PERSON.test(label) || /(单位|部门)$/.test(label)) return 'extra';
  return undefined;
}

/** Where the labels are in a text: index of the label, index where its value starts. */
function findLabels(text: string): { at: number; valueAt: number; label: string; key: ColumnKey }[] {
  const out: { at: number; valueAt: number; label: string; key: ColumnKey }[] = [];
  for (const m of text.matchAll(LABEL)) {
    const label = m[2]!;
    // "项目责任人" would also match as "责任人" later: take the whole run of Han characters before the colon.
    const key = keyOf(label);
    if (!key) continue;
    const at = m.index! + m[1]!.length;
    out.push({ at, valueAt: m.index! + m[0].length, label, key });
  }
  return out;
}

/**
 * Split a text into what comes before its first label (`head`) and its labelled fields. Bracketed
 * fields "(责任领导:…;牵头单位:…)" are read from inside their brackets; the brackets are not part of head.
 */
export function readLabelledFields(text: string): { head: string; fields: LabelledField[] } {
  const labels = findLabels(text);
  if (labels.length === 0) return { head: text, fields: [] };
  let head = text.slice(0, labels[0]!.at);
  let bracketed = false;
  if (/[(（]\s*$/.test(head)) {
    head = head.replace(/[(（]\s*$/, '');
    bracketed = true;
  }
  const fields: LabelledField[] = labels.map((l, i) => {
    const end = i + 1 < labels.length ? labels[i + 1]!.at : text.length;
    let value = text.slice(l.valueAt, end).replace(/[\s;；，,]+$/, '');
    if (bracketed || i === labels.length - 1) value = value.replace(/[)）]\s*[。.]?\s*$/, '');
    const field: LabelledField = { label: l.label, key: l.key, value: value.trim() };
    if (!bracketed && (NAME_KEYS.includes(l.key) || (l.key === 'extra' && PERSON.test(l.label)))) {
      const space = field.value.search(/\s/);
      if (space > 0) {
        field.loose = field.value.slice(space).trim();
        field.value = field.value.slice(0, space);
      }
    }
    return field;
  });
  return { head: head.trim(), fields };
}
