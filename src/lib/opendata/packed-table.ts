// One table serialised once: every entity's text (a CSV record, or its JSON) encoded to UTF-8 and laid
// back to back in one buffer, joined by a separator. A download file of any scope is then a list of
// slices of that buffer. The whole-dataset order is district → year → report, so the rows of a
// district, a year or a report mostly sit next to each other and come out as one slice: a file costs
// a copy, not a fresh serialisation of each row in each of its four scopes.

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
  constructor(entities: readonly object[], text: (e: never) => string, sep: string, readonly name: string) {
    const n = entities.length;
    const texts = entities.map((e) => text(e as never));
    this.sepBytes = Buffer.from(sep, 'utf8');
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      this.at.set(entities[i]!, i);
      this.start[i] = total;
      total += Buffer.byteLength(texts[i]!, 'utf8');
      this.end[i] = total;
      if (i < n - 1) total += this.sepBytes.length;
    }
    this.buf = Buffer.allocUnsafe(total);
    for (let i = 0; i < n; i++) {
      this.buf.write(texts[i]!, this.start[i]!, 'utf8');
      if (i < n - 1) this.sepBytes.copy(this.buf, this.end[i]!);
    }
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
