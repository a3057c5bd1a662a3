// Property test: random damage to the real seeds — deleted, duplicated and swapped lines, inserted tabs,
// files cut anywhere (mid-character included) — never throws anything but a clear IngestError, and the
// row accounting always holds: every line is used exactly once, every task line lies in a row, and every
// line the parser could not place is an anomaly.
import { describe, expect, it } from 'vitest';
import { IngestError } from '../src/lib/ingest/errors';
import { parseReport } from '../src/lib/ingest/parse-report';
import { prng } from '../scripts/bench/prng';
import { readRepoFile } from './helpers/repo-dataset';

const SEEDS = [
  ['content/reports/zhangdian/2020-q2-progress.txt', 'progress'],
  ['content/reports/linzi/2020-q3-q4-breakdown.txt', 'breakdown'],
  ['content/reports/linzi/2021-q3-progress.txt', 'progress'],
  ['content/reports/linzi/2023-m09-progress.txt', 'progress'],
] as const;
const RUNS_PER_SEED = Number(process.env.PROPERTY_RUNS ?? 500);


function mutate(bytes: Buffer, seed: number): Uint8Array {
  const r = prng(seed); // seeded: every failure is reproducible from its seed
  const pick = (n: number) => Math.floor(r() * n);
  let lines = bytes.toString('utf8').split('\n');
  const ops = 1 + pick(6);
  for (let k = 0; k < ops; k++) {
    const i = pick(lines.length);
    switch (pick(6)) {
      case 0: lines.splice(i, 1 + pick(3)); break; // delete lines
      case 1: lines.splice(i, 0, lines[i] ?? ''); break; // duplicate a line
      case 2: { const j = pick(lines.length); [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? '']; break; } // swap
      case 3: { const l = lines[i] ?? ''; const at = pick(l.length + 1); lines[i] = `${l.slice(0, at)}\t${l.slice(at)}`; break; } // insert a tab
      case 4: { const l = lines[i] ?? ''; lines[i] = l.replace(/\t/, ''); break; } // lose a tab
      case 5: lines = lines.slice(0, Math.max(1, i)); break; // cut the file at a line
    }
  }
  let out = Buffer.from(lines.join('\n'), 'utf8');
  if (r() < 0.3) out = out.subarray(0, pick(out.length + 1)); // cut anywhere, even inside a character
  return new Uint8Array(out);
}

describe.each(SEEDS)('random mutations of %s', (file, kind) => {
  const bytes = readRepoFile(file);
  it(`${RUNS_PER_SEED} mutations: no uncaught error, accounting holds`, () => {
    let parsed = 0;
    for (let seed = 1; seed <= RUNS_PER_SEED; seed++) {
      const input = mutate(bytes, seed);
      let p;
      try {
        p = parseReport(file, input, { kind });
      } catch (e) {
        if (e instanceof IngestError) continue; // refused with a clear sentence: allowed
        throw new Error(`seed ${seed}: ${(e as Error).stack}`);
      }
      parsed++;
      expect(p.uses, `seed ${seed}`).toHaveLength(p.lines.length);
      const inRow = new Set<number>();
      for (const row of p.rows) for (let l = row.startLine; l <= row.endLine; l++) inRow.add(l);
      const anomalyLines = new Set(p.anomalies.map((a) => a.line));
      p.uses.forEach((u, i) => {
        const line = i + 1;
        if (u === 'task' && !inRow.has(line)) throw new Error(`seed ${seed}: line ${line} is a task line outside any row`);
        if (u === 'anomaly' && !anomalyLines.has(line)) throw new Error(`seed ${seed}: line ${line} is unplaced but has no anomaly`);
        if (u === undefined) throw new Error(`seed ${seed}: line ${line} has no use`);
      });
      // Non-blank text never vanishes: every non-blank line is used as something other than blank.
      p.lines.forEach((l, i) => {
        if (l.trim() !== '' && p.uses[i] === 'blank') throw new Error(`seed ${seed}: line ${i + 1} has text but was counted blank`);
      });
    }
    // Some mutations destroy the only header line: those are refused (allowed), most still parse.
    expect(parsed).toBeGreaterThan(RUNS_PER_SEED * 0.5);
  });
});
