// Normalisation, query parsing, highlighting and URL state: the pure parts of search.
import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeWithMap, gramsForTerm, gramsOf } from '../src/lib/search/normalize';
import { parseQuery } from '../src/lib/search/query';
import { highlight, window } from '../src/lib/search/highlight';
import { decodeState, encodeState, type SearchState } from '../src/lib/search/url-state';

const hits = (segs: { text: string; hit: boolean }[]) => segs.filter((s) => s.hit).map((s) => s.text);

describe('normalisation', () => {
  it('applies NFKC, lower case, drops zero-width characters and turns U+3000 into a space', () => {
    expect(normalizeText('５Ｇ基站')).toBe('5g基站');
    expect(normalizeText('齐\u200b鲁\uFEFF石\u200d化')).toBe('齐鲁石化');
    expect(normalizeText('5G\u3000基站')).toBe('5g 基站');
    expect(normalizeText('齐鲁石化\u3000乙烯', false)).toBe('齐鲁石化 乙烯');
    expect(normalizeText('（牵头）')).toBe('(牵头)');
  });

  it('drops a space between two Han characters (names broken by extraction), keeping the offset map', () => {
    expect(normalizeText('区投资促进 中心')).toBe('区投资促进中心');
    expect(normalizeText('崔\u3000 赞、区财政局 2023年')).toBe('崔赞、区财政局 2023年');
    const { text, map } = normalizeWithMap('崔  燮 a');
    expect(text).toBe('崔燮 a');
    expect(map).toEqual([0, 3, 4, 5, 6]);
  });

  it('keeps a map from every normalised unit to the original, across non-BMP characters', () => {
    const original = '𠀀\u200bＡ𠀁b';
    const { text, map } = normalizeWithMap(original);
    expect(text).toBe('𠀀a𠀁b');
    // Each normalised unit maps to the start of its code point: 𠀀 (0..1), the dropped zero-width
    // space (2), Ａ (3), 𠀁 (4..5), b (6), then the end (7). A range end maps to the next code point.
    expect(map).toEqual([0, 0, 3, 4, 4, 6, 7]);
  });

  it('takes grams by code point: whole terms up to three characters, trigrams beyond, bounded', () => {
    expect(gramsForTerm('𠀀𠀁')).toEqual(['𠀀𠀁']);
    expect(gramsForTerm('镇')).toEqual(['镇']);
    expect(gramsForTerm('财政局')).toEqual(['财政局']);
    expect(gramsForTerm('齐鲁石化')).toEqual(['齐鲁石', '鲁石化']);
    expect(gramsForTerm('5g 基站')).toEqual(['5g', '基站']);
    const long = '统筹推进合里徐姚齐鲁石化体育场片区建设不断完善功能配套带动城市有机更新';
    const grams = gramsForTerm(long, 6);
    expect(grams).toHaveLength(6);
    expect(grams[0]).toBe('统筹推');
    expect(grams[5]).toBe('机更新');
    expect([...gramsOf('ab c𠀀d')].sort()).toEqual(['a', 'ab', 'b', 'c', 'c𠀀', 'c𠀀d', 'd', '𠀀', '𠀀d'].sort());
  });
});

describe('query parsing', () => {
  it('splits on ASCII and full-width spaces and ANDs the terms', () => {
    expect(parseQuery('齐鲁石化 乙烯').terms).toEqual(['齐鲁石化', '乙烯']);
    expect(parseQuery('齐鲁石化\u3000乙烯').terms).toEqual(['齐鲁石化', '乙烯']);
    expect(parseQuery('  5G基站  ').terms).toEqual(['5g基站']);
  });

  it('keeps a quoted phrase together and takes Fuse operators literally', () => {
    expect(parseQuery('"企业 520 家" 智能').terms).toEqual(['企业 520 家', '智能']);
    expect(parseQuery('“五个优化”').terms).toEqual(['五个优化']);
    expect(parseQuery("'齐鲁石化 !乙烯 ^区 局$ =完成 a|b").terms).toEqual(["'齐鲁石化", '!乙烯', '^区', '局$', '=完成', 'a|b']);
    // An unpaired quote, or quotes inside a word as pasted from a report, are ordinary characters.
    expect(parseQuery('"齐鲁').terms).toEqual(['"齐鲁']);
    expect(parseQuery('推进“五个优化”工作').terms).toEqual(['推进“五个优化”工作']);
    expect(parseQuery('“五个优化”工作 智能').terms).toEqual(['“五个优化”工作', '智能']);
  });
});

describe('highlighting', () => {
  it('maps hits back to the printed text around non-BMP and zero-width characters', () => {
    const { segments } = highlight('𠀀𠀁齐\u200b鲁石化𠀂', ['齐鲁石化']);
    expect(hits(segments)).toEqual(['齐\u200b鲁石化']);
    expect(segments.map((s) => s.text).join('')).toBe('𠀀𠀁齐\u200b鲁石化𠀂');
    expect(hits(highlight('新建ＡＢ５Ｇ基站', ['5g基站']).segments)).toEqual(['５Ｇ基站']);
    expect(hits(highlight('𠀀a𠀀a', ['𠀀a']).segments)).toEqual(['𠀀a𠀀a']);
  });

  it('windows long text without splitting a surrogate pair', () => {
    const text = '𠀀'.repeat(200) + '齐鲁石化' + '𠀁'.repeat(200);
    const out = window(highlight(text, ['齐鲁石化']).segments, 41);
    for (const s of out) expect(s.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(hits(out)).toEqual(['齐鲁石化']);
  });
});

describe('URL state', () => {
  const states: SearchState[] = [
    { q: '', page: 1 },
    { q: '齐鲁石化', page: 1 },
    { q: '齐鲁石化\u3000乙烯 "5G 基站" a&b=c#d', district: 'linzi', year: 2023, status: 'partial', unit: 'linzi-qu-fa-gai-ju', page: 3 },
    { q: "'!^$|", unit: 'zhangdian-qu-cai-zheng-ju', page: 2 },
  ];
  it('round-trips through the query string', () => {
    for (const s of states) expect(decodeState(encodeState(s))).toEqual(s);
    for (const s of states) expect(encodeState(decodeState(encodeState(s)))).toBe(encodeState(s));
  });
  it('drops malformed parameters instead of trusting them', () => {
    expect(decodeState('?q=x&year=20x3&status=%3Cb%3E&page=-1&district=<script>&unit=..%2F')).toEqual({ q: 'x', page: 1 });
  });
});
