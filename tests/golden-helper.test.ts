// The golden-file helper every golden test uses (tests/helpers/golden.ts): a mismatch leaves the actual
// output beside the golden to diff, a missing golden is never written in CI, and UPDATE_GOLDEN rewrites.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changedPath, expectGolden } from './helpers/golden';
import { tempFolders } from './helpers/temp-dir';

const temp = tempFolders('golden-');

const dir = temp('golden-');
afterEach(() => vi.unstubAllEnvs());

describe('expectGolden', () => {
  it('names the changed file beside the golden, keeping the extension', () => {
    expect(changedPath('/a/tests/golden/linzi-2023-m09.json')).toBe('/a/tests/golden/linzi-2023-m09-changed.json');
    expect(changedPath('/a/golden/charts/unit-bars.svg')).toBe('/a/golden/charts/unit-bars-changed.svg');
  });

  it('a mismatch fails and writes <name>-changed.<ext>; a later match removes it', () => {
    vi.stubEnv('UPDATE_GOLDEN', '');
    const golden = join(dir, 'mismatch.json');
    writeFileSync(golden, 'old\n');
    expect(() => expectGolden(golden, 'new\n')).toThrow(/mismatch\.json differs: diff .*mismatch\.json .*mismatch-changed\.json/);
    expect(readFileSync(join(dir, 'mismatch-changed.json'), 'utf8')).toBe('new\n');
    expect(readFileSync(golden, 'utf8')).toBe('old\n');
    expectGolden(golden, 'old\n');
    expect(existsSync(join(dir, 'mismatch-changed.json'))).toBe(false);
  });

  it('in CI a missing golden fails with what to run, and nothing is written', () => {
    vi.stubEnv('CI', 'true');
    vi.stubEnv('UPDATE_GOLDEN', '');
    const golden = join(dir, 'missing-in-ci.json');
    expect(() => expectGolden(golden, 'x\n')).toThrow(/missing-in-ci\.json is missing\. Run UPDATE_GOLDEN=1 npm test locally/);
    expect(existsSync(golden)).toBe(false);
  });

  it('outside CI a missing golden is written (and reported); UPDATE_GOLDEN=1 rewrites an existing one', () => {
    vi.stubEnv('CI', '');
    vi.stubEnv('UPDATE_GOLDEN', '');
    const golden = join(dir, 'sub', 'new.json');
    expectGolden(golden, 'first\n');
    expect(readFileSync(golden, 'utf8')).toBe('first\n');
    vi.stubEnv('UPDATE_GOLDEN', '1');
    expectGolden(golden, 'second\n');
    expect(readFileSync(golden, 'utf8')).toBe('second\n');
  });
});
