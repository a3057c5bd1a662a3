// Golden files for the real published excerpts (tests/fixtures/real/, see its README): what the parser
// makes of each — tables, rows, statuses, stated totals, anomalies. Regenerate deliberately with
// UPDATE_GOLDEN=1 and review every changed line.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '~/lib/ingest/parse-report';
import { ROOT } from './helpers/repo-dataset';
import { rowEssence } from './helpers/parse-text';

const dir = join(ROOT, 'tests/fixtures/real');
const goldenDir = join(ROOT, 'tests/golden/real');
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
    const file = join(goldenDir, name.replace(/\.txt$/, '.json'));
    const actual = `${JSON.stringify(slice, null, 1)}\n`;
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, actual);
    }
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/ingest-real-golden.test.ts and review it`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
