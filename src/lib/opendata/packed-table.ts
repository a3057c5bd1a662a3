// One table serialised once: every entity's text (a CSV record, or its JSON) encoded to UTF-8 and laid
// back to back in buffers of a few megabytes, joined by a separator. A download file of any scope is
// then a list of slices of those buffers. The whole-dataset order is district → year → report, so the rows of a
// district, a year or a report mostly sit next to each other and come out as one slice: a file costs
// a copy, not a fresh serialisation of each row in each of its four scopes.

/** Encoding buffer size, at most and at first. */
const CHUNK = 1 << 22;
const FIRST_CHUNK = 1 << 16;
/** encodeInto, not Buffer#write: 1.7× faster on the concatenated strings CSV records are (Node 24, measured). */
const utf8 = new TextEncoder();

export class PackedTable {
  /** The encoded texts, in chunks: an entity's bytes (and the separator before it) never straddle two. */
  private readonly chunks: Buffer[] = [];
  private readonly chunkOf: Int32Array;
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
    const sepLength = this.sepBytes.length;
    this.chunkOf = new Int32Array(n);
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    // Each text is encoded as soon as it is made (holding every entity's string until the total size
    // is known kept them alive through young-generation GCs), and the chunks are kept as they are:
    // joining them into one buffer held the table twice at that moment (150 MB for progress.json at
    // 100× the seeds). The separator goes before an entity, in its chunk, so a run of neighbours in
    // one chunk is one slice with its separators.
    let cur = Buffer.allocUnsafe(0);
    let used = 0;
    let size = FIRST_CHUNK / 2;
    for (let i = 0; i < n; i++) {
      this.at.set(entities[i]!, i);
      const t = text(entities[i] as never);
      const sepHere = i > 0 ? sepLength : 0;
      // UTF-8 takes at most 3 bytes per UTF-16 unit, so the exact size is only counted near a chunk's end.
      if (sepHere + t.length * 3 > cur.length - used) {
        const need = sepHere + Buffer.byteLength(t, 'utf8');
        if (need > cur.length - used) {
          if (used) this.chunks.push(cur.subarray(0, used));
          // From 64 KB, doubling up to chunkBytes: a table of one district is small, and thousands of
          // 4 MB buffers, each touched afresh, cost more than the serialising (measured at 100× the seeds).
          size = Math.min(chunkBytes, size * 2);
          cur = Buffer.allocUnsafe(Math.max(size, need));
          used = 0;
        }
      }
      if (sepHere) used += this.sepBytes.copy(cur, used);
      this.chunkOf[i] = this.chunks.length;
      this.start[i] = used;
      used += utf8.encodeInto(t, cur.subarray(used)).written;
      this.end[i] = used;
    }
    // The last chunk is mostly empty for a small table: keep only its bytes.
    if (used || this.chunks.length === 0) this.chunks.push(used * 2 < cur.length ? Buffer.from(cur.subarray(0, used)) : cur.subarray(0, used));
  }

  /** Every entity's bytes joined by the separator, in order: the whole table (read, never modify). */
  all(): readonly Uint8Array[] {
    return this.chunks;
  }

  /** The bytes of `entities` joined by the separator, as slices of the shared chunks (read, never modify). */
  slices(entities: readonly object[]): Uint8Array[] {
    const out: Uint8Array[] = [];
    let first = -1;
    let last = -1;
    const flush = () => {
      if (first < 0) return;
      if (out.length && this.sepBytes.length) out.push(this.sepBytes);
      out.push(this.chunks[this.chunkOf[first]!]!.subarray(this.start[first]!, this.end[last]!));
    };
    for (const e of entities) {
      const i = this.at.get(e);
      if (i === undefined) throw new Error(`opendata: ${this.name} 表中没有这一行（下载范围取到了整表之外的对象）；请检查 src/lib/opendata/scopes.ts 的切分。`);
      if (first >= 0 && i === last + 1 && this.chunkOf[i] === this.chunkOf[last]) {
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
