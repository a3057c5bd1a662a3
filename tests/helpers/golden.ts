// Golden files: the expected output of a parser, reader or chart, committed under tests/golden/ and
// compared byte for byte. One switch for all of them:
//   UPDATE_GOLDEN=1 npm test        rewrite every golden file (then review the diff in git)
// A mismatch writes the actual output beside the golden as <name>-changed.<ext> (git-ignored) so it can
// be diffed; it is removed again once the output matches. A missing golden is written and reported
// locally, but never in CI (CI=true): there it fails, saying what to run.
import { existsSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const updating = () => Boolean(process.env.UPDATE_GOLDEN) && process.env.UPDATE_GOLDEN !== '0';

const GOLDEN_DIR = join(ROOT, 'tests/golden');

/** Where the actual output goes when it differs: linzi-2023-m09.json → linzi-2023-m09-changed.json. */
export function changedPath(golden: string): string {
  const dot = golden.lastIndexOf('.');
  return dot > golden.lastIndexOf('/') ? `${golden.slice(0, dot)}-changed${golden.slice(dot)}` : `${golden}-changed`;
}

/** Compare `actual` with the golden file at `golden` (absolute, or relative to tests/golden/). */
export function expectGolden(golden: string, actual: string): void {
  const file = golden.startsWith('/') ? golden : join(GOLDEN_DIR, golden);
  const shown = relative(ROOT, file);
  const changed = changedPath(file);
  if (updating() || !existsSync(file)) {
    if (!existsSync(file) && process.env.CI && !updating()) {
      expect.fail(`${shown} is missing. Run UPDATE_GOLDEN=1 npm test locally, review the new file and commit it (golden files are never created in CI).`);
    }
    if (!existsSync(file)) console.warn(`[golden] wrote the missing ${shown}: review it before committing.`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `${shown} differs: diff ${shown} ${relative(ROOT, changed)}; if the change is intended, UPDATE_GOLDEN=1 npm test`).toBe(expected);
}

/** A value as a golden JSON file holds it: one-space indentation, a final newline. */
export const goldenJson = (value: unknown): string => `${JSON.stringify(value, null, 1)}\n`;
