import type { AddressInfo } from 'node:net';
import { createDecisionHandler } from '../../handlers/decision';
import { createLocalServer, defaultRoutes } from '../../server/local-server';

export interface DecisionPageServer {
  /** http://127.0.0.1:<port>: the record links the pages carry point back here. */
  base: string;
  close(): Promise<void>;
}

/** The real local server on loopback, its record page on a fixed clock (`printed`), so a page's dates can be asserted. */
export async function startDecisionPageServer(printed: Date): Promise<DecisionPageServer> {
  let base = '';
  const routes = defaultRoutes().map((route) =>
    route.functionName === 'decision'
      ? { ...route, handler: (request: Parameters<typeof route.handler>[0]) => createDecisionHandler({ baseUrl: base, now: () => printed })(request) }
      : route,
  );
  const server = createLocalServer({ routes });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
