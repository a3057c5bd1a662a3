import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../problems';
import type { District } from '../schema';
import { districtSlugProblems } from './check-names';
import { describeInvisible, hasInvisible } from './invisible';
import { readYaml } from '../read-yaml';
import { districtsFileSchema, leaderAliasesSchema, manifestSchema, unitAliasesSchema, type LeaderAliases, type ManifestEntry, type UnitAliases } from './manifest';

export interface Inputs {
  districts: District[];
  manifest: ManifestEntry[];
  unitAliases: UnitAliases;
  leaderAliases: LeaderAliases;
}

/** Read content/ (districts, manifest, alias files). Returns every problem found, not just the first. */
export function loadInputs(root: string): { inputs?: Inputs; problems: Problem[] } {
  const read = (rel: string) => (existsSync(join(root, rel)) ? readFileSync(join(root, rel), 'utf8') : undefined);
  const problems: Problem[] = [];
  const need = <T>(rel: string, schema: Parameters<typeof readYaml<T>>[2]): T | undefined => {
    const text = read(rel);
    if (text === undefined) {
      problems.push({ file: rel, message: '文件不存在：它是导入所必需的', hint: '请从仓库恢复。' });
      return undefined;
    }
    // Names and titles typed here are shown and compared like the reports' own text: no invisible characters.
    text.split('\n').forEach((line, i) => {
      if (hasInvisible(line)) problems.push({ file: rel, line: i + 1, message: `这一行含有看不见的格式字符 ${describeInvisible(line)}（多半是从网页或 Word 复制带来的）`, hint: '请删除后重试。' });
    });
    const r = readYaml(rel, text, schema);
    problems.push(...r.problems);
    return r.value;
  };
  const districts = need('content/districts.yaml', districtsFileSchema);
  const manifest = need('content/reports/manifest.yaml', manifestSchema);
  const unitAliases = need('content/aliases/units.yaml', unitAliasesSchema);
  const leaderAliases = need('content/aliases/leaders.yaml', leaderAliasesSchema);
  // Slugs become URL segments beside the site's own: checked against its routes and each other.
  const slugProblems = districts ? districtSlugProblems('content/districts.yaml', read('content/districts.yaml')!, districts.districts) : [];
  problems.push(...slugProblems);
  if (!districts || !manifest || !unitAliases || !leaderAliases || slugProblems.length > 0) return { problems };
  return {
    problems,
    inputs: {
      districts: districts.districts.map(({ slug, ...d }) => ({ id: slug, ...d })),
      manifest: manifest.reports,
      unitAliases,
      leaderAliases,
    },
  };
}
