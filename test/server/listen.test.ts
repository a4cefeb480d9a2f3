import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { parseConfig } from '../../config/config';
import { createLocalServer, listenLocal, Listening } from '../../server/local-server';

// `npm start` with no HOST accepts connections from this machine only. The check dials this
// machine's own non-loopback address (if it has one): still this machine, never the network.

const ownAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

/** 'connected', 'timeout', or the error code. */
function dial(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const open: Listening[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((listening) => listening.close()));
});

describe('where the local server listens', () => {
  it('on loopback only when HOST is unset: 127.0.0.1 (and ::1 where the machine has it)', async () => {
    const listening = await listenLocal(createLocalServer(), 0, parseConfig({}).listenHost);
    open.push(listening);
    expect(listening.addresses[0]).toBe(`127.0.0.1:${listening.port}`);
    for (const address of listening.addresses) expect(address).toMatch(/^(127\.0\.0\.1|\[::1\]):\d+$/);
    expect(await dial('127.0.0.1', listening.port)).toBe('connected');
    if (listening.addresses.length > 1) expect(await dial('::1', listening.port)).toBe('connected');
  });

  (ownAddress ? it : it.skip)(`refuses connections to this machine's own network address (${ownAddress ?? 'none'})`, async () => {
    const listening = await listenLocal(createLocalServer(), 0);
    open.push(listening);
    expect(await dial(ownAddress!, listening.port)).toBe('ECONNREFUSED');
  });

  (ownAddress ? it : it.skip)('listens where HOST says, e.g. every interface for a container', async () => {
    const listening = await listenLocal(createLocalServer(), 0, parseConfig({ HOST: '0.0.0.0' }).listenHost);
    open.push(listening);
    expect(listening.addresses).toEqual([`0.0.0.0:${listening.port}`]);
    expect(await dial(ownAddress!, listening.port)).toBe('connected');
  });

  it('serves HTTP through the IPv6 loopback listener too', async () => {
    const listening = await listenLocal(createLocalServer(), 0);
    open.push(listening);
    if (listening.addresses.length < 2) return; // no IPv6 loopback on this machine
    const response = await fetch(`http://[::1]:${listening.port}/api/health`);
    expect(response.status).toBe(200);
  });
});
