// The search index's content hash: the folder name search-index/<hash>/ and the search page's URLs
// carry it, so a redeploy never mixes old and new files in a reader's cache.
import { createHash } from 'node:crypto';

/** Hash of an index's files, as the search page's URLs carry it (first 12 hex digits). */
export function indexHash(files: Iterable<[string, string]>): string {
  const h = indexHasher();
  for (const [path, body] of files) h.add(path, body);
  return h.digest();
}

/** indexHash one file at a time (a body as a string or its UTF-8 bytes: the same hash). */
export function indexHasher(): { add: (path: string, body: string | Uint8Array) => void; digest: () => string } {
  const h = createHash('sha256');
  return {
    add: (path, body) => void h.update(path).update('\0').update(body).update('\0'),
    digest: () => h.digest('hex').slice(0, 12),
  };
}
