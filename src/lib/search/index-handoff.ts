// Where siteIndex() leaves the index for index-integration.ts to write after the build.
import { buildHandoff } from '../build-handoff';
import type { SiteIndex } from './site-index';

export const handoff = () => buildHandoff<SiteIndex>('search-index');
