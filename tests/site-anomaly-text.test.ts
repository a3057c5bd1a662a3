import { describe, expect, test } from 'vitest';
import { ANOMALY_LABELS, plainMessage } from '~/lib/site/anomaly-text';
import { anomalyKindSchema } from '~/lib/schema/anomaly';
import { repoDataset } from './helpers/repo-dataset';

describe('quality page wording', () => {
  test('every kind of problem has a plain Chinese name (no codes)', () => {
    for (const k of anomalyKindSchema.options) expect(ANOMALY_LABELS[k], k).toMatch(/^[\u4e00-\u9fff（）]+$/u);
  });

  test('the seeds’ messages carry no repository paths, file names or maintainer instructions', () => {
    const { dataset } = repoDataset();
    expect(dataset.anomalies.length).toBeGreaterThan(0);
    for (const a of dataset.anomalies) {
      const m = plainMessage(a);
      expect(m, a.id).not.toMatch(/content\/|\.yaml|登记|aliases/);
      expect(m, a.id).toMatch(/。$/);
      expect(m.length, a.id).toBeGreaterThan(8);
    }
    const name = dataset.anomalies.find((a) => a.kind === 'unknown-name')!;
    expect(plainMessage(name)).toBe('分管区领导“崔贊晋”与本站整理的人名和单位名单对不上：可能是误印，请以原文件为准。');
  });
});
