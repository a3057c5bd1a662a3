// The bytes the build worker writes (download files, search index files), kept once each under their
// SHA-256 in a folder of the shard cache and hard-linked into the build's staging folder. After one new
// bulletin every unchanged district's files have the same bytes as in the last build: they are linked,
// not written again (at 100× the seeds, ~560 MB of the ~740 MB of downloads). Without a store (a whole
// build, the dev server) the files are written as before.
//
// A stored file is found by name and checked by size: it was renamed into place whole, so a file of the
// right name and size holds those bytes. prune() removes the files nothing else links (their link count is
// 1): dist/ and the cached global shard hold the ones in use. It runs between builds, never during one.
import { closeSync, linkSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writevSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of the store a build's worker uses, set by the sharded build for the global shard. */
export const FILE_STORE_ENV = 'PORTAL_FILE_STORE';

let made = 0;

export class FileStore {
  private ready = false;
  constructor(readonly dir: string) {}

  /** Put the bytes `parts` (SHA-256 `sha256`, hex) at `path`: linked from the store, stored first when new. */
  place(path: string, parts: readonly Uint8Array[], sha256: string): void {
    if (!this.ready) {
      mkdirSync(this.dir, { recursive: true });
      this.ready = true;
    }
    const stored = join(this.dir, sha256);
    const bytes = parts.reduce((n, p) => n + p.length, 0);
    if (statSync(stored, { throwIfNoEntry: false })?.size !== bytes) {
      // Written aside and renamed in: a reader (another thread of the build) never sees half a file.
      const partial = join(this.dir, `.partial-${process.pid}-${made++}`);
      try {
        writeParts(partial, parts);
        renameSync(partial, stored);
      } catch (e) {
        rmSync(partial, { force: true });
        throw e;
      }
    }
    try {
      linkSync(stored, path);
    } catch (e) {
      // The store on another file system than the site (PORTAL_SHARD_CACHE elsewhere): write the file.
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      writeParts(path, parts);
    }
  }

  /**
   * Link the stored bytes `sha256` at `path`, if the store has them (a cached district's download file):
   * false when it has not (pruned, or another file system), and the caller writes the bytes.
   */
  link(path: string, sha256: string): boolean {
    try {
      linkSync(join(this.dir, sha256), path);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EXDEV') return false;
      throw e;
    }
  }
}

/** Remove the stored files nothing else links; returns how many. Run only while no build writes to it. */
export function pruneStore(dir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (st && (name.startsWith('.partial-') || st.nlink <= 1)) {
      rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Write `parts` to a new file at `path`, in order, without joining them; returns the bytes written. */
export function writeParts(path: string, parts: readonly Uint8Array[]): number {
  const fd = openSync(path, 'w');
  try {
    let total = 0;
    let rest = parts.filter((p) => p.length > 0);
    while (rest.length) {
      // writev may write less than asked (very large files): drop what was written and go on.
      let n = writevSync(fd, rest);
      total += n;
      while (rest.length && n >= rest[0]!.length) n -= rest.shift()!.length;
      if (n > 0) rest[0] = rest[0]!.subarray(n);
    }
    return total;
  } finally {
    closeSync(fd);
  }
}
