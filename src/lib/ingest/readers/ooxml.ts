import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { ReaderError } from './types';
import { MAX_PART_BYTES } from '~/lib/limits';

// Reading parts of an Office Open XML package (.docx, .xlsx) within bounds: a part is inflated only if its
// declared size is under the cap, into a buffer of exactly that size, so a zip bomb costs at most the cap.


export function readZipParts(bytes: Uint8Array, file: string, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) {
          throw new ReaderError({ file, part: f.name, message: `这一部分解压后有 ${Math.round(f.originalSize / 1048576)} MB，超过上限 ${MAX_PART_BYTES / 1048576} MB（可能是恶意构造的压缩包）`, hint: '请确认原件，或另存为较小的文件后再导入。' });
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ReaderError) throw e;
    throw new ReaderError({ file, message: `zip 压缩包已损坏或不完整（${(e as Error).message}）`, hint: '请重新下载原件，或用 Word/Excel 打开后另存一份。' });
  }
}

/** An XML node as fast-xml-parser gives it with preserveOrder: { tag: children, ':@': attributes }. */
export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  // Word nests about 7 levels per table; 160 allows 20 tables inside each other and stops a hostile file.
  maxNestedTags: 160,
});

export function parseXml(bytes: Uint8Array, file: string, part: string): XNode[] {
  try {
    return parser.parse(new TextDecoder('utf-8').decode(bytes)) as XNode[];
  } catch (e) {
    throw new ReaderError({ file, part, message: `XML 无法解析（${(e as Error).message.slice(0, 120)}）：文件已损坏`, hint: '请重新下载原件，或用 Word/Excel 打开后另存一份。' });
  }
}

export const tagOf = (n: XNode): string => Object.keys(n).find((k) => k !== ':@') ?? '';
export const kids = (n: XNode): XNode[] => {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
};
export const attr = (n: XNode, name: string): string | undefined => (n[':@'] as Record<string, string> | undefined)?.[name];
export const child = (n: XNode, tag: string): XNode | undefined => kids(n).find((k) => tagOf(k) === tag);
export const textOf = (n: XNode): string => (typeof n['#text'] === 'string' || typeof n['#text'] === 'number' ? String(n['#text']) : '');

/** First element with this tag in document order (breadth-limited walk of the top levels). */
export function find(nodes: XNode[], tag: string): XNode | undefined {
  const queue = [...nodes];
  for (let i = 0; i < queue.length && i < 10_000; i++) {
    const n = queue[i]!;
    if (tagOf(n) === tag) return n;
    queue.push(...kids(n));
  }
  return undefined;
}
