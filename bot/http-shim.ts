import type { TurnContext } from 'botbuilder';
import type { LicensingAdapter } from './adapter';

export interface ShimResult {
  status: number;
  body: unknown;
}

/**
 * Runs one already-parsed activity through the adapter: `headers` is a plain record (botbuilder
 * reads `authorization` from it; a Fetch Headers object would look empty to it), and the answer
 * is the turn's invoke response, or 200 with nothing. A failure is thrown with its own type (see
 * LicensingAdapter.runActivity), for the HTTP layer to map.
 */
export async function processActivity(
  adapter: LicensingAdapter,
  headers: Record<string, string>,
  body: Record<string, unknown>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<ShimResult> {
  const answer = await adapter.runActivity(headers.authorization ?? '', body, logic);
  return { status: answer?.status ?? 200, body: answer?.body };
}
