import { InvocationContext } from '@azure/functions';
import { parseConfig } from '../../config/config';
import { createMessagesHandler } from '../../handlers/messages';
import { applicationInsights } from '../../telemetry/app-insights';
import { startPayload } from '../../bot/payloads';
import { activity } from '../support/activities';
import { buttons } from '../support/cards';
import { answerData } from '../support/interview-driver';
import { cardsOf, httpRequest, repliesOf } from '../support/http';

// A connection string is set but the distro cannot start: the user still gets every answer and
// the operator every log line; the export says once that it is off.

jest.mock('@azure/monitor-opentelemetry', () => ({
  ...jest.requireActual<typeof import('@azure/monitor-opentelemetry')>('@azure/monitor-opentelemetry'),
  useAzureMonitor: () => {
    throw new TypeError('exporter setup failed');
  },
}));

const CONNECTION_STRING = 'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://ingestion.invalid/';

it('answers and logs every turn, vote included, when the exporter cannot start', async () => {
  const warnings: string[] = [];
  const lines: Record<string, unknown>[] = [];
  const handler = createMessagesHandler({
    config: parseConfig({}),
    telemetry: applicationInsights(CONNECTION_STRING, { warn: (message) => warnings.push(message) }),
  });
  const context = () =>
    new InvocationContext({
      functionName: 'messages',
      logHandler: (_level, ...args) => {
        const text = args.map(String).join(' ');
        if (text.startsWith('{')) lines.push(JSON.parse(text) as Record<string, unknown>);
      },
    });
  const post = async (fields: Record<string, unknown>) => {
    const response = await handler(httpRequest({ body: JSON.stringify(activity(fields)) }), context());
    expect(response.status).toBe(200);
    return cardsOf(repliesOf(response));
  };

  // Straight to a verdict: the used-PC question answered "only the license", then a vote twice.
  const [question] = await post({ value: startPayload('used-pc') });
  const [verdict] = await post({ value: answerData(question, 'Only the license, moved to a different PC') });
  const yes = buttons(verdict).find((b) => b.data?.action === 'feedback' && b.data.helpful === true)!;
  expect(await post({ value: yes.data })).toHaveLength(1);
  expect(await post({ value: yes.data })).toHaveLength(1);

  expect(lines.map((line) => line.action)).toEqual(['start', 'answer', 'feedback', 'feedback']);
  expect(lines.every((line) => line.status === 200)).toBe(true);
  expect(warnings).toEqual(['Application Insights export is off: TypeError']);
});
