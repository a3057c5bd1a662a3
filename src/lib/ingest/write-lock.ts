// One ingest writes a dataset folder at a time. The lock is a file created with O_EXCL (`wx`): creating it
// either succeeds or fails atomically, on every local file system. It records who holds it, so a second
// ingest can say who and since when, and whether that process is still running (a killed ingest leaves
// its lock behind: the message says how to clear it, but nothing clears it on a guess).
import { hostname } from 'node:os';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { IngestError } from './errors';

interface Holder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Take the lock at `file` or throw IngestError naming the holder; returns the function that releases it. */
export function acquireLock(file: string, what: string): () => void {
  const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: process.argv.slice(1).join(' ') };
  try {
    writeFileSync(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    throw new IngestError({ file: what, message: heldMessage(file) });
  }
  return () => rmSync(file, { force: true });
}

function heldMessage(file: string): string {
  let h: Partial<Holder> = {};
  try {
    h = JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    // Unreadable or half-written: say what we can.
  }
  const who = `进程 ${h.pid ?? '?'}（主机 ${h.host ?? '?'}，开始于 ${h.started ?? '未知时间'}${h.command ? `，命令 ${h.command}` : ''}）`;
  const stale = h.pid !== undefined && h.host === hostname() && !alive(h.pid);
  return stale
    ? `另一次导入留下了锁文件 ${file}：${who}已不在运行（可能被中断）。确认没有其他导入在运行后，删除该文件再重试；原有数据未被改动。`
    : `另一次导入正在写这个数据目录：${who}持有锁 ${file}。请等它结束后再运行；若确认它已不在运行，删除该文件再重试。未写入任何数据。`;
}
