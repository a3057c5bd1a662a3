import CFB from 'cfb';

// The layout of each table row in a Word 97–2003 file, read from the row's table-terminating paragraph
// properties ([MS-DOC] PAPX in the WordDocument stream, located through the FIB's PlcBtePapx in the table
// stream): where each cell starts and ends (sprmTDefTable's rgdxaCenter) and whether it continues a vertical
// merge (TC80 vertMerge bits, sprmTVertMerge). word-extractor gives the text; this gives the merges it loses.

export interface RowLayout {
  /** Cell boundaries in twips: cell i spans bounds[i]..bounds[i+1]. */
  bounds: number[];
  /** Per cell: 0 not merged, 1 continues the cell above, 3 starts a vertical merge. */
  vMerge: number[];
}

const SPRM_P_FTTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_HUGE_PAPX = 0x6646;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_T_VERT_MERGE = 0xd62b;

const streamOf = (cfb: CFB.CFB$Container, name: string): Buffer | undefined => {
  const e = CFB.find(cfb, name);
  return e?.content ? Buffer.from(e.content as Uint8Array) : undefined;
};

interface Props {
  ttp: boolean;
  itap: number;
  layout?: RowLayout;
}

/** Walk a grpprl (a run of sprms), collecting what a table row needs. Bounded by the buffer. */
function readSprms(buf: Buffer, start: number, end: number, props: Props, data: Buffer | undefined, depth = 0): void {
  let off = start;
  while (off + 2 <= end) {
    const sprm = buf.readUInt16LE(off);
    off += 2;
    const spra = sprm >> 13;
    let size: number;
    if (sprm === SPRM_T_DEF_TABLE) size = off + 2 <= end ? buf.readUInt16LE(off) + 1 : end - off;
    else if (spra === 6) size = off < end ? buf[off]! + 1 : end - off;
    else size = [1, 1, 2, 4, 2, 2, 0, 3][spra]!;
    if (off + size > end) return;
    if (sprm === SPRM_P_FTTP) props.ttp = buf[off] === 1;
    else if (sprm === SPRM_P_ITAP) props.itap = buf.readInt32LE(off);
    else if (sprm === SPRM_T_DEF_TABLE) props.layout = defTable(buf, off, off + size);
    else if (sprm === SPRM_T_VERT_MERGE && props.layout && size >= 3) props.layout.vMerge[buf[off + 1]!] = buf[off + 2]!;
    else if (sprm === SPRM_P_HUGE_PAPX && data && depth === 0) {
      const at = buf.readUInt32LE(off);
      if (at + 2 <= data.length) readSprms(data, at + 2, Math.min(data.length, at + 2 + data.readUInt16LE(at)), props, data, 1);
    }
    off += size;
  }
}

/** TDefTableOperand: cb (2), itcMac (1), rgdxaCenter (itcMac+1 × int16), rgTc80 (20 bytes each, maybe fewer). */
function defTable(buf: Buffer, off: number, end: number): RowLayout | undefined {
  const n = buf[off + 2];
  if (n === undefined || n === 0 || off + 3 + 2 * (n + 1) > end) return undefined;
  const bounds: number[] = [];
  for (let i = 0; i <= n; i++) bounds.push(buf.readInt16LE(off + 3 + 2 * i));
  const vMerge: number[] = new Array(n).fill(0);
  const tcAt = off + 3 + 2 * (n + 1);
  for (let i = 0; i < n && tcAt + 20 * (i + 1) <= end; i++) vMerge[i] = (buf.readUInt16LE(tcAt + 20 * i) >> 5) & 3;
  return { bounds, vMerge };
}

/** Row layouts of the top-level tables, in document order; undefined when the file cannot be read this way. */
export function readRowLayouts(bytes: Uint8Array): RowLayout[] | undefined {
  try {
    const cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
    const wd = streamOf(cfb, 'WordDocument');
    if (!wd || wd.length < 154 || wd.readUInt16LE(0) !== 0xa5ec) return undefined;
    const table = streamOf(cfb, wd.readUInt16LE(0x0a) & 0x0200 ? '1Table' : '0Table');
    const data = streamOf(cfb, 'Data');
    if (!table) return undefined;
    const csw = wd.readUInt16LE(32);
    let pos = 34 + csw * 2;
    const cslw = wd.readUInt16LE(pos);
    pos += 2 + cslw * 4 + 2;
    const fc = wd.readUInt32LE(pos + 13 * 8);
    const lcb = wd.readUInt32LE(pos + 13 * 8 + 4);
    if (lcb < 12 || fc + lcb > table.length) return undefined;
    const n = (lcb - 4) / 8;
    const rows: RowLayout[] = [];
    for (let k = 0; k < n; k++) {
      const pn = table.readUInt32LE(fc + 4 * (n + 1) + 4 * k) & 0x3fffff;
      const fkp = wd.subarray(pn * 512, pn * 512 + 512);
      if (fkp.length < 512) return undefined;
      const crun = fkp[511]!;
      for (let i = 0; i < crun; i++) {
        const bOffset = fkp[4 * (crun + 1) + 13 * i]!;
        if (bOffset === 0) continue;
        let at = bOffset * 2;
        let len = fkp[at]! * 2 - 1;
        at += 1;
        if (len === -1) {
          len = fkp[at]! * 2;
          at += 1;
        }
        const props: Props = { ttp: false, itap: 1 };
        readSprms(fkp, at + 2, Math.min(511, at + len), props, data);
        if (props.ttp && props.itap <= 1 && props.layout) rows.push(props.layout);
      }
    }
    return rows;
  } catch {
    return undefined;
  }
}
