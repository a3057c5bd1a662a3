// Similar pledges: the inverted index must find what a brute-force all-pairs scan finds on the real
// pledges (so the pruning loses nothing that matters), respect the threshold, and never pair a
// pledge with its own year or another district.
import { describe, expect, it } from 'vitest';
import { bigrams, dice, similarPledges, SIMILARITY_THRESHOLD, MAX_SIMILAR, type SimilarDoc } from '../src/lib/site/similar';
import { loadDataset } from './helpers/built-site';

describe('bigrams and dice', () => {
  it('drops punctuation and spaces and pairs adjacent characters', () => {
    expect([...bigrams('启动 市民，文化')]).toEqual(['启动', '动市', '市民', '民文', '文化']);
    expect([...bigrams('ＰＭ2.5')]).toEqual(['PM', 'M2', '25']); // NFKC folds full-width letters
  });
  it('scores identical texts 1 and disjoint texts 0', () => {
    expect(dice(bigrams('启动市民文化中心建设'), bigrams('启动市民文化中心建设。'))).toBe(1);
    expect(dice(bigrams('启动市民'), bigrams('棚户改造'))).toBe(0);
    expect(dice(bigrams('启动市民文化中心建设，打造文体会展综合体。'), bigrams('启动市民文化中心建设。'))).toBeCloseTo(0.667, 2);
  });
});

describe('similarPledges', () => {
  const docs: SimilarDoc[] = [
    { id: 'a-2020-1', district: 'a', year: 2020, text: '启动市民文化中心建设，打造文体会展综合体。' },
    { id: 'a-2020-2', district: 'a', year: 2020, text: '启动市民文化中心建设。' }, // same year: never listed
    { id: 'a-2021-1', district: 'a', year: 2021, text: '启动市民文化中心建设。' },
    { id: 'b-2021-1', district: 'b', year: 2021, text: '启动市民文化中心建设。' }, // other district: never listed
    { id: 'a-2022-1', district: 'a', year: 2022, text: '新建200处5G基站。' },
  ];
  it('lists only other years of the same district, above the threshold', () => {
    const m = similarPledges(docs);
    expect(m.get('a-2020-1')!.map((h) => h.id)).toEqual(['a-2021-1']);
    expect(m.get('a-2021-1')!.map((h) => h.id)).toEqual(['a-2020-2', 'a-2020-1']);
    expect(m.get('a-2022-1')).toEqual([]);
    expect(m.get('b-2021-1')).toEqual([]);
  });
  it('the threshold cuts: raising it above a pair’s score removes the pair', () => {
    expect(similarPledges(docs, 0.7).get('a-2020-1')).toEqual([]);
  });

  it('on the real pledges, matches a brute-force all-pairs scan', () => {
    const ds = loadDataset();
    const real = ds.tasks.map((t) => ({ id: t.id, district: t.district, year: t.year, text: t.pledge.text }));
    const fast = similarPledges(real);
    const grams = new Map(real.map((d) => [d.id, bigrams(d.text)]));
    let pairs = 0;
    for (const d of real) {
      const brute = real
        .filter((o) => o.district === d.district && o.year !== d.year)
        .map((o) => ({ id: o.id, score: dice(grams.get(d.id)!, grams.get(o.id)!) }))
        .filter((h) => h.score >= SIMILARITY_THRESHOLD)
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, MAX_SIMILAR);
      expect(fast.get(d.id), d.id).toEqual(brute);
      pairs += brute.length;
    }
    expect(pairs).toBeGreaterThan(10); // the seeds do repeat pledges across years (临淄 2021 ↔ 2023)
  });

  it('does not compare all pairs: scoring work is bounded per pledge, and boilerplate nominates nothing', () => {
    // 4 years × 500 pledges that share only boilerplate (加快推进) plus a bigram unique to each.
    const many: SimilarDoc[] = [];
    for (let y = 0; y < 4; y++) for (let i = 0; i < 500; i++) many.push({ id: `x-${y}-${i}`, district: 'x', year: 2000 + y, text: `加快推进${String.fromCodePoint(0x4e00 + i * 4 + y)}${String.fromCodePoint(0x5000 + i)}` });
    const stats = { scored: 0 };
    const m = similarPledges(many, SIMILARITY_THRESHOLD, MAX_SIMILAR, stats);
    expect(stats.scored).toBe(0); // all-pairs would score 2000 × 1500
    expect([...m.values()].every((hs) => hs.length === 0)).toBe(true);
    // On the same corpus with one real repeat per pledge, each pledge scores only its few candidates.
    const repeated = many.map((d) => ({ ...d, text: `${d.text}棚户区改造${String.fromCodePoint(0x6000 + Number(d.id.split('-')[2]))}项目` }));
    const s2 = { scored: 0 };
    similarPledges(repeated, SIMILARITY_THRESHOLD, MAX_SIMILAR, s2);
    expect(s2.scored).toBeLessThanOrEqual(repeated.length * 3);
  });

  it('when more candidates tie than get an exact score, the first in the list are scored (the same pick as sorting them all)', () => {
    // 20 later-year pledges share the same three bigrams with x; the later in the list, the shorter and so
    // the closer to x. Only the first 15 are scored, so the best 5 of those win, not the overall best.
    const cjk = (from: number, n: number) => Array.from({ length: n }, (_, i) => String.fromCodePoint(from + i)).join('');
    const docs: SimilarDoc[] = [{ id: 'x', district: 'd', year: 2020, text: '甲乙丙丁' }];
    for (let k = 0; k < 20; k++) docs.push({ id: `c${String(k).padStart(2, '0')}`, district: 'd', year: 2021, text: `甲乙丙丁${cjk(0x5000 + k * 32, 20 - k)}` });
    // Unrelated pledges, so that the shared bigrams are not common enough to count as boilerplate.
    for (let k = 0; k < 100; k++) docs.push({ id: `f${k}`, district: 'd', year: 2019, text: cjk(0x6000 + k * 4, 3) });
    const stats = { scored: 0 };
    const hits = similarPledges(docs, SIMILARITY_THRESHOLD, MAX_SIMILAR, stats).get('x')!;
    expect(hits.map((h) => h.id)).toEqual(['c14', 'c13', 'c12', 'c11', 'c10']);
    expect(hits[0]!.score).toBe(dice(bigrams(docs[0]!.text), bigrams(docs[15]!.text)));
    expect(hits[0]!.score).toBe(0.5);
  });
});
