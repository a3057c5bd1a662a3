// A content/ root holding one real bulletin (linzi 2023-m09) made oversized in the ways a careless
// conversion or a hostile file can: thousands of stray lines, a name thousands of characters long,
// markup nested thousands deep.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildDir } from './child-env';
import { join } from 'node:path';
import { ROOT } from './repo-dataset';

export interface Oversize {
  /** Short lines appended after the table (each an outside-table anomaly). */
  strayLines?: number;
  /** Replace the unit 区工信局 of task 5 (line 12) by a name of this many characters. */
  unitNameChars?: number;
  /** Wrap task 5's result (line 12) in this many nested <b> tags. */
  nestedTags?: number;
}

export const BULLETIN = 'content/reports/linzi/2023-m09-progress.txt';
/** The line of task 5, where the name and the markup are put. */
export const TASK5_LINE = 12;

export function oversizeRoot(o: Oversize): string {
  const root = buildDir('oversize-'); // one test builds a site from it
  mkdirSync(join(root, 'content/reports/linzi'), { recursive: true });
  for (const f of ['content/districts.yaml', 'content/aliases', 'content/site.yaml']) cpSync(join(ROOT, f), join(root, f), { recursive: true });
  let text = readFileSync(join(ROOT, BULLETIN), 'utf8');
  const lines = text.split('\n');
  if (!lines[TASK5_LINE - 1]!.startsWith('5\t')) throw new Error(`${BULLETIN}:${TASK5_LINE} is no longer task 5`);
  if (o.unitNameChars) lines[TASK5_LINE - 1] = lines[TASK5_LINE - 1]!.replace(/\t区工信局$/, `\t${'区'.repeat(o.unitNameChars - 1)}局`);
  if (o.nestedTags) lines[TASK5_LINE - 1] = lines[TASK5_LINE - 1]!.replace('\t完成。中期调整后', `\t${'<b>'.repeat(o.nestedTags)}完成。${'</b>'.repeat(o.nestedTags)}中期调整后`);
  text = lines.join('\n');
  if (o.strayLines) text += `\n${'某\n'.repeat(o.strayLines)}`;
  writeFileSync(join(root, BULLETIN), text);
  writeFileSync(
    join(root, 'content/reports/manifest.yaml'),
    'reports:\n  - file: linzi/2023-m09-progress.txt\n    district: linzi\n    year: 2023\n    kind: progress\n    period: M9\n    title: 2023年《政府工作报告》重点工作9月份完成情况通报表\n',
  );
  return root;
}
