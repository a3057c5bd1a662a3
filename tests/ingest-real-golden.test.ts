// Golden files for the real published excerpts (tests/fixtures/real/, see its README): what the parser
// makes of each — tables, rows, statuses, stated totals, anomalies. Regenerate deliberately with
// UPDATE_GOLDEN=1 and review every changed line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, goldenJson } from './helpers/golden';
import { parseReport } from '~/lib/ingest/parse-report';
import { ROOT } from './helpers/repo-dataset';
import { rowEssence } from './helpers/parse-text';

const dir = join(ROOT, 'tests/fixtures/real');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('real excerpts', () => {
  it('there are four', () => expect(files).toHaveLength(4));

  it.each(files)('%s matches its golden file', (name) => {
    const p = parseReport(`tests/fixtures/real/${name}`, readFileSync(join(dir, name)));
    const slice = {
      layout: p.layout, kind: p.kind, title: p.printed.title, tables: p.tables, reportedTotals: p.reportedTotals,
      rows: rowEssence(p), anomalies: p.anomalies,
      uses: Object.fromEntries(Object.entries(Object.groupBy(p.uses, (u) => u)).map(([k, v]) => [k, v!.length])),
    };
    expectGolden(`real/${name.replace(/\.txt$/, '.json')}`, goldenJson(slice));
  });
});
