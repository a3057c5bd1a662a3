// Escaping by construction, module by module (fast; tests/hostile-site.test.ts builds the whole site):
// every chart, the bulletin cells, the embed charts and the feeds, given every payload class, write
// no live markup; and the path from a .txt bulletin (escaped markup in a unit cell) to the chart.
import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { districtTimeline, statusStack, taskTimeline, unitBars } from '~/lib/charts';
import { cellPlainText } from '~/lib/ingest/rich-text';
import { el, escapeHtml, frag, trusted } from '~/lib/markup';
import { embedCharts } from '~/lib/opendata/embeds';
import { feedOptions } from '~/lib/opendata/feeds';
import { bulletinRows } from '~/lib/site/bulletin';
import { hostileDataset } from './helpers/hostile-dataset';
import { ALL_PAYLOADS, PAYLOADS } from './helpers/hostile-payloads';
import { liveMarkupInFeed, liveMarkupInHtml } from './helpers/live-markup';
import { indexDataset } from '~/lib/dataset/site-index';

const page = (body: string) => `<!doctype html><html><body>${body}</body></html>`;
const counts = [{ status: 'done' as const, inferred: false, count: 3 }, { status: 'partial' as const, inferred: true, count: 1 }];

describe('the markup helpers', () => {
  it('escape every text child and attribute value; only Markup passes as markup', () => {
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
    expect(el('text', { x: 1.234, class: '"><script>' }, '<script>alert(1)</script>').html).toBe('<text x="1.23" class="&quot;&gt;&lt;script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</text>');
    expect(frag('<b>', trusted('<b>'), el('br', {})).html).toBe('&lt;b&gt;<b><br/>');
    // A string made by concatenating markup is text again: forgetting frag() shows tags, never runs them.
    expect(el('g', {}, `${el('b', {}, 'x')}`).html).toBe('<g>&lt;b&gt;x&lt;/b&gt;</g>');
    expect(() => el('text', { onload: 'x' })).toThrow();
    expect(() => el('x onload=1', {})).toThrow();
  });
});

describe('charts given every payload class as labels', () => {
  for (const p of PAYLOADS) {
    it(`${p.kind}: no live markup in any chart`, () => {
      const label = `${p.text}${ALL_PAYLOADS}`;
      const charts = [
        unitBars([{ label, counts }, { label: `${label}2`, counts }], { id: 'u' }),
        districtTimeline([{ label: [label, label], counts }], { id: 'd' }),
        taskTimeline([{ status: 'done', inferred: false, label: [label, label] }, { status: 'partial', inferred: true, label: [label, label] }], { id: 't' }),
        statusStack(counts, { id: 's', noun: label }),
      ];
      for (const c of charts) expect(liveMarkupInHtml(page(`<svg>${c.body.html}</svg>`))).toEqual([]);
      expect(charts[0]!.body.html).toContain(escapeHtml(p.text.slice(0, 8)));
    });
  }

  it('escaped markup in a .txt unit cell reaches the unit chart as text, not as a script', () => {
    // The probe's case: a unit cell over two lines goes through the HTML parser, which decodes the
    // entities, so the unit name holds "<script…>" as text.
    const name = cellPlainText('&lt;script/href="/sources/linzi/2023-m09-progress.txt"&gt;&lt;/script&gt;局\n区发改局');
    expect(name).toContain('<script/href="/sources/linzi/2023-m09-progress.txt"></script>局');
    const body = unitBars([{ label: name, counts }], { id: 'u' }).body.html;
    expect(body).toContain('&lt;script/href=');
    expect(body).not.toContain('<script');
  });
});

describe('pages’ building blocks given the hostile dataset', () => {
  const { dataset } = hostileDataset();
  const ix = indexDataset(dataset);

  it('bulletin cells of every report hold no live markup', () => {
    const withRows = ix.reports.filter((r) => (ix.rowsByReport.get(r.id)?.length ?? 0) > 0);
    expect(withRows.length).toBe(4);
    for (const r of withRows) {
      const cells = bulletinRows(ix, r).flatMap((row) => row.cells.map((c) => c.html));
      expect(liveMarkupInHtml(page(cells.join('</td><td>')))).toEqual([]);
    }
  });

  it('every embeddable chart holds no live markup', () => {
    const charts = embedCharts(ix, dataset.indicators);
    expect(charts.length).toBeGreaterThan(10);
    for (const c of charts) if (c.view.kind === 'status') expect(liveMarkupInHtml(page(`<svg>${c.view.chart.body.html}</svg>`)), c.id).toEqual([]);
  });

  it('feeds are well-formed and hold no markup even when read as HTML', async () => {
    const xml = await getRssString(feedOptions(dataset.reports, dataset.districts, 'https://example.org/'));
    expect(liveMarkupInFeed(xml)).toEqual([]);
    expect(xml).toContain('&amp;lt;script&amp;gt;');
  });
});
