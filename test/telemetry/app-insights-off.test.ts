import { parseConfig } from '../../config/config';
import { createMessagesHandler } from '../../handlers/messages';
import { applicationInsights, NO_TELEMETRY } from '../../telemetry/app-insights';
import { activity } from '../support/activities';
import { httpRequest, quietContext, repliesOf } from '../support/http';

// Without APPLICATIONINSIGHTS_CONNECTION_STRING nothing of Application Insights or OpenTelemetry
// is loaded: the exporter is hundreds of modules and a slower cold start for nothing.

const telemetryModules = () =>
  Object.keys(require.cache).filter((path) => /[\\/]node_modules[\\/](@azure[\\/]monitor-opentelemetry|@opentelemetry[\\/])/.test(path));

describe('Application Insights off (no connection string)', () => {
  it('handles a conversation without loading @azure/monitor-opentelemetry or any @opentelemetry module', async () => {
    const handler = createMessagesHandler({ config: parseConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: '' }) });
    const turns = [
      activity({ type: 'installationUpdate', action: 'add' }),
      activity({ text: 'help' }),
      activity({ text: 'Can we run Windows VMs on AWS with VDA per user?' }),
    ];
    for (const turn of turns) {
      const response = await handler(httpRequest({ body: JSON.stringify(turn) }), quietContext('messages'));
      expect(response.status).toBe(200);
      expect(repliesOf(response)).not.toHaveLength(0);
    }
    // The check has teeth: jest's require.cache lists every module this test file loaded.
    expect(Object.keys(require.cache).some((path) => path.includes(`${'node_modules'}/botbuilder`))).toBe(true);
    expect(telemetryModules()).toEqual([]);
  });

  it('treats an unset or blank connection string as off', () => {
    expect(applicationInsights(undefined)).toBe(NO_TELEMETRY);
    expect(applicationInsights('')).toBe(NO_TELEMETRY);
    expect(parseConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: '   ' }).applicationInsightsConnectionString).toBeUndefined();
  });
});
