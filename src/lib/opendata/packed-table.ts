// One table serialised once: every entity's text (a CSV record, or its JSON) encoded to UTF-8 and laid
// back to back in one buffer, joined by a separator. A download file of any scope is then a list of
// slices of that buffer. The whole-dataset order is district → year → report, so the rows of a
// district, a year or a report mostly sit next to each other and come out as one slice: a file costs
// a copy, not a fresh serialisation of each row in each of its four scopes.

/** Encoding buffer size; texts are joined into one exact-size buffer at the end. */
const CHUNK = 1 << 22;

export class PackedTable {
  private readonly buf: Buffer;
  private readonly start: Float64Array;
  private readonly end: Float64Array;
  private readonly at = new Map<object, number>();
  private readonly sepBytes: Buffer;

  /**
   * @param entities every entity any file will ask for, in the order the whole-dataset file lists them
   * @param text the entity's serialised text
   * @param sep what goes between two entities (",": JSON array items; "": CSV records carry their own line end)
   */
  constructor(entities: readonly object[], text: (e: never) => string, sep: string, readonly name: string, chunkBytes = CHUNK) {
    const n = entities.length;
    this.sepBytes = Buffer.from(sep, 'utf8');
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    // Each text is encoded as soon as it is made, into chunks joined at the end: holding every
    // entity's string until the total size is known kept them alive through young-generation GCs.
    const chunks: Buffer[] = [];
    let cur = Buffer.allocUnsafe(0);
    let used = 0;
    let total = 0;
    const put = (t: string) => {
      // UTF-8 takes at most 3 bytes per UTF-16 unit, so the exact size is only counted near a chunk's end.
      if (t.length * 3 > cur.length - used) {
        const need = Buffer.byteLength(t, 'utf8');
        if (need > cur.length - used) {
          if (used) chunks.push(cur.subarray(0, used));
          cur = Buffer.allocUnsafe(Math.max(chunkBytes, need));
          used = 0;
        }
      }
      const written = cur.write(t, used, 'utf8');
      used += written;
      total += written;
    };
    for (let i = 0; i < n; i++) {
      this.at.set(entities[i]!, i);
      this.start[i] = total;
      put(text(entities[i] as never));
      this.end[i] = total;
      if (i < n - 1 && sep) put(sep);
    }
    if (used) chunks.push(cur.subarray(0, used));
    this.buf = Buffer.concat(chunks, total);
  }

  /** The bytes of `entities` joined by the separator, as slices of the shared buffer (read, never modify). */
  slices(entities: readonly object[]): Uint8Array[] {
    const out: Uint8Array[] = [];
    let first = -1;
    let last = -1;
    const flush = () => {
      if (first < 0) return;
      if (out.length && this.sepBytes.length) out.push(this.sepBytes);
      out.push(this.buf.subarray(this.start[first]!, this.end[last]!));
    };
    for (const e of entities) {
      const i = this.at.get(e);
      if (i === undefined) throw new Error(`opendata: ${this.name} 表中没有这一行（下载范围取到了整表之外的对象）；请检查 src/lib/opendata/scopes.ts 的切分。`);
      if (first >= 0 && i === last + 1) {
        last = i;
        continue;
      }
      flush();
      first = last = i;
    }
    flush();
    return out;
  }
}
