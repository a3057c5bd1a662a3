import iconv from 'iconv-lite';
import { IngestError } from './errors';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  lineEnding: LineEnding;
  /** Set when the bytes end inside a multi-byte character (a file cut short): the decoder's replacement char ends the text. */
  truncatedTail: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Decode what government sites actually serve: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and
 * GB18030 (a superset of GBK and GB2312). Throws IngestError for empty or binary input.
 */
export function decodeReport(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new IngestError({ file, message: '文件是空的（0 字节）', hint: '请确认下载的是完整的通报文件。' });

  let text: string;
  let encoding: Encoding;
  let bom = false;
  let truncatedTail = false;

  if (startsWith(bytes, UTF8_BOM)) {
    bom = true;
    encoding = 'utf-8';
    ({ text, truncatedTail } = decodeUtf8(bytes.subarray(3)));
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    bom = true;
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const body = bytes.subarray(2);
    truncatedTail = body.length % 2 === 1;
    text = new TextDecoder(encoding).decode(body.subarray(0, body.length - (body.length % 2)));
    if (truncatedTail) text += '\uFFFD';
  } else {
    if (looksBinary(bytes)) {
      throw new IngestError({ file, message: '这不是文本文件（含有二进制字节），也不是能识别的 Word、Excel、PDF 或网页文件', hint: '请确认下载的是通报附件本身（.docx、.doc、.xlsx、.xls、.pdf、.html 或文本）。' });
    }
    const strict = tryUtf8(bytes);
    if (strict !== null) {
      encoding = 'utf-8';
      text = strict;
    } else if (utf8ExceptTail(bytes)) {
      encoding = 'utf-8';
      ({ text, truncatedTail } = decodeUtf8(bytes));
    } else {
      encoding = 'gb18030';
      text = iconv.decode(Buffer.from(bytes), 'gb18030');
      if (!plausibleChinese(text)) {
        throw new IngestError({ file, message: '无法识别文件编码（既不是 UTF-8/UTF-16，也不像 GB18030/GBK 中文文本）', hint: '请另存为 UTF-8 再导入。' });
      }
    }
  }
  if (text.trim() === '') throw new IngestError({ file, message: '文件只有空白字符，没有内容', hint: '请确认下载的是完整的通报文件。' });
  return { text, encoding, bom, lineEnding: detectLineEnding(text), truncatedTail };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A UTF-8 file cut in the middle of its last character: everything but the last 1–3 bytes decodes strictly. */
function utf8ExceptTail(bytes: Uint8Array): boolean {
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    const head = bytes.subarray(0, bytes.length - cut);
    const lead = bytes[bytes.length - cut]!;
    if (lead >= 0xc0 && tryUtf8(head) !== null) return true;
  }
  return false;
}

function decodeUtf8(bytes: Uint8Array): { text: string; truncatedTail: boolean } {
  const strict = tryUtf8(bytes);
  if (strict !== null) return { text: strict, truncatedTail: false };
  return { text: new TextDecoder('utf-8').decode(bytes), truncatedTail: true };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / n > 0.02;
}

/** GB18030 decodes almost any byte soup; accept it only if it reads as mostly CJK, ASCII and punctuation. */
function plausibleChinese(text: string): boolean {
  let good = 0;
  for (const ch of text) {
    if (/[\p{Script=Han}\p{P}\s\w]/u.test(ch)) good++;
  }
  return good / [...text].length > 0.9;
}

function detectLineEnding(text: string): LineEnding {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? 'crlf' : cr ? 'cr' : 'lf';
}

/** Split decoded text into lines (CRLF, CR or LF). Line i of the result is source line i + 1. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  // A final line end does not start another line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
