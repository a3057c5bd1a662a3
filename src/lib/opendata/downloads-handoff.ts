// Where loadDownloads() leaves the download files for downloads-integration.ts to write after the build.
import { buildHandoff } from '../build-handoff';
import type { Downloads } from './download-files';

export const handoff = () => buildHandoff<Downloads>('downloads');
