import { Socket } from 'node:net';

type WritevChunks = { chunk: unknown; encoding: BufferEncoding }[];

/**
 * A TCP socket for pg whose corked writes leave as one buffer. pg corks the socket around the
 * Parse/Bind/Describe/Execute/Sync messages of every parameterised query; on uncork Node hands all
 * of them to `writev`, which measured about four times the CPU of one `write` of the same bytes
 * on our machines (a sixth of a service's CPU went to that `writev` on the visit-write path).
 * Copying a few hundred bytes into one buffer costs far less. Nothing else about the socket
 * changes (TLS, when configured, still upgrades it as usual).
 */
export function coalescingSocket(): Socket {
  const socket = new Socket();
  socket._writev = function (
    this: Socket,
    chunks: WritevChunks,
    callback: (error?: Error | null) => void,
  ): void {
    const buffers = chunks.map(({ chunk, encoding }) =>
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), encoding),
    );
    // 'buffer' is what Node's own streams pass for a Buffer chunk (not a BufferEncoding in the
    // types, but the socket's write path switches on it; anything else is taken for a string).
    const encoding = 'buffer' as BufferEncoding;
    this._write(buffers.length === 1 ? buffers[0] : Buffer.concat(buffers), encoding, callback);
  };
  return socket;
}
