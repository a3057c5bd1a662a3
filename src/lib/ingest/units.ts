import type { UnitRole } from '../schema';
import { REPLACEMENT_CHAR } from './text';

export interface ParsedUnit {
  /** Name with PDF breaks rejoined and role words removed (not yet alias-normalised). */
  name: string;
  /** As printed in the cell, e.g. "区行政审批 服务局 (牵头)". */
  printed: string;
  role: UnitRole;
  /** For units named inside a command post's parentheses: the command post's name. */
  via?: string;
}

// A name is complete when it ends like an institution. A piece that is not complete was broken by a PDF
// line wrap ("区行政审批 服务局") and joins the next; a piece that is only an institutional suffix
// ("金岭回族镇 政府") joins the previous.
const COMPLETE =
  /(局|委|办|会|中心|处|所|院|站|队|部|政府|街道|镇|乡|社|联|行|公司|集团|厂|馆|校|团|室|组|专班|单位|指挥部|管委|开发区|示范区|化工区|园区|园|科|股|台)$/;
const SUFFIX_ONLY = /^(政府|分局|支行|中心|服务中心|管委会|管委|办公室|专班|局|办|委|所|站|办事处|街道办事处|有限公司|公司)$/;
const LEAD_MARK = /[（(]\s*牵\s*头\s*[）)]/;
const COMMAND_POST = /^(.+?(?:指挥部|专班|领导小组|工作组|办公室))\s*[（(](.*?)(?:[）)]|$)/s;

function clean(s: string): string {
  return s.replace(new RegExp(REPLACEMENT_CHAR, 'g'), '').replace(/\s+/g, '').trim();
}

/** Split a 责任单位 cell into units with roles. `text` is the cell's plain text (newlines kept). */
export function parseUnits(text: string, { columnMarksLead = false } = {}): ParsedUnit[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const post = COMMAND_POST.exec(trimmed.replace(/\n/g, ' '));
  if (post && /牵头|配合|参与/.test(post[2]!)) return withRoles(commandPost(post[1]!, post[2]!));
  const units = withRoles(splitNames(trimmed));
  // Under a 牵头单位 header the document marks every unit in the column as lead (unless the cell marks its own).
  return columnMarksLead && !units.some((u) => u.role === 'lead') ? units.map((u) => (u.role === 'unmarked' ? { ...u, role: 'lead' } : u)) : units;
}

/** "…指挥部（区交通运输局牵头，区自然资源局、辛店街道配合）" → the post, its lead and its assisting units. */
function commandPost(postName: string, inner: string): ParsedUnit[] {
  const name = clean(postName);
  const units: ParsedUnit[] = [{ name, printed: postName.trim(), role: 'unmarked' }];
  for (const clause of inner.split(/[，,；;]/)) {
    const role: UnitRole = /牵头/.test(clause) ? 'lead' : 'assist';
    const body = clause.replace(/(牵头|配合|参与|协办)\s*$/, '');
    for (const piece of body.split(/[、\s]+/)) {
      const n = clean(piece);
      if (n) units.push({ name: n, printed: piece.trim(), role, via: name });
    }
  }
  return units;
}

interface Draft {
  name: string;
  printed: string;
  lead: boolean;
  data: boolean;
}

function splitNames(text: string): ParsedUnit[] {
  const tokens = text
    .replace(new RegExp(LEAD_MARK.source, 'g'), ' $& ')
    // "区文旅局牵头 齐都镇政府": the lead mark printed without brackets.
    .replace(/(?<=[局委办会心部府])牵头(?=\s|$)/g, ' 牵头 ')
    .split(/[\s\u3000、，,；;]+/)
    .filter((t) => t !== '');
  const drafts: Draft[] = [];
  let pending: Draft | null = null;
  const close = () => {
    if (pending) drafts.push(pending);
    pending = null;
  };
  for (const token of tokens) {
    if (LEAD_MARK.test(token) || token === '牵头') {
      const target: Draft | undefined = pending ?? drafts[drafts.length - 1];
      if (target) {
        target.lead = true;
        // Keep the printed spacing: "区发改局（牵头）" vs "区统计局 (牵头)".
        target.printed += text.includes(`${target.printed}${token}`) ? token : ` ${token}`;
      }
      close();
      continue;
    }
    const data = /提供数据$/.test(token);
    const piece = token.replace(/提供数据$/, '');
    if (pending) {
      pending.name += piece;
      pending.printed += ` ${token}`;
      pending.data ||= data;
    } else if (SUFFIX_ONLY.test(clean(piece)) && drafts.length > 0) {
      const prev = drafts[drafts.length - 1]!;
      prev.name += piece;
      prev.printed += ` ${token}`;
      continue;
    } else {
      pending = { name: piece, printed: token, lead: false, data };
    }
    if (data || COMPLETE.test(clean(pending.name))) close();
  }
  close();
  return drafts
    .map((d) => ({ name: clean(d.name), printed: d.printed, role: (d.data ? 'data' : d.lead ? 'lead' : 'unmarked') as UnitRole }))
    .filter((u) => u.name !== '');
}

/**
 * Marked lead → the others assist; nothing marked → every unit is unmarked, a sole unit included: a unit
 * is 牵头 only where the document prints it, and a unit listed alone under 责任单位 is a 责任单位.
 */
function withRoles(units: ParsedUnit[]): ParsedUnit[] {
  const hasLead = units.some((u) => u.role === 'lead' && !u.via);
  return units.map((u) => {
    if (u.role === 'data' || u.via) return u;
    if (hasLead) return { ...u, role: u.role === 'lead' ? 'lead' : 'assist' };
    return { ...u, role: 'unmarked' };
  });
}

/** Split a 分管区领导 cell into names. One-character pieces are halves of a name a PDF broke ("崔 燮"). */
export function parseLeaders(text: string): { name: string; printed: string }[] {
  const tokens = text.split(/[\s\u3000、，,；;]+/).filter((t) => t !== '');
  const out: { name: string; printed: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let name = tokens[i]!;
    let printed = name;
    while ([...clean(name)].length === 1 && i + 1 < tokens.length) {
      name += tokens[++i]!;
      printed += ` ${tokens[i]!}`;
    }
    const n = clean(name);
    if (n) out.push({ name: n, printed });
  }
  return out;
}
