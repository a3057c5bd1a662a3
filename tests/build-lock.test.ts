// One build at a time per checkout and per shard cache (build-lock.ts): a second waits for the first; a lock
// left by a process that is gone is taken over at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeLocks } from '~/lib/shards/build-lock';
import { tempFolders } from './helpers/temp-dir';

const temp = tempFolders('build-lock-');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('build locks', () => {
  it('a second build waits while the first holds a lock, saying for which process, and goes on once it is released', async () => {
    const dir = temp('l-');
    const [a, b] = [join(dir, 'checkout/.lock'), join(dir, 'cache/.lock')];
    const first = await takeLocks([a, b]);
    expect(JSON.parse(readFileSync(a, 'utf8')).pid).toBe(process.pid);
    const waits: [string, number][] = [];
    let second: (() => void) | undefined;
    const taking = takeLocks([a, b], { everyMs: 10, onWait: (path, pid) => waits.push([path, pid]) }).then((r) => (second = r));
    await sleep(100);
    expect(second).toBeUndefined();
    // Told once, not at every poll.
    expect(waits).toEqual([[a, process.pid]]);
    first();
    await taking;
    expect(existsSync(a) && existsSync(b)).toBe(true);
    second!();
    expect(existsSync(a) || existsSync(b)).toBe(false);
  });

  it('takes over a lock whose process is gone, or that names none, without waiting', async () => {
    const dir = temp('l-');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const [a, b] = [join(dir, 'a.lock'), join(dir, 'b.lock')];
    writeFileSync(a, JSON.stringify({ pid: Number(gone), host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
    writeFileSync(b, 'not a process id');
    const waits: unknown[] = [];
    const release = await takeLocks([a, b], { everyMs: 10, onWait: (...x) => waits.push(x) });
    expect(waits).toEqual([]);
    expect(JSON.parse(readFileSync(a, 'utf8')).pid).toBe(process.pid);
    release();
  });
});
