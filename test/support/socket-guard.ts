import { Socket } from 'node:net';

// Tests never dial anything but this machine: this records every connect a library attempts and
// fails at once (ENETUNREACH) any that is not to 127.0.0.1, so a regression fails the test
// without a packet leaving the machine.

export interface SocketGuard {
  /** Every host (or socket path) a connect was attempted to, in order. */
  readonly connections: string[];
  restore(): void;
}

export function guardSockets(): SocketGuard {
  const connections: string[] = [];
  // Called below with the socket it belongs to as `this` (apply), which the rule cannot see.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const originalConnect = Socket.prototype.connect;
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options =
      typeof first === 'object' && first !== null ? (first as { host?: string; path?: string }) : { host: typeof args[1] === 'string' ? args[1] : 'localhost' };
    const host = options.path ?? options.host ?? 'localhost';
    connections.push(host);
    if (host !== '127.0.0.1') {
      process.nextTick(() => this.destroy(Object.assign(new Error(`blocked by the test: connect to ${host}`), { code: 'ENETUNREACH' })));
      return this;
    }
    return (originalConnect as (...a: unknown[]) => Socket).apply(this, args);
  };
  return { connections, restore: () => void (Socket.prototype.connect = originalConnect) };
}
