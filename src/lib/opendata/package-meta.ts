// The datapackage.json descriptor for the built site.
import type { Dataset } from '../schema';
import { SITE_NAME } from './citation';
import { hasAddress, paths } from '../urls';
import { buildDataPackage } from './datapackage';
import type { DescribedDownload } from './download-files';

export function sitePackage(files: DescribedDownload[], d: Pick<Dataset, 'reports'>, root: string) {
  return buildDataPackage(files, {
    title: `${SITE_NAME} 开放数据`,
    description: '区县政府工作报告年度目标任务及其完成情况通报，整理为表格。每行附原始文件与行号；状态分“原文所述”与“本站推断”，推断的状态并非政府原话。CSV 为 UTF-8（带 BOM）。',
    // Without the site's address: no homepage, and sources as package-relative paths (../sources/…).
    ...(hasAddress(root) ? { homepage: `${root}${paths.data()}` } : {}),
    sources: d.reports.map((r) => ({ title: `${r.title}（SHA-256 ${r.source.sha256}）`, path: hasAddress(root) ? `${root}${paths.source(r.source.file)}` : `../${paths.source(r.source.file)}` })),
  });
}
