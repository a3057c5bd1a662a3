// Base-relative paths of the open-data pages and files (pass them through href() from ../urls).
import { paths } from '../urls';
import { feedPaths } from './feeds';
import { ownerFeedPaths } from './owner-feeds';

export const openDataPaths = {
  dictionary: () => `${paths.data()}dictionary/`,
  datapackage: () => `${paths.data()}datapackage.json`,
  /** A download file, given its path relative to data/ ("linzi/2023/m09/progress.csv"). */
  file: (rel: string) => `${paths.data()}${rel}`,
  changes: () => 'changes/',
  embed: (chartId: string) => `embed/${chartId}/`,
  feedAll: feedPaths.all,
  feedDistrict: feedPaths.district,
  feedUnit: ownerFeedPaths.unit,
  feedLeader: ownerFeedPaths.leader,
} as const;
