import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { relayBody } from './relay-body';

/** A local server whose handler relays `source` to the caller, reporting when relayBody settles. */
async function serve(
  handle: (res: ServerResponse) => Promise<void>,
): Promise<{ server: Server; port: number }> {
  const server = createServer((_req: IncomingMessage, res: ServerResponse) => void handle(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/' }, resolve).on('error', reject).end();
  });
}

describe('relayBody', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  it('streams the whole body and settles once the response is finished', async () => {
    let settled: Promise<void> | undefined;
    ({ server } = await serve(async (res) => {
      const source = new PassThrough();
      res.setHeader('content-type', 'application/json');
      settled = relayBody(source, res);
      source.write('{"a":');
      source.end('1}');
      await settled;
    }));
    const port = (server.address() as AddressInfo).port;
    const response = await get(port);
    let text = '';
    for await (const chunk of response) text += String(chunk);
    expect(text).toBe('{"a":1}');
    await expect(settled).resolves.toBeUndefined();
  });

  it('ends the caller response when the upstream body breaks mid-way', async () => {
    let settled: Promise<void> | undefined;
    ({ server } = await serve(async (res) => {
      const source = new PassThrough();
      res.setHeader('content-type', 'application/json');
      settled = relayBody(source, res);
      source.write('{"partial":');
      setTimeout(() => source.destroy(new Error('upstream socket reset')), 20);
      await settled;
    }));
    const port = (server.address() as AddressInfo).port;
    const response = await get(port);
    const outcome = await new Promise<string>((resolve) => {
      response.on('error', () => resolve('error'));
      response.on('aborted', () => resolve('aborted'));
      response.on('end', () => resolve(response.complete ? 'complete' : 'incomplete'));
      response.resume();
    });
    expect(outcome).not.toBe('complete');
    await expect(settled).resolves.toBeUndefined();
  });

  it('releases the upstream body when the caller hangs up', async () => {
    const source = new PassThrough();
    let settled: Promise<void> | undefined;
    const started = new Promise<void>((resolve) => {
      void serve(async (res) => {
        settled = relayBody(source, res);
        source.write('x'.repeat(1024));
        resolve();
        await settled;
      }).then((started) => {
        server = started.server;
        void get(started.port).then((response) => response.destroy());
      });
    });
    await started;
    await new Promise<void>((resolve) => source.once('close', () => resolve()));
    expect(source.destroyed).toBe(true);
    await expect(settled).resolves.toBeUndefined();
  });
});
