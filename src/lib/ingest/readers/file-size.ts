import { MAX_FILE_BYTES } from '~/lib/limits';
import { ReaderError } from './types';

// The one size check on a source file's bytes, before anything unpacks or decodes them: the ingest makes it
// for every file (read-source.ts), and each binary reader again for callers that use a reader directly.

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;

/** Refuse a file larger than any bulletin (MAX_FILE_BYTES), unread. */
export function checkFileSize(bytes: Uint8Array, file: string): void {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new ReaderError({ file, message: `文件有 ${mb(bytes.length)}，超过上限 ${mb(MAX_FILE_BYTES)}：通报附件通常只有几 MB`, hint: '请确认下载的是正确的文件；表格可只保留通报表所在的工作表后另存。' });
  }
}

/** A binary reader's first check: an empty file, or one over the size limit. */
export function checkReadable(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) throw new ReaderError({ file, message: '文件是空的（0 字节）', hint: '请重新下载原件。' });
  checkFileSize(bytes, file);
}
