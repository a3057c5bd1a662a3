// Feeds per responsible unit and per leader: one item per report naming them, counts that match the
// rows, inferred statuses marked as ours, valid RSS 2.0 with its own address.
import { getRssString } from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { ownerFeedOptions, ownerFeedPaths, ownerRowsSummary } from '~/lib/opendata/owner-feeds';
import { realDataset } from './helpers/repo-dataset';

const SITE = 'https://pledges.example.cn/';
const d = realDataset();

describe('owner feeds', () => {
  test('the unit named on most rows: one item per report naming it, with its rows counted', async () => {
    const counts = new Map<string, number>();
    for (const p of d.progress) for (const id of new Set(p.units.map((u) => u.unitId))) counts.set(id, (counts.get(id) ?? 0) + 1);
    const [unitId] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const unit = d.units.find((u) => u.id === unitId)!;
    const xml = await getRssString(ownerFeedOptions(d, 'unit', unit, SITE));
    expect(XMLValidator.validate(xml)).toBe(true);
    const ch = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'item' }).parse(xml).rss.channel;
    expect(ch['atom:link']['@_href']).toBe(`${SITE}${ownerFeedPaths.unit(unit.id)}`);
    const rows = d.progress.filter((p) => p.units.some((u) => u.unitId === unitId));
    const reports = new Set(rows.map((p) => p.reportId));
    expect(ch.item).toHaveLength(reports.size);
    const total = (ch.item as { title: string }[]).reduce((a, it) => a + Number(/（(\d+) 行）$/.exec(it.title)![1]), 0);
    expect(total).toBe(rows.length);
    for (const it of ch.item as { link: string; description: string }[]) {
      expect(it.link.startsWith(SITE)).toBe(true);
      expect(it.description).toContain(unit.name);
    }
  });

  test('a leader’s feed, and inferred statuses said to be ours', async () => {
    const leader = d.leaders[0]!;
    const xml = await getRssString(ownerFeedOptions(d, 'leader', leader, SITE));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain(`${SITE}${ownerFeedPaths.leader(leader.id)}`);
    const inferred = d.progress.filter((p) => p.reportId === 'linzi-2021-q3' && p.statusSource === 'inferred');
    expect(inferred.length).toBeGreaterThan(0);
    const s = ownerRowsSummary(inferred);
    expect(s).toMatch(/^本站推断（非原文）：/);
    expect(s).not.toContain('原文所述');
    const notDone = d.progress.filter((p) => p.reportId === 'linzi-2023-m09' && p.status === 'notDone');
    expect(ownerRowsSummary(notDone)).toBe(`原文所述：未完成 ${notDone.length}。未完成：${notDone.map((p) => `第${p.number}项`).join('、')}。`);
  });
});
