import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { PayloadTooLargeError, ValidationError } from '../errors/domain-errors';
import { jsonBodyReader } from './body-parser';

/** jsonBodyReader on a plain Node server, as a lane ahead of Express uses it. */
describe('jsonBodyReader', () => {
  const outcomes: { body?: unknown; error?: unknown }[] = [];
  const read = jsonBodyReader(64);
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      read(req, res).then(
        (body) => {
          outcomes.push({ body });
          res.end();
        },
        (error: unknown) => {
          outcomes.push({ error });
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    outcomes.length = 0;
  });

  const post = (body: string, contentType = 'application/json') =>
    fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('reads a JSON body, and nothing from a body of another type', async () => {
    await post('{"name":"赵"}');
    await post('name=x', 'application/x-www-form-urlencoded');
    expect(outcomes).toEqual([{ body: { name: '赵' } }, { body: undefined }]);
  });

  it('rejects malformed JSON as a 400 and a body over the limit as a 413', async () => {
    await post('{"name": ');
    await post(JSON.stringify({ name: 'x'.repeat(100) }));
    expect(outcomes[0]?.error).toBeInstanceOf(ValidationError);
    expect(outcomes[1]?.error).toBeInstanceOf(PayloadTooLargeError);
  });

  it('takes a client that gives up halfway through its body as bad input (400), not as a failure of ours', async () => {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"name":',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    while (outcomes.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(outcomes[0]?.error).toBeInstanceOf(ValidationError);
    expect((outcomes[0]?.error as ValidationError).status).toBe(400);
  });
});
