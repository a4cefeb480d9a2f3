import { connect } from 'node:net';

export interface RawAnswer {
  /** The status of the first line that came back, or undefined if none did. */
  status?: number;
  /** Everything that came back (up to 64 KB). */
  text: string;
}

/** Writes `bytes` as they are to 127.0.0.1:port and reads the answer until the server closes or `limitMs` passes. */
export function rawRequest(port: number, bytes: string, limitMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let text = '';
    const socket = connect({ host: '127.0.0.1', port });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), text });
    };
    const timer = setTimeout(finish, limitMs);
    socket.setEncoding('latin1');
    socket.on('connect', () => socket.write(bytes, 'latin1'));
    socket.on('data', (chunk: string) => {
      if (text.length < 65536) text += chunk;
    });
    socket.on('close', finish);
    socket.on('error', finish);
  });
}
