/**
 * Splits a TCP byte stream into Kafka frames (INT32 size + payload). Chunks may hold several
 * frames or part of one; bytes are only concatenated once a whole frame is buffered, so a large
 * frame arriving in many chunks costs one copy. A size prefix that is negative or above
 * `maxFrameBytes` is a fatal error for the connection (Kafka's socket.request.max.bytes).
 */
export class FrameTooLargeError extends Error {
  override readonly name = 'FrameTooLargeError';
}

export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxFrameBytes: number) {}

  /** Adds a chunk and returns every complete frame payload now available (without the size). */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    while (this.buffered >= 4) {
      const size = this.peekSize();
      if (size < 0 || size > this.maxFrameBytes) {
        throw new FrameTooLargeError(`frame size ${size} outside 0..${this.maxFrameBytes}`);
      }
      if (this.buffered < 4 + size) break;
      const all =
        this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.buffered);
      frames.push(all.subarray(4, 4 + size));
      const rest = all.subarray(4 + size);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
    }
    return frames;
  }

  /** Bytes of an incomplete frame still waiting (a truncated frame at close). */
  get pendingBytes(): number {
    return this.buffered;
  }

  private peekSize(): number {
    const first = this.chunks[0] as Buffer;
    if (first.length >= 4) return first.readInt32BE(0);
    const head = Buffer.concat(this.chunks, this.buffered).subarray(0, 4);
    return head.readInt32BE(0);
  }
}
