import * as fs from 'node:fs';

/**
 * Sparse offset index of one segment: every `intervalBytes` of log, one entry mapping a batch's
 * base offset (relative to the segment) to its file position. A lookup returns the position of
 * the greatest indexed batch at or before the wanted offset, so a read scans at most one interval.
 * Entries are 8 bytes (UINT32 relative offset, UINT32 position), appended to `<base>.index`.
 * The file is a by-product: on start the index is rebuilt from the segment while it is recovered.
 */
export class OffsetIndex {
  private relOffsets: number[] = [];
  private positions: number[] = [];
  private lastIndexedPosition = -Infinity;
  readonly fd: number;

  constructor(
    private readonly file: string,
    private readonly baseOffset: number,
    private readonly intervalBytes: number,
  ) {
    // Rebuilt from the log on every open, so start from an empty file.
    this.fd = fs.openSync(file, 'w');
  }

  /** Called for every appended batch, in order. */
  onAppend(baseOffset: number, position: number): void {
    if (position - this.lastIndexedPosition < this.intervalBytes) return;
    const rel = baseOffset - this.baseOffset;
    this.relOffsets.push(rel);
    this.positions.push(position);
    this.lastIndexedPosition = position;
    const entry = Buffer.allocUnsafe(8);
    entry.writeUInt32BE(rel >>> 0, 0);
    entry.writeUInt32BE(position >>> 0, 4);
    fs.writeSync(this.fd, entry);
  }

  /** File position to start scanning from for `offset`. */
  lookup(offset: number): number {
    const rel = offset - this.baseOffset;
    let lo = 0;
    let hi = this.relOffsets.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.relOffsets[mid] as number) <= rel) {
        found = this.positions[mid] as number;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  get entries(): number {
    return this.relOffsets.length;
  }

  sync(): void {
    fs.fdatasyncSync(this.fd);
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  delete(): void {
    this.close();
    fs.rmSync(this.file, { force: true });
  }
}
