// Synthetic search corpora for the benchmark and the sharded-mode tests: documents assembled from the
// seed reports' own clauses and unit names, with a seeded PRNG so every run sees the same corpus.
// Not shipped to the browser.
import type { Status } from '~/lib/schema';

// The statuses the synthetic corpus draws from (the four the seeds state), fixed so the corpus does not change when statuses are added.
const STATUSES: readonly Status[] = ['done', 'partial', 'notDone', 'transferred'];
import type { SearchDoc, SearchField } from '~/lib/search/documents';
import { prng } from './prng';

export { prng };

const CJK = /[\u4e00-\u9fff]/u;

export interface Vocabulary {
  clauses: string[];
  units: string[];
  names: string[];
}

/** Clauses, unit names and person-name characters taken from the seed texts (sorted: deterministic). */
export function vocabularyFrom(texts: readonly string[]): Vocabulary {
  const clauses = new Set<string>();
  const units = new Set<string>();
  for (const raw of texts) {
    const text = raw.replace(/<[^>]*>/g, '').replace(/[#*|]/g, '');
    for (const c of text.split(/[。；;，,、\s：:！？!?（）()“”]/u)) {
      const t = c.replace(/\s+/g, '').trim();
      const n = Array.from(t).length;
      if (n >= 4 && n <= 48 && CJK.test(t) && !/^[-—\d.%]+$/.test(t)) clauses.add(t);
    }
    // Unit cells list names separated by spaces: keep the tokens that look like a unit's name.
    for (const tok of text.split(/[\s、，,；;]+/u)) {
      const m = /^([\u4e00-\u9fff]{2,12}(?:局|办|办公室|委|中心|街道|镇|管委会|分局))(?:（牵头）|\(牵头\))?$/u.exec(tok);
      if (m && !/^(?:加快|建设|依托|努力|到|与|推进|打造|促|全区|个)/u.test(m[1]!)) units.add(m[1]!);
    }
  }
  const names = ['郭克华', '贾继元', '房美男', '于海南', '高晋', '崔赟', '王学刚', '李明', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '孙丽'];
  return { clauses: [...clauses].sort(), units: [...units].sort(), names };
}

export interface SyntheticCorpus {
  docs: SearchDoc[];
  districts: { id: string; name: string }[];
  units: { id: string; name: string; district: string; aliases: string[] }[];
}

const STATUS_WORDS: Partial<Record<Status, string>> = { done: '完成。', partial: '部分完成。', notDone: '未完成。' };

export function syntheticCorpus(vocab: Vocabulary, count: number, seed = 20261123): SyntheticCorpus {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[], skew = 1.6) => xs[Math.floor(xs.length * Math.pow(rnd(), skew))]!;
  const nDistricts = Math.max(2, Math.ceil(count / 2500));
  const districts = Array.from({ length: nDistricts }, (_, i) =>
    i === 0 ? { id: 'zhangdian', name: '张店区' } : i === 1 ? { id: 'linzi', name: '临淄区' } : { id: `d${String(i).padStart(3, '0')}`, name: `合成${i}区` },
  );
  const units: SyntheticCorpus['units'] = [];
  const unitsOf = districts.map((d) => {
    const own = new Set<string>();
    while (own.size < Math.min(60, vocab.units.length)) own.add(pick(vocab.units, 1.2));
    return [...own].sort().map((name, k) => {
      const u = { id: `${d.id}-u${k}`, name, district: d.id, aliases: name.startsWith('区') ? [name.slice(1)] : [] };
      units.push(u);
      return u;
    });
  });
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    return Array.from({ length: n }, () => pick(vocab.clauses)).join('，') + '。';
  };
  const years = [2025, 2024, 2023, 2022, 2021, 2020];
  const docs: SearchDoc[] = [];
  const perDistrictYear = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const di = Math.floor(rnd() * nDistricts);
    const d = districts[di]!;
    const year = years[Math.floor(rnd() * years.length)]!;
    const key = `${d.id}-${year}`;
    const number = (perDistrictYear.get(key) ?? 0) + 1;
    perDistrictYear.set(key, number);
    const status = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
    const myUnits = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(unitsOf[di]!, 1.3)))];
    const leaders = [...new Set([pick(vocab.names, 1), pick(vocab.names, 1)])];
    const fields: SearchField[] = [
      ['pledge', '年度目标任务', sentence(2, 4)],
      ['target', '第三季度目标', sentence(1, 3)],
      ['result', '第三季度完成情况', (STATUS_WORDS[status] ?? '') + sentence(2, 5)],
      ['unit', '责任单位', myUnits.map((u) => u.name).join('、')],
      ['leader', '分管领导', leaders.join('、')],
      ['place', '区县·年份', `${d.name} ${year}年`],
    ];
    const id = `${d.id}-${year}-${String(number).padStart(3, '0')}`;
    docs.push({
      id,
      url: `${d.id}/${year}/tasks/${String(number).padStart(3, '0')}/`,
      district: d.id,
      districtName: d.name,
      year,
      number,
      report: '第三季度完成情况通报',
      reportUrl: `${d.id}/${year}/q3/`,
      status,
      statusSource: STATUS_WORDS[status] ? 'stated' : 'none',
      unitIds: myUnits.map((u) => u.id),
      fields,
    });
  }
  return { docs, districts, units };
}
