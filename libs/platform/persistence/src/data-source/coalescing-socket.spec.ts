import { createServer, type AddressInfo, type Server } from 'node:net';
import { coalescingSocket } from './coalescing-socket';

describe('coalescingSocket', () => {
  let server: Server;
  let received: Promise<Buffer>;

  beforeEach(async () => {
    received = new Promise((resolve) => {
      server = createServer((connection) => {
        const parts: Buffer[] = [];
        connection.on('data', (data: Buffer) => parts.push(data));
        connection.on('end', () => resolve(Buffer.concat(parts)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends corked writes as one buffer, in order, and the bytes arrive unchanged', async () => {
    const socket = coalescingSocket();
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => socket.connect(port, '127.0.0.1', resolve));
    // Spied, not replaced: the real write must run (a wrong encoding aborts the process).
    const write = jest.spyOn(socket, '_write');
    socket.cork();
    socket.write(Buffer.from('Parse|'));
    socket.write(Buffer.from('Bind|'));
    socket.write('Execute|Sync');
    socket.uncork();
    socket.end();
    expect((await received).toString()).toBe('Parse|Bind|Execute|Sync');
    expect(write).toHaveBeenCalledTimes(1);
    expect(String(write.mock.calls[0]?.[0])).toBe('Parse|Bind|Execute|Sync');
    expect(write.mock.calls[0]?.[1]).toBe('buffer');
  });
});
