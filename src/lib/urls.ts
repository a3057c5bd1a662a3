// One place for every URL the portal prints, so pages, search, feeds and downloads agree.
// All paths are base-relative ("linzi/2023/"); `href()` adds the deployment base (import.meta.env.BASE_URL).
import { publishedSourcePath, sourceViewDir } from './source-files';

export interface HasDistrictYear {
  district: string;
  year: number;
}

/** The part of a task id after `${district}-${year}-`: "001", or "wr-001" for work-report pledges. */
export function taskSegment(task: { id: string } & HasDistrictYear): string {
  const prefix = `${task.district}-${task.year}-`;
  return task.id.startsWith(prefix) ? task.id.slice(prefix.length) : task.id;
}

export const paths = {
  home: () => '',
  district: (district: string) => `${district}/`,
  year: (district: string, year: number) => `${district}/${year}/`,
  report: (r: { slug: string } & HasDistrictYear) => `${r.district}/${r.year}/${r.slug}/`,
  task: (t: { id: string } & HasDistrictYear) => `${t.district}/${t.year}/tasks/${taskSegment(t)}/`,
  unit: (unitId: string) => `units/${unitId}/`,
  leader: (leaderId: string) => `leaders/${leaderId}/`,
  /**
   * The verbatim source file as published for download (src/lib/source-files.ts): a binary format as it
   * is (sources/linzi/x.pdf), a text-like one inside a zip of its exact bytes (sources/linzi/x.txt.zip),
   * so no raw copy can be run by a <script src> or rendered as a page of this origin.
   */
  source: (file: string) => publishedSourcePath(file),
  /** The readable form: the source view, one anchor per line (source/linzi/x-txt/#L12). */
  sourceView: (file: string, line?: number) => `${sourceViewDir(file)}${line === undefined ? '' : `#L${line}`}`,
  /** Headline indicators: all districts compared, and one district's target against actual by year. */
  indicators: () => 'indicators/',
  districtIndicators: (district: string) => `${district}/indicators/`,
  search: () => 'search/',
  data: () => 'data/',
  quality: () => 'quality/',
  about: () => 'about/',
} as const;

/** Prefix a base-relative path with the deployment base ("/" or "/portal/"). */
export function href(path: string, base: string = import.meta.env?.BASE_URL ?? '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\//, '')}`;
}

/**
 * Root of the deployed site including the base, ending in "/": what permalinks, feeds and CSV urls start
 * with. Absolute (https://portal.example.gov.cn/portal/) when the site has an address (content/site.yaml
 * `url`, or SITE for a deploy); root-relative (/portal/) when it has none: never a placeholder domain.
 */
export function siteRootOf(site: string | undefined, base: string): string {
  return site ? new URL(href('', base), site).href : href('', base);
}

/** Whether a site root carries the site's address (else links are root-relative and citations say so). */
export function hasAddress(siteRoot: string): boolean {
  return /^https?:\/\//.test(siteRoot);
}

/** What a citation prints in place of a permalink while the site has no address. */
export const ADDRESS_NOT_CONFIGURED = '网址未配置';
