// The download files are put together from each entity's serialised pieces (packed-table.ts). Here
// every file is compared, byte for byte, with the straightforward rendering they replaced: the
// scope's whole table through one csv-stringify call, and JSON.stringify of the scope's slice.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDownloads } from '../src/lib/opendata/write-downloads';
import { realDataset } from './helpers/repo-dataset';
import { constructedDataset } from './helpers/opendata-fixture';
import { straightforwardFiles } from '../scripts/bench/straightforward-downloads';
import { Downloads, bodyOf, renderDownloads } from '../src/lib/opendata/download-files';
import { PackedTable } from '../src/lib/opendata/packed-table';
import type { Dataset } from '~/lib/dataset/collections';

const SITE = 'https://example.org/portal/';

function expectSameBytes(d: Dataset) {
  const expected = new Map(straightforwardFiles(d, SITE).map((f) => [f.path, Buffer.from(f.render(), 'utf8')]));
  const downloads = new Downloads(d, SITE);
  expect(downloads.files.map((f) => f.path)).toEqual([...expected.keys()]);
  let differing = 0;
  for (const f of downloads.files) {
    const want = expected.get(f.path)!;
    const got = Buffer.concat(downloads.write(f));
    if (!got.equals(want)) differing++;
    expect(got.equals(want), f.path).toBe(true);
    // The measure recorded on the way is the measure of the bytes written.
    expect(downloads.measure(f)).toEqual({ bytes: want.length, sha256: createHash('sha256').update(want).digest('hex') });
  }
  expect(differing).toBe(0);
  return downloads;
}

describe('download bytes equal the straightforward rendering', () => {
  it('real seeds: every file, CSV and JSON, in every scope', () => {
    const downloads = expectSameBytes(realDataset());
    expect(downloads.files.length).toBeGreaterThan(30);
  });
  it('constructed dataset (quotes, commas, line breaks, formula-like cells, empty tables)', () => {
    const d = constructedDataset();
    d.progress[0]!.result = { text: '=1+1,"x"\r\n第二行', html: '' };
    expectSameBytes(d);
  });
  it('real seeds arriving shuffled: same bytes as the sorted rendering', () => {
    const d = realDataset();
    const shuffled: Dataset = { ...d, tasks: [...d.tasks].reverse(), progress: [...d.progress].reverse(), indicators: [...d.indicators].reverse() };
    expect(renderDownloads(shuffled, SITE).map((f) => f.sha256)).toEqual(renderDownloads(d, SITE).map((f) => f.sha256));
  });
  it('a file described before it is written, or after the serialised tables were dropped, has the same measure and bytes', () => {
    const d = realDataset();
    const a = new Downloads(d, SITE);
    const described = a.files.map((f) => a.describe(f));
    const bodies = a.files.map((f) => Buffer.concat(a.write(f))); // the last write drops the tables
    const again = a.files.map((f) => Buffer.concat(a.write(f))); // … so these are serialised afresh
    expect(again.every((b, i) => b.equals(bodies[i]!))).toBe(true);
    const b = new Downloads(d, SITE);
    expect(b.files.map((f) => { b.write(f); return b.describe(f); })).toEqual(described);
  });
});

describe('the endpoint body', () => {
  it('a Response streaming the pieces reads back as the file, and leaves the shared buffers intact', async () => {
    const downloads = new Downloads(realDataset(), SITE);
    for (const f of downloads.files.filter((x) => x.scope.kind !== 'report')) {
      const want = Buffer.concat(f.parts());
      const got = Buffer.from(await new Response(bodyOf(downloads.write(f))).arrayBuffer());
      expect(got.equals(want), f.path).toBe(true);
      expect(Buffer.concat(f.parts()).equals(want), f.path).toBe(true);
    }
  });
});

describe('the build writer (write-downloads.ts)', () => {
  it('writes every file under data/ with the bytes of the straightforward rendering', () => {
    const d = realDataset();
    const out = mkdtempSync(join(tmpdir(), 'downloads-'));
    try {
      const downloads = new Downloads(d, SITE);
      const { bytes } = writeDownloads(out, downloads);
      let total = 0;
      for (const f of straightforwardFiles(d, SITE)) {
        const want = Buffer.from(f.render(), 'utf8');
        total += want.length;
        expect(readFileSync(join(out, 'data', f.path)).equals(want), f.path).toBe(true);
      }
      expect(bytes).toBe(total);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('PackedTable', () => {
  const xs = ['a', 'bb', '中文', 'd', 'e'].map((v) => ({ v }));
  const t = new PackedTable(xs, (x: { v: string }) => JSON.stringify(x), ',', 'test');
  const text = (es: object[]) => Buffer.concat(t.slices(es)).toString('utf8');
  it('joins any subsequence, reordering or repeat of the packed entities like Array.join', () => {
    for (const pick of [[], [0], [0, 1, 2, 3, 4], [1, 2], [0, 2, 4], [4, 3], [2, 2], [3, 4, 0, 1]]) {
      const es = pick.map((i) => xs[i]!);
      expect(text(es), pick.join()).toBe(es.map((e) => JSON.stringify(e)).join(','));
    }
  });
  it('the same bytes whatever the encoding chunk size (texts straddling chunks, texts larger than a chunk)', () => {
    const texts = ['a', '中文字', 'x'.repeat(40), 'é', '', '🙂🙂', '末'];
    const es = texts.map((v) => ({ v }));
    const want = Buffer.from(es.map((e) => JSON.stringify(e)).join(','), 'utf8');
    for (const chunk of [1, 2, 5, 7, 16, 1 << 22]) {
      const p = new PackedTable(es, (x: { v: string }) => JSON.stringify(x), ',', 'test', chunk);
      expect(Buffer.concat(p.slices(es)).equals(want), String(chunk)).toBe(true);
      expect(Buffer.concat(p.slices([es[5]!, es[1]!])).toString('utf8'), String(chunk)).toBe(`${JSON.stringify(es[5])},${JSON.stringify(es[1])}`);
    }
  });
  it('an empty text, alone or among others, in any chunk size', () => {
    for (const chunk of [1, 3, 1 << 22]) {
      expect(Buffer.concat(new PackedTable([{}], () => '', '', 'test', chunk).slices([])).length).toBe(0);
      const one = {};
      expect(new PackedTable([one], () => '', '', 'test', chunk).slices([one]).map((b) => b.length)).toEqual([0]);
      const es = [{}, {}, {}];
      const p = new PackedTable(es, (e: object) => (e === es[1] ? '' : 'ab'), ',', 'test', chunk);
      expect(Buffer.concat(p.slices(es)).toString('utf8'), String(chunk)).toBe('ab,,ab');
    }
  });
  it('a run of neighbours is one slice of the shared buffer', () => {
    expect(t.slices([xs[1]!, xs[2]!, xs[3]!])).toHaveLength(1);
    expect(t.slices([xs[0]!, xs[2]!])).toHaveLength(3);
  });
  it('refuses an entity it does not hold', () => {
    expect(() => t.slices([{ v: 'a' }])).toThrow(/test/);
  });
});
