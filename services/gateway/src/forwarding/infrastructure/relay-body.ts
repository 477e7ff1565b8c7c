import { type ServerResponse } from 'node:http';
import { type Readable } from 'node:stream';

/**
 * Streams the upstream's body to the caller and settles once the answer is complete or abandoned.
 * Not `stream/promises` `pipeline`: it allocates an AbortController per call and aborts it on
 * completion, building a DOMException with a stack trace for every forwarded response (visible in
 * the CPU profile). A broken upstream body ends the caller's response; a caller that hangs up
 * releases the upstream body (and with it the pooled connection).
 */
export function relayBody(body: Readable, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const abandon = (): void => {
      // The caller hung up or the upstream broke mid-body; headers are gone, so just end.
      if (!body.destroyed) body.destroy();
      if (!res.destroyed) res.destroy();
      resolve();
    };
    body.once('error', abandon);
    res.once('error', abandon);
    res.once('close', () => {
      if (res.writableFinished) resolve();
      else abandon();
    });
    body.pipe(res);
  });
}
