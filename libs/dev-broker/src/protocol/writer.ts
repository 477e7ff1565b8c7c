/**
 * Growable big-endian writer for responses. Large byte blocks (Fetch record batches) are not
 * copied in: `bytesRef` keeps a reference and the response goes out as a list of buffers, so a
 * 16 MiB fetch costs no second 16 MiB buffer.
 */
const REFERENCE_THRESHOLD = 1024;

export class Writer {
  private buf: Buffer;
  private pos = 0;
  /** Completed parts: slices of `buf` and referenced external buffers, in order. */
  private parts: Buffer[] = [];
  private partStart = 0;
  private referencedBytes = 0;

  constructor(initialSize = 256) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  /** Total response bytes, referenced blocks included. */
  get length(): number {
    return this.pos + this.referencedBytes;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int8(v: number): this {
    this.ensure(1);
    this.buf.writeInt8(v, this.pos);
    this.pos += 1;
    return this;
  }

  bool(v: boolean): this {
    return this.int8(v ? 1 : 0);
  }

  int16(v: number): this {
    this.ensure(2);
    this.buf.writeInt16BE(v, this.pos);
    this.pos += 2;
    return this;
  }

  int32(v: number): this {
    this.ensure(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }

  int64(v: number): this {
    this.ensure(8);
    this.buf.writeBigInt64BE(BigInt(v), this.pos);
    this.pos += 8;
    return this;
  }

  unsignedVarint(v: number): this {
    let value = v;
    while (value >= 0x80) {
      this.int8Raw((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    return this.int8Raw(value);
  }

  private int8Raw(b: number): this {
    this.ensure(1);
    this.buf[this.pos++] = b;
    return this;
  }

  string(s: string): this {
    const len = Buffer.byteLength(s);
    this.int16(len);
    this.ensure(len);
    this.buf.write(s, this.pos, 'utf8');
    this.pos += len;
    return this;
  }

  nullableString(s: string | null): this {
    return s === null ? this.int16(-1) : this.string(s);
  }

  compactString(s: string): this {
    const len = Buffer.byteLength(s);
    this.unsignedVarint(len + 1);
    this.ensure(len);
    this.buf.write(s, this.pos, 'utf8');
    this.pos += len;
    return this;
  }

  bytes(b: Buffer | null): this {
    if (b === null) return this.int32(-1);
    this.int32(b.length);
    return this.raw(b);
  }

  raw(b: Buffer): this {
    this.ensure(b.length);
    b.copy(this.buf, this.pos);
    this.pos += b.length;
    return this;
  }

  /** BYTES whose content is referenced, not copied (the caller must not modify it afterwards). */
  bytesRef(b: Buffer): this {
    this.int32(b.length);
    if (b.length < REFERENCE_THRESHOLD) return this.raw(b);
    this.parts.push(this.buf.subarray(this.partStart, this.pos), b);
    this.partStart = this.pos;
    this.referencedBytes += b.length;
    return this;
  }

  array<T>(items: readonly T[], item: (w: Writer, value: T) => void): this {
    this.int32(items.length);
    for (const value of items) item(this, value);
    return this;
  }

  emptyTagBuffer(): this {
    return this.unsignedVarint(0);
  }

  /** The response as buffers to write in order. */
  finishParts(): Buffer[] {
    return [...this.parts, this.buf.subarray(this.partStart, this.pos)].filter((b) => b.length > 0);
  }

  finish(): Buffer {
    return this.parts.length === 0
      ? this.buf.subarray(0, this.pos)
      : Buffer.concat(this.finishParts(), this.length);
  }
}
