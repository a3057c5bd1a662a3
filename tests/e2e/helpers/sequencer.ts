// The order the browser files start in, two at a time: the longest first, so that no long file starts last
// and runs alone at the end. Vitest orders by the durations it caches in node_modules/.vite, which a CI
// checkout (npm ci) does not have; without them it starts the largest files first, and pages.e2e.ts, one of
// the longest to run, is one of the smallest.
import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Longest to run first (measured on the 2-core VM); a file not listed starts before all of these. */
const LONGEST_FIRST = ['a11y', 'elder', 'pages', 'print', 'budgets', 'no-js', 'search', 'layout', 'search-results', 'targets'];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => LONGEST_FIRST.indexOf(basename(f.moduleId).replace(/\.e2e\.ts$/, ''));
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
