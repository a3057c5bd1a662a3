// One ingest writes a dataset folder at a time (a lock file, src/lib/lock-file.ts). A second ingest is
// refused, saying who holds the lock, since when, and whether that process is still running (a killed ingest
// leaves its lock behind: the message says how to clear it, but nothing clears it on a guess).
import { lockHolder, tryLock, type LockHolder } from '../lock-file';
import { IngestError } from './errors';

/** Take the lock at `file` or throw IngestError naming the holder; returns the function that releases it. */
export function acquireLock(file: string, what: string): () => void {
  const got = tryLock(file);
  if (got.taken) return got.release;
  throw new IngestError({ file: what, message: heldMessage(file, got) });
}

function heldMessage(file: string, { holder: h, stale }: { holder: Partial<LockHolder>; stale: boolean } = lockHolder(file)): string {
  const who = `进程 ${h.pid ?? '?'}（主机 ${h.host ?? '?'}，开始于 ${h.started ?? '未知时间'}${h.command ? `，命令 ${h.command}` : ''}）`;
  return stale
    ? `另一次导入留下了锁文件 ${file}：${who}已不在运行（可能被中断）。确认没有其他导入在运行后，删除该文件再重试；原有数据未被改动。`
    : `另一次导入正在写这个数据目录：${who}持有锁 ${file}。请等它结束后再运行；若确认它已不在运行，删除该文件再重试。未写入任何数据。`;
}
