import * as net from 'node:net';
import { Reader } from '../../src/protocol/reader';
import { Writer } from '../../src/protocol/writer';

/**
 * A bare Kafka-protocol client for tests that need exact bytes: malformed frames, specific
 * versions, duplicate idempotent batches. Responses are matched to requests in order.
 */
export class RawClient {
  private buffer = Buffer.alloc(0);
  private readonly waiting: ((frame: Buffer) => void)[] = [];
  private correlationId = 1;
  readonly closed: Promise<void>;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      while (this.buffer.length >= 4 && this.buffer.length >= 4 + this.buffer.readInt32BE(0)) {
        const size = this.buffer.readInt32BE(0);
        const frame = this.buffer.subarray(4, 4 + size);
        this.buffer = this.buffer.subarray(4 + size);
        this.waiting.shift()?.(frame);
      }
    });
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, host, () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  private frame(
    apiKey: number,
    apiVersion: number,
    correlationId: number,
    body: (w: Writer) => void,
  ): Buffer {
    const w = new Writer();
    w.int32(0).int16(apiKey).int16(apiVersion).int32(correlationId).nullableString('raw-client');
    body(w);
    const frame = w.finish();
    frame.writeInt32BE(frame.length - 4, 0);
    return frame;
  }

  /** Sends a request that must get no response (Produce acks=0); a later request proves it. */
  sendExpectingNoResponse(apiKey: number, apiVersion: number, body: (w: Writer) => void): void {
    this.socket.write(this.frame(apiKey, apiVersion, this.correlationId++, body));
  }

  /** Sends a request with header v1 and returns a reader over the response body. */
  async request(apiKey: number, apiVersion: number, body: (w: Writer) => void): Promise<Reader> {
    const correlationId = this.correlationId++;
    const frame = this.frame(apiKey, apiVersion, correlationId, body);
    const response = new Promise<Buffer>((resolve) => this.waiting.push(resolve));
    this.socket.write(frame);
    const bytes = await response;
    const r = new Reader(bytes);
    expectEqual(r.int32(), correlationId, 'correlation id');
    return r;
  }

  /** Sends without waiting for an answer (acks=0, or garbage). */
  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  close(): void {
    this.socket.destroy();
  }
}

function expectEqual(actual: number, expected: number, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}
