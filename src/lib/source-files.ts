// How a source file is published. The ingest accepts only the formats the portal reads; the extension
// decides the form of the public copy, and the ingest checks that a binary file's bytes really are its
// format, so the decision needs no bytes at page time:
// - text-like formats (txt, md, html, htm) could be run by `<script src>` (same origin, so CSP
//   `script-src 'self'` allows it) or rendered as a page without our CSP. They are published only inside
//   a .zip of their exact bytes; the source view page is their readable form.
// - binary formats (docx, xlsx: zip "PK\x03\x04"; doc, xls: OLE "\xD0\xCF\x11\xE0"; pdf: "%PDF-") start
//   with bytes that are a syntax error as script and are not HTML, so they are published as they are.
// public/_headers adds nosniff and Content-Disposition: attachment under /sources/ for hosts that read it.
import { SIGNATURES, startsWith } from './file-signatures';
import type { Problem } from './problems';

const TEXT_EXTENSIONS = ['txt', 'md', 'html', 'htm'] as const;
const BINARY_EXTENSIONS = ['docx', 'doc', 'xlsx', 'xls', 'pdf'] as const;
const SOURCE_EXTENSIONS: readonly string[] = [...TEXT_EXTENSIONS, ...BINARY_EXTENSIONS];

const BINARY_NAMES: Record<(typeof BINARY_EXTENSIONS)[number], string> = {
  docx: 'Word（.docx）',
  xlsx: 'Excel（.xlsx）',
  doc: 'Word 97–2003（.doc）',
  xls: 'Excel 97–2003（.xls）',
  pdf: 'PDF',
};

/** Lower-case extension without the dot, or '' when the name has none (the one reading of a file's extension: the ingest's format detection uses it too). */
export function extensionOf(file: string): string {
  const name = file.split('/').at(-1) ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

const isBinary = (ext: string): ext is (typeof BINARY_EXTENSIONS)[number] => (BINARY_EXTENSIONS as readonly string[]).includes(ext);

/** content/reports/linzi/x.txt → linzi/x.txt */
const relative = (file: string) => file.replace(/^content\/reports\//, '');

/** Base-relative path of the published copy: the file itself for a binary format, else `<file>.zip`. */
export function publishedSourcePath(file: string): string {
  return `sources/${relative(file)}${isBinary(extensionOf(file)) ? '' : '.zip'}`;
}

/** Is the published copy a zip of the verbatim bytes? */
export function isZipped(file: string): boolean {
  return !isBinary(extensionOf(file));
}

/** Base-relative folder of the source view page: source/linzi/x-txt/ (the extension's dot becomes "-"). */
export function sourceViewDir(file: string): string {
  const rel = relative(file);
  const ext = extensionOf(rel);
  return `source/${ext ? `${rel.slice(0, -(ext.length + 1))}-${ext}` : rel}/`;
}

/**
 * Why this file cannot be published, or undefined: an extension outside the allowed list, or a binary
 * extension whose bytes are not that format (an .xls that is really a saved web page, a .pdf that is text).
 */
export function sourceFileProblem(file: string, bytes: Uint8Array): Problem | undefined {
  const ext = extensionOf(file);
  if (!SOURCE_EXTENSIONS.includes(ext)) {
    return {
      file,
      message: `扩展名${ext ? `“.${ext}”` : '为空'}不在允许的列表中（${SOURCE_EXTENSIONS.map((e) => `.${e}`).join('、')}）：本站只收录这些格式的原件，以免发布可执行或可被浏览器当作网页打开的文件。`,
      hint: '请另存为其中一种格式后重新登记。',
    };
  }
  if (isBinary(ext)) {
    // Another binary format under this name (a .doc that is really a .docx) is still safe to publish raw:
    // the ingest reads it by its bytes and notes the mismatch (src/lib/ingest/readers/detect.ts).
    const anyBinary = [SIGNATURES.zip, SIGNATURES.ole, SIGNATURES.pdf].some((s) => startsWith(bytes, s));
    if (!anyBinary) {
      return { file, message: `扩展名是 .${ext}，但内容不是 ${BINARY_NAMES[ext]} 文件（开头的字节不符；常见于另存为网页或文本后改了扩展名）`, hint: '请按实际格式更正扩展名（网页用 .html，文本用 .txt）后重新登记。' };
    }
  }
  return undefined;
}
