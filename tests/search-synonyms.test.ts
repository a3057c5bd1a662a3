// The reviewed synonym table: valid as committed, and a bad entry is reported by file and line.
import { describe, expect, it } from 'vitest';
import { parseSynonyms, readSynonyms, SynonymsError } from '~/lib/search/synonyms-file';
import { Expander } from '~/lib/search/expand';
import { buildLexicon } from '~/lib/search/lexicon-build';
import { ROOT } from './helpers/repo-dataset';

describe('content/aliases/search-synonyms.yaml', () => {
  it('reads as committed: every entry has a source or a reason', () => {
    const table = readSynonyms(ROOT);
    expect(table.bodies.length).toBeGreaterThan(20);
    expect(table.abbreviations.some((e) => e.forms.includes('棚改') && e.forms.includes('棚户区改造'))).toBe(true);
    for (const e of [...table.bodies, ...table.abbreviations]) expect(e.source ?? e.reason).toBeTruthy();
  });

  it('names the file and line of an entry without a source or reason, and says what to do', () => {
    const text = 'bodies:\n  - forms: [教体局, 教育局]\n    reason: 全称\n  - forms: [发改局, 发改委]\n';
    const refused = (t: string) => {
      try {
        parseSynonyms(t);
      } catch (e) {
        expect(e).toBeInstanceOf(SynonymsError);
        return (e as SynonymsError).problems;
      }
      throw new Error('accepted');
    };
    const file = 'content/aliases/search-synonyms.yaml';
    const hint = expect.stringMatching(/^请/);
    expect(refused(text)).toEqual([{ file, line: 4, message: 'bodies[1]: 每条都要写明 source（出处）或 reason（理由）', hint }]);
    expect(refused('bodies:\n  - forms: [教体局]\n    reason: x\n')).toEqual([{ file, line: 2, message: expect.stringMatching(/^bodies\[0\]\.forms: 至少要有两个名称/), hint }]);
    expect(refused('bodies: [\n')).toEqual([{ file, line: expect.any(Number), message: expect.stringMatching(/^YAML 语法错误/), hint }]);
    expect(refused('bodies:\n  - forms: [a1, b1]\n    reason: x\n  - forms: [a1, c1]\n    reason: y\n')).toEqual([{ file, message: '“a1”出现在两条同义词里：同一名称只能属于一组', hint: '请合并这两条。' }]);
  });

  it('expands a name to its other names, by the table and by the regular patterns', () => {
    const { lexicon } = buildLexicon({
      synonyms: parseSynonyms('bodies:\n  - forms: [教体局, 教育局, 教育和体育局]\n    reason: x\n'),
      units: [{ name: '区投资促进中心', aliases: ['投资促进中心'] }],
      leaders: [],
      texts: [],
    });
    const x = new Expander(lexicon, [{ id: 'linzi', name: '临淄区' }]);
    const texts = (t: string) => x.near(t).map((a) => a.text);
    expect(texts('区教育局').slice(0, 3)).toEqual(['区教育局', '区教体局', '区教育和体育局']);
    expect(texts('区教育局')).not.toContain('教育局'); // never only a wider term
    expect(texts('教育与体育局')).toContain('教育和体育局'); // 和/与
    expect(texts('投资促进局')).toContain('投资促进中心'); // 局/中心 ending
    expect(x.near('临淄区教育局').filter((a) => a.district === 'linzi').map((a) => a.text).slice(0, 3)).toEqual(['区教育局', '区教体局', '区教育和体育局']);
    expect(x.near('乙烯')).toEqual([{ text: '乙烯', kind: 'exact' }]);
  });
});
