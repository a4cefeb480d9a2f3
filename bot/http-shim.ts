import type { CloudAdapter, Request, Response, TurnContext } from 'botbuilder';

export interface ShimResult {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Runs one already-parsed activity through CloudAdapter.process, standing in for the express-style
 * request and response it expects: a parsed body, a plain header record (a Fetch Headers object
 * looks empty to it), and a response whose status and body are captured and handed back.
 */
export async function processActivity(
  adapter: CloudAdapter,
  headers: Record<string, string>,
  body: Record<string, unknown>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<ShimResult> {
  const result: ShimResult = { status: 200, headers: {}, body: undefined };
  const request: Request = { method: 'POST', headers, body };
  const response: Response = {
    socket: undefined,
    status(code: number) {
      result.status = code;
      return response;
    },
    header(name: string, value: unknown) {
      result.headers[name] = String(value);
      return response;
    },
    send(payload: unknown) {
      result.body = payload;
      return response;
    },
    end() {
      return response;
    },
  };
  await adapter.process(request, response, logic);
  return result;
}
