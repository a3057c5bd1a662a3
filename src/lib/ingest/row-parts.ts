import type { Column } from '../schema';
import type { GroupHeading } from './group-heading';
import { unitRoleOfLabel } from './header';
import type { LabelledField } from './labelled-fields';
import { parseLeaders, parseUnits, type ParsedUnit } from './units';
import type { ParsedRow } from './parse-report';

// Pieces shared by every layout: units read per column or field with the role its label gives, and the
// group heading a row sits under (its leaders and units apply to rows that name none of their own).

export interface RowGroup {
  heading: string;
  line: number;
  /** Outer headings, outermost first. */
  within?: { heading: string; line: number }[];
}

/** Units from one or more labelled texts: 牵头单位 → lead, 配合单位 → assist, else as the text marks them. */
export function unitsFromLabelled(parts: { label: string; text: string }[]): { units: ParsedUnit[]; printed: string } {
  const nonEmpty = parts.filter((p) => p.text.trim() !== '');
  if (nonEmpty.length === 1 && !unitRoleOfLabel(nonEmpty[0]!.label)) return { units: parseUnits(nonEmpty[0]!.text), printed: nonEmpty[0]!.text };
  const units = nonEmpty.flatMap((p) => {
    const role = unitRoleOfLabel(p.label);
    // The column's role applies where the cell marks none ("区住建委（牵头） 区财政局" under 牵头单位 keeps its marks).
    return parseUnits(p.text).map((u) => (role && u.role === 'unmarked' ? { ...u, role } : u));
  });
  // Next to a 牵头单位 list, a 责任单位 list is the participating units; next to 配合单位 only, it is the lead.
  const leadLabel = nonEmpty.some((p) => unitRoleOfLabel(p.label) === 'lead');
  const fixed = units.map((u) => (u.role === 'unmarked' ? { ...u, role: leadLabel ? ('assist' as const) : ('lead' as const) } : u));
  return { units: nonEmpty.length > 1 ? fixed : units, printed: nonEmpty.map((p) => (nonEmpty.length > 1 ? `${p.label}：${p.text}` : p.text)).join('\n') };
}

export function unitColumnsOf(columns: Column[]): number[] {
  return columns.flatMap((c, i) => (c.key === 'units' ? [i] : []));
}

/** The row's group (innermost heading) and the leaders/units its headings name, innermost first. */
function groupOf(stack: GroupHeading[]): { group?: RowGroup; fields: LabelledField[] } {
  if (stack.length === 0) return { fields: [] };
  const inner = stack[stack.length - 1]!;
  const group: RowGroup = { heading: inner.heading, line: inner.line };
  if (stack.length > 1) group.within = stack.slice(0, -1).map((g) => ({ heading: g.heading, line: g.line }));
  const fields = [...stack].reverse().flatMap((g) => g.fields);
  return { group, fields };
}

/** Leaders and units a heading names, for rows that have none of their own. */
function inheritedPeople(fields: LabelledField[]): { leaders: { name: string; printed: string }[]; leadersPrinted?: string; units: ParsedUnit[]; unitsPrinted?: string } {
  const leaderField = fields.find((f) => f.key === 'leaders');
  const unitFields = fields.filter((f) => f.key === 'units');
  const out: ReturnType<typeof inheritedPeople> = { leaders: [], units: [] };
  if (leaderField) {
    out.leaders = parseLeaders(leaderField.value);
    out.leadersPrinted = leaderField.value;
  }
  if (unitFields.length > 0) {
    const u = unitsFromLabelled(unitFields.map((f) => ({ label: f.label, text: f.value })));
    out.units = u.units;
    out.unitsPrinted = u.printed;
  }
  return out;
}

/** A row under group headings: keep the group; leaders and units the headings name apply when the row names none. */
export function applyGroup(row: ParsedRow, headings: GroupHeading[]): void {
  const { group, fields } = groupOf(headings);
  if (!group) return;
  row.group = group;
  const inherited = inheritedPeople(fields);
  if (row.leaders.length === 0 && inherited.leaders.length > 0) {
    row.leaders = inherited.leaders;
    row.leadersPrinted = inherited.leadersPrinted!;
  }
  if (row.units.length === 0 && inherited.units.length > 0) {
    row.units = inherited.units;
    row.unitsPrinted = inherited.unitsPrinted!;
  }
}

