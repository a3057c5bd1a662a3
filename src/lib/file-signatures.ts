// The first bytes that say what a file is, in one place: the ingest detects a source's format by them
// (src/lib/ingest/readers/detect.ts, and the .xls/.xlsx readers before they unpack anything), and the
// publisher checks that a binary source really is its format before offering it raw (source-files.ts).

export const SIGNATURES = {
  /** A zip (docx, xlsx): a local file header. */
  zip: [0x50, 0x4b, 0x03, 0x04],
  /** An empty zip: only the end-of-directory record. */
  emptyZip: [0x50, 0x4b, 0x05, 0x06],
  /** An OLE compound file (doc, xls, and an encrypted docx or xlsx). */
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  /** `%PDF-` */
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
} as const satisfies Record<string, readonly number[]>;

/** Whether `bytes` hold `signature` at `at` (default: the start). */
export const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean => signature.every((b, i) => bytes[at + i] === b);
