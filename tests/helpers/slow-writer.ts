// Run as a child process by tests/ingest-write.test.ts: writes a dataset with many extra files, slowly
// enough to be killed half-way (argv: outDir, file count).
import { writeDataset } from '../../src/lib/ingest/write-dataset';
import { repoDataset } from './repo-dataset';

const [out, count] = process.argv.slice(2);
const files = Object.fromEntries(Array.from({ length: Number(count) }, (_, i) => [`renderings/r${i}.json`, { i, text: 'x'.repeat(4000) }]));
writeDataset(out!, { ...repoDataset().dataset, tasks: [] }, {}, files);
