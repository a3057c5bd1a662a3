// What else a query term may mean, in the order search trusts it: the term as typed (exact), its
// simplified form (財政 → 财政), other names of the same body or abbreviation (教育局 → 教体局,
// 棚改 → 棚户区改造; from the reviewed table and the units' printed forms, plus the regular patterns:
// district prefix, 局/委/办/中心 endings, 和/与 dropped), and — only when none of those matches
// anything — pinyin (jiaoyu, czj) and sound-alike typos (财正 → 财政). Runs in the browser: small
// tables from the index (lexicon.json, sounds.json, readings.json), no pinyin or OpenCC library.
import type { IndexLexicon, IndexReadings, IndexSounds } from './index-format';

export type MatchKind = 'exact' | 'form' | 'alias' | 'pinyin' | 'sound';

/** Lower is more trusted; results are listed by the least trusted way any of their terms matched. */
export const KIND_RANK: Record<MatchKind, number> = { exact: 0, form: 1, alias: 2, pinyin: 3, sound: 4 };

/** How a query term matched a document: shown beside each result. */
export const MATCH_KIND_LABELS: Record<MatchKind | 'fuzzy', string> = {
  exact: '原文匹配',
  form: '按简体匹配',
  alias: '按别称匹配',
  pinyin: '按拼音匹配',
  sound: '按读音匹配',
  fuzzy: '相近文字',
};

export interface Alternative {
  text: string;
  kind: MatchKind;
  /** Only in this district (临淄区财政局 → 区财政局 of 临淄区). */
  district?: string;
}

/** Endings of body names that readers swap (发改委 for 发改局, 投资促进局 for 投资促进中心). */
const ENDINGS = ['办公室', '中心', '局', '委', '办'];
/** Most alternatives one term may bring (each is a posting lookup or a text scan). */
const MAX_ALTERNATIVES = 24;
const MAX_READINGS = 64;

/** A name without what readers leave out or add: 和/与, a leading 区/市. */
const looseKey = (s: string) => s.replace(/[和与、]/gu, '').replace(/^[区市]/u, '');

export const EMPTY_LEXICON: IndexLexicon = { groups: [], t2s: '' };

export class Expander {
  private groupsOf = new Map<string, number[]>();
  private loose = new Map<string, Set<string>>();
  private maxLen = 0;
  private t2s = new Map<string, string>();
  private prefixes: { prefix: string; district: string }[];

  constructor(
    private lex: IndexLexicon,
    districts: readonly { id: string; name: string }[] = [],
  ) {
    lex.groups.forEach((g, gi) => {
      for (const f of g) {
        this.groupsOf.set(f, [...(this.groupsOf.get(f) ?? []), gi]);
        this.maxLen = Math.max(this.maxLen, f.length);
        const k = looseKey(f);
        if (k.length >= 2) this.loose.set(k, (this.loose.get(k) ?? new Set()).add(f));
      }
    });
    const pairs = Array.from(lex.t2s);
    for (let i = 0; i + 1 < pairs.length; i += 2) this.t2s.set(pairs[i]!, pairs[i + 1]!);
    // 临淄区财政局 / 临淄财政局 → 区财政局: longest first so 临淄区 wins over 临淄.
    this.prefixes = districts
      .flatMap((d) => [d.name, d.name.replace(/[区县市]$/u, '')].map((prefix) => ({ prefix, district: d.id })))
      .filter((p) => p.prefix.length >= 2)
      .sort((a, b) => b.prefix.length - a.prefix.length);
  }

  simplified(term: string): string {
    let out = '';
    for (const ch of term) out += this.t2s.get(ch) ?? ch;
    return out;
  }

  /** The term, its simplified form, and other names for what it names. */
  near(term: string): Alternative[] {
    const out = new Map<string, Alternative>([[term, { text: term, kind: 'exact' }]]);
    let district: string | undefined;
    const push = (text: string, kind: MatchKind) => {
      if (text.length >= 1 && !out.has(text) && out.size < MAX_ALTERNATIVES) out.set(text, district ? { text, kind, district } : { text, kind });
    };
    const s = this.simplified(term);
    push(s, 'form');
    for (const base of new Set([term, s])) {
      const bases: [string, string | undefined][] = [[base, undefined]];
      const p = this.prefixes.find((x) => base.startsWith(x.prefix) && base.length - x.prefix.length >= 2);
      if (p) {
        const rest = base.slice(p.prefix.length);
        bases.push([rest.startsWith('区') ? rest : `区${rest}`, p.district]);
      }
      for (const [b, d] of bases) {
        district = d;
        if (d) push(b, 'alias');
        for (const alt of this.replacements(b)) push(alt, 'alias');
        for (const f of this.loose.get(looseKey(b)) ?? []) {
          if (b.includes(f)) continue; // 区教育局 → 教育局 would only widen the term
          push(f, 'alias');
          for (const alt of this.replacements(f)) push(alt, 'alias');
        }
        const ending = ENDINGS.find((e) => b.endsWith(e) && b.length - e.length >= 2);
        if (ending) {
          const stem = b.slice(0, -ending.length);
          for (const e of ENDINGS) {
            if (e === ending) continue;
            const cand = stem + e;
            if (this.groupsOf.has(cand) || this.loose.has(looseKey(cand))) {
              push(cand, 'alias');
              for (const alt of this.replacements(cand)) push(alt, 'alias');
            }
          }
        }
      }
    }
    return [...out.values()];
  }

