import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from './free-port';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Azurite's table service for the Table Storage tests: the `azurite` dev dependency (pure
// JavaScript, nothing downloaded), on 127.0.0.1 on a free port, in memory, telemetry off. It needs
// Node 22+, so it runs on the Node running jest (the project's Node 24 under npm scripts and npx).

export interface Azurite {
  /** The table endpoint of the development account. */
  endpoint: string;
  stop(): Promise<void>;
}

const STARTUP_MS = 20_000;

export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  // In memory Azurite refuses --location; it runs in a temp folder of its own in case it writes anything there.
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  const child = spawn(
    process.execPath,
    [
      require.resolve('azurite/dist/src/table/main.js'),
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(port),
      '--inMemoryPersistence',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--silent',
    ],
    { cwd: location, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    await listening(child);
  } catch (error) {
    child.kill();
    rmSync(location, { recursive: true, force: true });
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${port}/devstoreaccount1`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      rmSync(location, { recursive: true, force: true });
    },
  };
}

function listening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start in ${STARTUP_MS} ms: ${output}`)), STARTUP_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/successfully (listening|started)/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code}): ${output}`));
    });
  });
}
