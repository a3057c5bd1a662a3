// A zip holding one source file's exact bytes, stored uncompressed with a fixed date so the same file
// always gives the same zip (builds stay byte-identical).
import { zipSync } from 'fflate';

/** 1980-01-01, the earliest date a zip entry can carry: no build time leaks into the output. */
const FIXED_MTIME = new Date(1980, 0, 1, 12, 0, 0);

export function zipVerbatim(file: string, bytes: Uint8Array): Uint8Array {
  const name = file.split('/').at(-1)!;
  return zipSync({ [name]: [bytes, { level: 0, mtime: FIXED_MTIME }] });
}
