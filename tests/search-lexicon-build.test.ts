// The lexicon build (src/lib/search/lexicon-build.ts): which printed forms of a unit join its group of
// other names, and the frequent words — the same answer as the straightforward scan it replaced
// (scripts/bench/straightforward-lexicon.ts), on the seeds, on them repeated across many districts,
// and on random names made to overlap.
import { describe, expect, it } from 'vitest';
import { buildLexicon, soleForms, type LexiconInput } from '~/lib/search/lexicon-build';
import { normalizeText } from '~/lib/search/normalize';
import { buildDocuments, searchText } from '~/lib/search/documents';
import { readSynonyms } from '~/lib/search/synonyms-file';
import { straightforwardLexicon } from '../scripts/bench/straightforward-lexicon';
import { realDataset, ROOT } from './helpers/repo-dataset';

type Unit = LexiconInput['units'][number];
const noSynonyms = { bodies: [], abbreviations: [], terms: [] };

/** The rule as first written: a form other than the name is kept when no other unit's name occurs in it. */
function scanned(units: Unit[]): string[][] {
  const norm = (s: string) => normalizeText(s).trim();
  return units.map((u) => [u.name, ...u.aliases, ...(u.variants ?? [])].filter((f) => f === u.name || !units.some((o) => o !== u && norm(f).includes(norm(o.name)))));
}

describe('soleForms: the forms that name one unit alone', () => {
  it('drops a printed variant gluing two units together, keeps each unit’s own forms', () => {
    const units: Unit[] = [
      { name: '闻韶街道办事处', aliases: ['闻韶街道'], variants: ['闻韶街道办事处稷下街道办事处', '闻韶 街道办事处'] },
      { name: '稷下街道办事处', aliases: ['稷下街道'], variants: ['稷下街道办事处、闻韶街道办事处'] },
      { name: '区财政局', aliases: ['财政局'], variants: [] },
    ];
    expect(soleForms(units)).toEqual([
      ['闻韶街道办事处', '闻韶街道', '闻韶 街道办事处'],
      ['稷下街道办事处', '稷下街道'],
      ['区财政局', '财政局'],
    ]);
  });

  it('matches names after normalisation (a broken space, full-width letters)', () => {
    const units: Unit[] = [
      { name: '区ＡＢ中心', aliases: [], variants: ['区ab中心区财政局'] },
      { name: '区财 政局', aliases: ['区 财政局（区ab中心）'], variants: [] },
    ];
    // 区财 政局 normalises to 区财政局, found in the first unit's variant; 区ＡＢ中心 to 区ab中心, found in the second's alias.
    expect(soleForms(units)).toEqual([['区ＡＢ中心'], ['区财 政局']]);
    expect(soleForms(units)).toEqual(scanned(units));
  });

  it('counts equal names per unit: a form holding its own name is dropped only when another unit bears that name', () => {
    const alone: Unit[] = [{ name: '区财政局', aliases: ['临淄区财政局'], variants: [] }];
    expect(soleForms(alone)).toEqual([['区财政局', '临淄区财政局']]);
    const twice: Unit[] = [alone[0]!, { name: '区财政局', aliases: ['张店区财政局'], variants: [] }];
    expect(soleForms(twice)).toEqual([['区财政局'], ['区财政局']]);
    expect(soleForms(twice)).toEqual(scanned(twice));
  });

  it('gives the scan’s answer on random overlapping names', () => {
    // Names and forms from a four-character alphabet, so they contain each other often.
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const word = (min: number, max: number) => Array.from({ length: min + rand(max - min + 1) }, () => '甲乙丙丁'[rand(4)]).join('');
    for (let round = 0; round < 40; round++) {
      const units: Unit[] = Array.from({ length: 1 + rand(12) }, () => ({
        name: word(1, 3),
        aliases: Array.from({ length: rand(3) }, () => word(1, 6)),
        variants: Array.from({ length: rand(3) }, () => word(2, 8)),
      }));
      expect(soleForms(units), JSON.stringify(units)).toEqual(scanned(units));
    }
  });
});

describe('buildLexicon equals the straightforward build', () => {
  const d = realDataset();
  const texts = buildDocuments(d).map(searchText);
  const synonyms = readSynonyms(ROOT);

  it('on the seeds', () => {
    const input: LexiconInput = { synonyms, units: d.units, leaders: d.leaders, texts };
    expect(d.units.length).toBeGreaterThan(20);
    expect(buildLexicon(input)).toEqual(straightforwardLexicon(input));
  });

  it('on the seeds’ units and leaders repeated in 30 districts, with glued variants', () => {
    const units: Unit[] = [];
    for (let k = 0; k < 30; k++) {
      for (const u of d.units) units.push({ name: u.name, aliases: u.aliases.map((a) => (k % 3 ? a : `${k}${a}`)), variants: [...u.variants, ...(k % 5 ? [] : [`${u.name}${d.units[k % d.units.length]!.name}`])] });
    }
    const leaders = Array.from({ length: 30 }, () => d.leaders).flat();
    const input: LexiconInput = { synonyms, units, leaders, texts: Array.from({ length: 3 }, () => texts).flat() };
    const ours = buildLexicon(input);
    expect(ours).toEqual(straightforwardLexicon(input));
    expect(ours.lexicon.groups.length).toBeGreaterThan(10);
  });

  it('counts a frequent word once per document, from four documents on', () => {
    const lex = (texts: string[]) => buildLexicon({ synonyms: noSynonyms, units: [], leaders: [], texts });
    // 乙烯 four times in one document is not frequent; in four documents it is (and 石化 in three is not).
    expect(lex(['乙烯乙烯 乙烯\n乙烯']).sounds.py.yixi).toBeUndefined();
    const four = lex(['齐鲁乙烯', '乙烯石化', 'x乙烯y石化', '乙烯\n石化']);
    expect(four.sounds.py.yixi).toBe('乙烯');
    expect(four.sounds.py.shihua).toBeUndefined();
    expect(four).toEqual(straightforwardLexicon({ synonyms: noSynonyms, units: [], leaders: [], texts: ['齐鲁乙烯', '乙烯石化', 'x乙烯y石化', '乙烯\n石化'] }));
  });
});
