import { type Socket } from 'node:net';
import { type BrokerContext, type RequestContext } from '../broker-context';
import { unsupportedApiVersionsBody } from '../handlers/api-versions.handler';
import { HANDLERS } from '../handlers';
import { ApiKey, isSupported } from '../protocol/api-keys';
import { isFlexibleRequest, readRequestHeader, type RequestHeader } from '../protocol/header';
import { ProtocolError, Reader } from '../protocol/reader';
import { type Writer } from '../protocol/writer';
import { FrameDecoder, FrameTooLargeError } from './frame-decoder';

/**
 * One client connection. Requests are handled strictly one at a time in arrival order and
 * answered in that order (Kafka mutes a channel while a request is in flight), so a parked Fetch
 * or JoinGroup delays only this connection. Anything the broker cannot parse closes this
 * connection alone, with one log line; every other client keeps being served.
 */
/** Requests read ahead of the one being handled before we stop reading from the socket. */
const MAX_QUEUED_REQUESTS = 128;

export class Connection {
  private readonly decoder: FrameDecoder;
  private readonly queue: Buffer[] = [];
  private processing = false;
  private awaitingDrain = false;
  private paused = false;
  private closed = false;
  private readonly abort = new AbortController();
  private readonly clientHost: string;
  private readonly peer: string;

  constructor(
    private readonly socket: Socket,
    private readonly broker: BrokerContext,
    maxFrameBytes: number,
    private readonly onClose: (c: Connection) => void,
  ) {
    this.decoder = new FrameDecoder(maxFrameBytes);
    this.clientHost = socket.remoteAddress ?? 'unknown';
    this.peer = `${this.clientHost}:${socket.remotePort ?? 0}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    let frames: Buffer[];
    try {
      frames = this.decoder.push(chunk);
    } catch (err) {
      if (err instanceof FrameTooLargeError) {
        this.fail(`${err.message}; closing connection`);
        return;
      }
      throw err;
    }
    if (frames.length === 0) return;
    this.queue.push(...frames);
    this.updateReading();
    void this.pump();
  }

  /**
   * Backpressure both ways: stop reading while too many requests are queued (a client pipelining
   * without limit) or while the client is not draining our responses.
   */
  private updateReading(): void {
    if (this.closed) return;
    const shouldPause = this.awaitingDrain || this.queue.length >= MAX_QUEUED_REQUESTS;
    if (shouldPause && !this.paused) this.socket.pause();
    if (!shouldPause && this.paused) this.socket.resume();
    this.paused = shouldPause;
  }

  private async pump(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0 && !this.closed) {
        await this.handle(this.queue.shift() as Buffer);
        this.updateReading();
      }
    } finally {
      this.processing = false;
    }
  }

  private async handle(frame: Buffer): Promise<void> {
    const r = new Reader(frame);
    let header: RequestHeader | undefined;
    try {
      header = readRequestHeader(r);
      if (header.apiKey === ApiKey.ApiVersions && header.apiVersion > 3) {
        // KIP-511: answer in v0 so a newer client can retry with a version we speak.
        this.send(header.correlationId, unsupportedApiVersionsBody());
        return;
      }
      if (!isSupported(header.apiKey, header.apiVersion)) {
        this.fail(
          `unsupported API key ${header.apiKey} version ${header.apiVersion} from client ${header.clientId ?? '-'}; closing connection`,
        );
        return;
      }
      if (isFlexibleRequest(header.apiKey, header.apiVersion)) r.skipTagBuffer();
      const handler = HANDLERS.get(header.apiKey);
      if (handler === undefined) {
        this.fail(`no handler for API key ${header.apiKey}; closing connection`);
        return;
      }
      const ctx: RequestContext = {
        apiVersion: header.apiVersion,
        correlationId: header.correlationId,
        clientId: header.clientId ?? '',
        clientHost: this.clientHost,
        signal: this.abort.signal,
      };
      const body = await handler(this.broker, ctx, r);
      if (body !== null) this.send(header.correlationId, body);
    } catch (err) {
      const what =
        header === undefined
          ? 'request header'
          : `API key ${header.apiKey} v${header.apiVersion} from client ${header.clientId ?? '-'}`;
      if (err instanceof ProtocolError) {
        this.fail(`malformed ${what}: ${err.message}; closing connection`);
      } else {
        this.broker.logger.error(
          `dev-broker: internal error handling ${what} from ${this.peer}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
        this.close();
      }
    }
  }

  /** Response header v0 (correlation id) for every response, ApiVersions v3 included. */
  private send(correlationId: number, body: Writer): void {
    if (this.closed) return;
    const head = Buffer.allocUnsafe(8);
    head.writeInt32BE(body.length + 4, 0);
    head.writeInt32BE(correlationId, 4);
    this.socket.cork();
    let flushed = this.socket.write(head);
    for (const part of body.finishParts()) flushed = this.socket.write(part);
    this.socket.uncork();
    if (!flushed && !this.awaitingDrain) {
      this.awaitingDrain = true;
      this.updateReading();
      this.socket.once('drain', () => {
        this.awaitingDrain = false;
        this.updateReading();
      });
    }
  }

  private fail(reason: string): void {
    this.broker.logger.warn(`dev-broker: client ${this.peer}: ${reason}`);
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.abort.abort();
    this.socket.destroy();
    this.onClose(this);
  }
}
