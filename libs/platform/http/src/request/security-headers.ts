import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

let captured: readonly (readonly [string, string])[] | undefined;

/**
 * The headers `helmet()` (as `createHttpApp` installs it) sets on every response, captured once
 * by running it against a recording response: a handler ahead of Express sends exactly the same
 * security headers by setting this constant list.
 */
export function securityHeaders(): readonly (readonly [string, string])[] {
  if (captured) return captured;
  const headers: [string, string][] = [];
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers.push([name, String(value)]);
      return recorder;
    },
    removeHeader() {
      return recorder;
    },
  };
  let done = false;
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    done = true;
  });
  // helmet's defaults are static and run synchronously; anything else would be a surprise here.
  if (!done) throw new Error('helmet did not finish synchronously');
  captured = Object.freeze(headers.map((header) => Object.freeze(header)));
  return captured;
}
