// The search lexicon as it was first written (src/lib/search/lexicon-build.ts before it was made
// linear): every form of every unit checked against every other unit's name, everything normalised
// again at each use. Kept as the reference bench:search compares the build with, side by side, and
// the lexicon tests compare its output with, byte for byte. The t2s pairs are the module's own (their
// code did not change). Not used by the site.
import { pinyin } from 'pinyin-pro';
import type { IndexLexicon, IndexSounds } from '~/lib/search/index-format';
import { normalizeText } from '~/lib/search/normalize';
import { traditionalPairs, type LexiconInput } from '~/lib/search/lexicon-build';

const HAN = /^[\u4e00-\u9fff]+$/u;
const WORD_MIN_DOCS = 4;
const WORD_MAX = 2500;

function readingOf(word: string): string {
  if (!HAN.test(word)) return '';
  return pinyin(word, { toneType: 'none', type: 'array', v: true }).join('');
}

function initialsOf(word: string): string {
  if (!HAN.test(word)) return '';
  return pinyin(word, { pattern: 'first', toneType: 'none', type: 'array', v: true }).join('');
}

const sorted = <T>(xs: Iterable<T>) => [...xs].sort();

export function straightforwardLexicon(input: LexiconInput): { lexicon: IndexLexicon; sounds: IndexSounds } {
  const norm = (s: string) => normalizeText(s).trim();
  const groups: string[][] = [];
  const seenGroup = new Set<string>();
  const addGroup = (forms: string[]) => {
    const g = [...new Set(forms.map(norm).filter((f) => f.length >= 2))];
    if (g.length < 2) return;
    const key = sorted(g).join('|');
    if (seenGroup.has(key)) return;
    seenGroup.add(key);
    groups.push(g);
  };
  for (const e of [...input.synonyms.bodies, ...input.synonyms.abbreviations]) addGroup(e.forms);
  const unitNames = new Set<string>();
  for (const u of input.units) {
    const forms = [u.name, ...u.aliases, ...(u.variants ?? [])];
    // A printed variant that glues two units together (闻韶街道办事处稷下街道办事处) names neither alone.
    addGroup(forms.filter((f) => f === u.name || !input.units.some((o) => o !== u && norm(f).includes(norm(o.name)))));
    unitNames.add(norm(u.name));
    for (const a of u.aliases) unitNames.add(norm(a));
  }
  const leaderNames = new Set<string>();
  for (const l of input.leaders) {
    addGroup([l.name, ...l.variants]);
    leaderNames.add(norm(l.name));
  }

  // Words whose reading a query can resolve: names, the table's forms and terms, frequent words.
  const words = new Set<string>([...unitNames, ...leaderNames, ...groups.flat(), ...input.synonyms.terms.map(norm)]);
  const docFreq = new Map<string, number>();
  for (const t of input.texts) {
    const seen = new Set<string>();
    for (const run of t.match(/[\u4e00-\u9fff]{2,}/gu) ?? []) {
      const cps = Array.from(run);
      for (let i = 0; i + 2 <= cps.length; i++) seen.add(cps[i]! + cps[i + 1]!);
    }
    for (const w of seen) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
  }
  [...docFreq]
    .filter(([, n]) => n >= WORD_MIN_DOCS)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, WORD_MAX)
    .forEach(([w]) => words.add(w));

  const py = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, w: string) => {
    if (!k) return;
    const s = m.get(k) ?? new Set<string>();
    s.add(w);
    m.set(k, s);
  };
  for (const w of words) add(py, readingOf(w), w);
  const ini = new Map<string, Set<string>>();
  for (const w of [...unitNames, ...leaderNames]) {
    const i = initialsOf(w);
    if (i.length >= 2) add(ini, i, w);
  }
  const asRecord = (m: Map<string, Set<string>>) => Object.fromEntries(sorted(m.keys()).map((k) => [k, sorted(m.get(k)!).join('|')]));
  return { lexicon: { groups, t2s: traditionalPairs(input.texts) }, sounds: { py: asRecord(py), ini: asRecord(ini) } };
}
