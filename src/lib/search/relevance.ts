// Relevance of the search against a judged query set (tests/fixtures/search-judged.yaml): for each query
// the tasks a careful reader expects, decided from the documents. Shared by the vitest test and
// `npm run bench:search`, so both hold the engine to the same numbers.
import { readFileSync } from 'node:fs';
import { ProblemError } from '~/lib/problems';
import { readYaml } from '~/lib/read-yaml';
import { z } from 'astro/zod';
import type { SearchEngine } from './engine';

const judgedSchema = z.object({
  queries: z
    .array(
      z.object({
        q: z.string().min(1),
        kind: z.string().min(1),
        printed: z.string().min(1),
        district: z.string().optional(),
        why: z.string().min(1),
        expect: z.array(z.string()).min(1),
      }),
    )
    .min(1),
});
export type JudgedQuery = z.infer<typeof judgedSchema>['queries'][number];

export function readJudged(path: string): JudgedQuery[] {
  const { value, problems } = readYaml(path, readFileSync(path, 'utf8'), judgedSchema);
  if (!value) throw new ProblemError(problems);
  return value.queries;
}

export interface QueryOutcome {
  query: JudgedQuery;
  mode: string;
  /** Share of the expected tasks among all results. */
  recall: number;
  /** 1 / rank of the first expected task in the page's order (0 if none). */
  reciprocalRank: number;
  top3: boolean;
  /** Exact queries: share of the results labelled 原文匹配 that are expected. */
  exactPrecision?: number;
  missing: string[];
}

export interface Relevance {
  recall: number;
  mrr: number;
  top3: number;
  exactPrecision: number;
  outcomes: QueryOutcome[];
}

/** Run every judged query; `idOf(n)` turns a document number into its task id. */
export async function judge(engine: SearchEngine, queries: readonly JudgedQuery[], idOf: (n: number) => string): Promise<Relevance> {
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    const r = await engine.search({ q: query.q, page: 1 });
    const got = r.matches.map(idOf);
    const expected = new Set(query.expect);
    const hit = got.filter((id) => expected.has(id));
    const first = got.findIndex((id) => expected.has(id));
    const outcome: QueryOutcome = {
      query,
      mode: r.mode,
      recall: hit.length / expected.size,
      reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
      top3: first >= 0 && first < 3,
      missing: query.expect.filter((id) => !got.includes(id)),
    };
    if (query.kind === 'exact') {
      const exact = got.slice(0, r.exactTotal);
      outcome.exactPrecision = exact.length ? exact.filter((id) => expected.has(id)).length / exact.length : 0;
    }
    outcomes.push(outcome);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 1);
  return {
    recall: mean(outcomes.map((o) => o.recall)),
    mrr: mean(outcomes.map((o) => o.reciprocalRank)),
    top3: mean(outcomes.map((o) => (o.top3 ? 1 : 0))),
    exactPrecision: mean(outcomes.filter((o) => o.exactPrecision !== undefined).map((o) => o.exactPrecision!)),
    outcomes,
  };
}

export const relevanceLine = (r: Relevance) =>
  `search-relevance recall=${r.recall.toFixed(4)} mrr=${r.mrr.toFixed(4)} top3=${r.top3.toFixed(4)} exact_precision=${r.exactPrecision.toFixed(4)} queries=${r.outcomes.length}`;
