import CFB from 'cfb';
import { unzipSync } from 'fflate';
import { SIGNATURES, startsWith } from '~/lib/file-signatures';
import { extensionOf } from '~/lib/source-files';
import { ReaderError, type SourceFormat } from './types';

// What a file is, from its bytes: a published attachment is often renamed (.doc that is really .docx, a web
// page saved as .doc, .xls that is HTML), so the extension only words the message when the two disagree.

export interface Detection {
  format: SourceFormat;
  /** Set when the extension promises another format: a sentence for an anomaly. */
  mismatch?: string;
}

const BY_EXTENSION: Record<string, SourceFormat> = {
  docx: 'docx', doc: 'doc', xlsx: 'xlsx', xls: 'xls', pdf: 'pdf', html: 'html', htm: 'html', shtml: 'html', txt: 'text', md: 'text', csv: 'text', tsv: 'text',
};

const FORMAT_NAMES: Record<SourceFormat, string> = {
  text: '纯文本', html: '网页（HTML）', docx: 'Word（.docx）', doc: 'Word 97–2003（.doc）', xlsx: 'Excel（.xlsx）', xls: 'Excel 97–2003（.xls）', pdf: 'PDF',
};

export const formatName = (f: SourceFormat) => FORMAT_NAMES[f];

export function detectFormat(bytes: Uint8Array, file: string): Detection {
  const format = formatOf(bytes, file);
  const ext = extensionOf(file);
  const promised = BY_EXTENSION[ext];
  if (promised && promised !== format) {
    return { format, mismatch: `文件扩展名是 .${ext}（${FORMAT_NAMES[promised]}），内容却是${FORMAT_NAMES[format]}：已按内容读取；建议把文件改名为与内容相符的扩展名。` };
  }
  return { format };
}

function formatOf(bytes: Uint8Array, file: string): SourceFormat {
  if (startsWith(bytes, SIGNATURES.zip) || startsWith(bytes, SIGNATURES.emptyZip)) return zipFormat(bytes, file);
  if (startsWith(bytes, SIGNATURES.ole)) return oleFormat(bytes, file);
  // %PDF may follow a few bytes of junk (a BOM, a mail header); readers allow 1 KB, as Acrobat does.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  // Two formats often hiding behind .doc and .htm that no reader here reads: say so rather than parse them as text.
  if (/^\s*\{\\rtf/.test(head)) throw new ReaderError({ file, message: '这是 RTF 格式的文件（常被命名为 .doc）：本程序不读 RTF', hint: '请用 Word 或 WPS 打开后另存为 .docx 再导入。' });
  if (/^MIME-Version:/im.test(head.slice(0, 512)) && /multipart\/related/i.test(head)) throw new ReaderError({ file, message: '这是“单个文件网页”（.mht/.mhtml）', hint: '请在浏览器中把网页另存为“网页，仅 HTML”（.html），或用 Word 另存为 .docx 再导入。' });
  if (looksLikeHtml(bytes)) return 'html';
  return 'text';
}

/** Office Open XML is a zip: its parts say what it is. A zip that cannot be listed is corrupt or cut short. */
function zipFormat(bytes: Uint8Array, file: string): SourceFormat {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
  } catch {
    throw new ReaderError({ file, message: `文件是 zip 压缩包（${ext(file)}的格式），但已损坏或不完整（无法读出文件目录）`, hint: '请重新下载原件，或用 Word/Excel 打开后另存一份。' });
  }
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  throw new ReaderError({ file, message: '文件是 zip 压缩包，但不是 Word（.docx）或 Excel（.xlsx）文档（其中没有 word/document.xml 或 xl/workbook.xml）', hint: '请解压后导入其中的通报文件。' });
}

/** An OLE compound file holds a Word 97–2003 document (stream WordDocument) or a workbook (Workbook/Book). */
function oleFormat(bytes: Uint8Array, file: string): SourceFormat {
  let names: string[];
  try {
    names = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' }).FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop()!);
  } catch {
    throw new ReaderError({ file, message: `文件是 Office 97–2003 复合文档（${ext(file)}的格式），但已损坏或不完整`, hint: '请重新下载原件，或用 Word/Excel 打开后另存为 .docx/.xlsx。' });
  }
  if (names.includes('WordDocument')) return 'doc';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  if (names.includes('EncryptedPackage')) throw new ReaderError({ file, message: '文件是加密的 Office 文档（需要密码才能打开）', hint: '请向发布单位索取未加密的原件。' });
  throw new ReaderError({ file, message: '文件是 Office 97–2003 复合文档，但既不是 Word 文档也不是 Excel 工作簿', hint: '请确认下载的是通报附件。' });
}

const ext = (file: string) => (extensionOf(file) ? `.${extensionOf(file)} ` : '');

/** A saved web page: markup at the top (doctype, html, head) — not a text file with a few tags in its cells. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  // The markup is ASCII in every charset a page declares (UTF-8, GBK…); only UTF-16 needs decoding first.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const text = new TextDecoder(utf16 ?? 'latin1').decode(bytes.subarray(0, 4096));
  const head = text.replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, '').replace(/^\s*(<!--[\s\S]*?-->\s*|<\?xml[^>]*>\s*)*/, '');
  return /^<(!doctype\s+html|html|head|meta|title|body)\b/i.test(head) || /<html[\s>]/i.test(head.slice(0, 1024));
}
