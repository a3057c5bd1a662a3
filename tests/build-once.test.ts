// The test setup builds dist/ only when it is missing or older than its sources (tests/helpers/build-once.ts).
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleBuild } from './helpers/build-once';
import { tempFolders } from './helpers/temp-dir';

const temp = tempFolders('build-once-');

function tree(files: Record<string, number>): string {
  const root = temp('build-once-');
  for (const [rel, seconds] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), '');
    utimesSync(join(root, rel), seconds, seconds);
  }
  return root;
}

describe('staleBuild', () => {
  it('says what is missing', () => {
    expect(staleBuild(tree({ 'src/a.ts': 1 }))).toBe('dist/ is missing');
    expect(staleBuild(tree({ 'dist/index.html': 2 }))).toBe('generated/ is missing');
  });
  it('is current when dist/ is newer than src/, content/ and generated/', () => {
    expect(staleBuild(tree({ 'dist/index.html': 10, 'generated/tasks.json': 5, 'src/lib/a.ts': 4, 'content/reports/x.txt': 3 }))).toBeUndefined();
  });
  it('names the newer source that makes it stale', () => {
    expect(staleBuild(tree({ 'dist/index.html': 10, 'generated/tasks.json': 5, 'src/lib/a.ts': 20 }))).toBe('dist/ is older than src/lib/a.ts');
    expect(staleBuild(tree({ 'dist/index.html': 10, 'generated/tasks.json': 5, 'content/reports/linzi/new.txt': 11 }))).toBe('dist/ is older than content/reports/linzi/new.txt');
  });
});