  /** The term with each name it contains (longest first, left to right) replaced by its other names. */
  private replacements(term: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < term.length; ) {
      let len = Math.min(this.maxLen, term.length - i);
      for (; len >= 2; len--) if (this.groupsOf.has(term.slice(i, i + len))) break;
      if (len < 2) {
        i++;
        continue;
      }
      const form = term.slice(i, i + len);
      for (const gi of this.groupsOf.get(form)!) {
        for (const f of this.lex.groups[gi]!) if (f !== form) out.push(term.slice(0, i) + f + term.slice(i + len));
      }
      i += len;
    }
    return out;
  }

  /** Pinyin (jiaoyu, czj) and sound-alike typos (财正 → 财政): for a term nothing else matched. */
  sound(term: string, sounds: IndexSounds, readings: IndexReadings): Alternative[] {
    const out = new Map<string, MatchKind>();
    if (/^[a-z]+$/.test(term)) {
      if (term.length < 2) return [];
      for (const w of (sounds.py[term] ?? '').split('|')) if (w) out.set(w, 'pinyin');
      for (const w of (sounds.ini[term] ?? '').split('|')) if (w && !out.has(w)) out.set(w, 'pinyin');
      // Several words typed as one (qilushihua → 齐鲁 + 石化): the fewest pieces the readings allow.
      if (!out.size) for (const w of spellWords(term, sounds)) out.set(w, 'pinyin');
      return [...out].map(([text, kind]) => ({ text, kind }));
    }
    const of = this.charReadings(readings);
    const chars = Array.from(term);
    // Longest stretch first: the whole term (教体句 → 教体局), then parts (财正收入 → 财政收入).
    for (let len = chars.length; len >= 2 && out.size < MAX_ALTERNATIVES; len--) {
      for (let i = 0; i + len <= chars.length; i++) {
        const part = chars.slice(i, i + len);
        let keys = [''];
        for (const ch of part) {
          const rs = of.get(ch);
          if (!rs) {
            keys = [];
            break;
          }
          keys = keys.flatMap((k) => rs.map((r) => k + r)).slice(0, MAX_READINGS);
        }
        const word = part.join('');
        for (const k of keys) {
          for (const w of (sounds.py[k] ?? '').split('|')) {
            if (w && w !== word && Array.from(w).length === len) {
              const text = chars.slice(0, i).join('') + w + chars.slice(i + len).join('');
              if (!out.has(text) && out.size < MAX_ALTERNATIVES) out.set(text, 'sound');
            }
          }
        }
      }
    }
    return [...out].map(([text, kind]) => ({ text, kind }));
  }

  private readingCache?: { from: IndexReadings; map: Map<string, string[]> };
  private charReadings(readings: IndexReadings): Map<string, string[]> {
    if (this.readingCache?.from === readings) return this.readingCache.map;
    const map = new Map<string, string[]>();
    for (const [syl, chars] of Object.entries(readings)) for (const ch of chars) map.set(ch, [...(map.get(ch) ?? []), syl]);
    this.readingCache = { from: readings, map };
    return map;
  }
}

/** Pinyin typed without spaces, read as two or three known words (qilushihua → 齐鲁石化). */
function spellWords(term: string, sounds: IndexSounds, pieces = 3): string[] {
  const out: string[] = [];
  for (let cut = term.length - 2; cut >= 2 && out.length < 16; cut--) {
    const head = sounds.py[term.slice(0, cut)];
    if (!head) continue;
    const rest = term.slice(cut);
    const tails = sounds.py[rest] ? sounds.py[rest].split('|') : pieces > 2 ? spellWords(rest, sounds, pieces - 1) : [];
    for (const h of head.split('|')) for (const t of tails) if (out.length < 16) out.push(h + t);
  }
  return out;
}
