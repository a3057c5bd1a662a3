// One temporary folder per test file, removed after the file's tests: call tempFolders() at the top of the
// file (where afterAll can be registered), then make each test's folder inside it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export function tempFolders(prefix: string): (label: string) => string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return (label) => mkdtempSync(join(root, label));
}
