/**
 * Bounds-checked big-endian reader over one request frame. Every read checks the remaining length
 * first and throws ProtocolError, so a truncated or malformed frame can never read another
 * request's bytes or loop forever: the connection turns the error into "log and close".
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

export class Reader {
  private pos: number;

  constructor(
    readonly buf: Buffer,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): void {
    if (n < 0 || this.pos + n > this.end) {
      throw new ProtocolError(`truncated: need ${n} bytes at ${this.pos}, have ${this.end - this.pos}`);
    }
  }

  int8(): number {
    this.need(1);
    return this.buf.readInt8(this.pos++);
  }

  bool(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    this.need(2);
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  int32(): number {
    this.need(4);
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  /**
   * INT64 as a JS number. Offsets, timestamps and the producer ids this broker allocates all fit
   * in 2^53; anything larger cannot be one of ours, so it is rejected as malformed.
   */
  int64(): number {
    this.need(8);
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new ProtocolError(`int64 out of range: ${v}`);
    }
    return Number(v);
  }

  unsignedVarint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      this.need(1);
      const b = this.buf[this.pos++] as number;
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return value;
      shift += 7;
      if (shift > 28) throw new ProtocolError('varint too long');
    }
  }

  string(): string {
    const len = this.int16();
    if (len < 0) throw new ProtocolError('null where a string is required');
    return this.utf8(len);
  }

  nullableString(): string | null {
    const len = this.int16();
    if (len === -1) return null;
    if (len < -1) throw new ProtocolError(`bad string length ${len}`);
    return this.utf8(len);
  }

  compactString(): string {
    const s = this.compactNullableString();
    if (s === null) throw new ProtocolError('null where a compact string is required');
    return s;
  }

  compactNullableString(): string | null {
    const n = this.unsignedVarint();
    if (n === 0) return null;
    return this.utf8(n - 1);
  }

  private utf8(len: number): string {
    this.need(len);
    const s = this.buf.toString('utf8', this.pos, this.pos + len);
    this.pos += len;
    return s;
  }

  /** BYTES: a view into the frame (no copy); callers that keep it must copy. */
  bytes(): Buffer {
    const b = this.nullableBytes();
    if (b === null) throw new ProtocolError('null where bytes are required');
    return b;
  }

  nullableBytes(): Buffer | null {
    const len = this.int32();
    if (len === -1) return null;
    if (len < -1) throw new ProtocolError(`bad bytes length ${len}`);
    this.need(len);
    const b = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return b;
  }

  /** ARRAY: the count is checked against the bytes left so a forged count cannot spin. */
  array<T>(item: (r: Reader) => T): T[] {
    const items = this.nullableArray(item);
    if (items === null) throw new ProtocolError('null where an array is required');
    return items;
  }

  nullableArray<T>(item: (r: Reader) => T): T[] | null {
    const n = this.int32();
    if (n === -1) return null;
    if (n < -1 || n > this.remaining) throw new ProtocolError(`bad array length ${n}`);
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(item(this));
    return out;
  }

  /** Skips a flexible-version tag buffer (we understand no tags, so all are unknown). */
  skipTagBuffer(): void {
    const count = this.unsignedVarint();
    if (count > this.remaining) throw new ProtocolError(`bad tag count ${count}`);
    for (let i = 0; i < count; i++) {
      this.unsignedVarint();
      const size = this.unsignedVarint();
      this.need(size);
      this.pos += size;
    }
  }
}
