import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { UpstreamFailure } from '../domain/upstream-failure';
import { AbortSource } from './abort-source';
import { UpstreamClient } from './upstream-client';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function listen(handler: Handler): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function text(body: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const options = {
  connections: 4,
  maxRetries: 2,
  retryBackoffMs: 1,
  breaker: {
    errorThresholdPercentage: 50,
    volumeThreshold: 4,
    resetTimeoutMs: 60_000,
    rollingCountTimeoutMs: 10_000,
  },
};

function get(path = '/x', timeoutMs = 1000) {
  return { method: 'GET', path, headers: {}, body: undefined, timeoutMs, retryable: true };
}

describe('UpstreamClient', () => {
  const servers: Server[] = [];
  const clients: UpstreamClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await Promise.all(servers.splice(0).map(close));
  });

  async function setup(handler: Handler): Promise<UpstreamClient> {
    const { server, origin } = await listen(handler);
    servers.push(server);
    const client = new UpstreamClient('registry', origin, options);
    clients.push(client);
    return client;
  }

  it('retries a GET that met a 503 and returns the later success', async () => {
    let calls = 0;
    const client = await setup((_req, res) => {
      calls += 1;
      res.statusCode = calls === 1 ? 503 : 200;
      res.end(calls === 1 ? 'busy' : 'ok');
    });
    const response = await client.send(get());
    expect(response.statusCode).toBe(200);
    expect(await text(response.body)).toBe('ok');
    expect(calls).toBe(2);
  });

  it('never retries a POST, and passes the upstream 503 through', async () => {
    let calls = 0;
    const client = await setup((_req, res) => {
      calls += 1;
      res.statusCode = 503;
      res.end('{"status":503}');
    });
    const response = await client.send({
      ...get(),
      method: 'POST',
      body: Buffer.from('{}'),
      retryable: false,
    });
    expect(response.statusCode).toBe(503);
    expect(await text(response.body)).toBe('{"status":503}');
    expect(calls).toBe(1);
  });

  it('turns a slow upstream into a timeout failure (504)', async () => {
    const client = await setup((_req, res) => {
      setTimeout(() => res.end('late'), 500);
    });
    const failure = await client.send(get('/slow', 100)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamFailure);
    expect((failure as UpstreamFailure).status).toBe(504);
  });

  it('turns a refused connection into an unreachable failure (502)', async () => {
    const { server, origin } = await listen((_req, res) => res.end());
    await close(server);
    const client = new UpstreamClient('pairing', origin, options);
    clients.push(client);
    const failure = await client.send(get()).catch((error: unknown) => error);
    expect((failure as UpstreamFailure).status).toBe(502);
    expect((failure as UpstreamFailure).upstream).toBe('pairing');
  });

  it('cancels the upstream call when the caller goes away, without retrying or tripping the breaker', async () => {
    let calls = 0;
    let upstreamSawClose!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamSawClose = resolve));
    const client = await setup((req) => {
      calls += 1;
      req.socket.once('close', () => upstreamSawClose());
    });
    const caller = new AbortSource();
    const pending = client.send({ ...get('/hangs', 5_000), signal: caller }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    caller.abort();
    const failure = await pending;
    await closed;
    expect(failure).toBeInstanceOf(UpstreamFailure);
    expect((failure as UpstreamFailure).status).toBe(502);
    expect(calls).toBe(1);
    expect(client.circuitState).toBe('closed');
  });

  it('opens the circuit after repeated failures and answers 503 without calling the upstream', async () => {
    let calls = 0;
    const client = await setup((_req, res) => {
      calls += 1;
      res.statusCode = 502;
      res.end();
    });
    for (let i = 0; i < 4; i += 1) {
      const response = await client.send({ ...get(), retryable: false }).catch((error: unknown) => error);
      if (!(response instanceof UpstreamFailure))
        await text((response as { body: NodeJS.ReadableStream }).body);
    }
    const before = calls;
    const failure = await client.send(get()).catch((error: unknown) => error);
    expect(client.circuitState).toBe('open');
    expect((failure as UpstreamFailure).status).toBe(503);
    expect((failure as UpstreamFailure).retryAfterSec).toBe(60);
    expect(calls).toBe(before);
  });
});
