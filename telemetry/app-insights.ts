import { createRequire } from 'node:module';
// Types only: nothing below loads these modules unless a connection string is configured.
import type * as Distro from '@azure/monitor-opentelemetry';
import type * as LogsApi from '@opentelemetry/api-logs';
import type { RequestLine } from '../bot/turn-log';

// Optional Application Insights export of the feedback votes, as custom events.
//
// Each request's log line goes to context.log and nowhere else: on Azure Functions the host
// forwards it to Application Insights (`traces`, the JSON line as the message), which is what
// the workbook (infra/workbook.json) reads. Exporting the same record here as well stored every
// turn twice; see docs/decisions/0007-one-copy-of-each-turn-record.md.
//
// What only this route gives is a custom event: each vote becomes one (`customEvents`, name
// "feedback") through the Azure Monitor OpenTelemetry distro (`useAzureMonitor`, the maintained
// successor of the classic applicationinsights SDK), which sets up a global OpenTelemetry
// LoggerProvider with the Azure Monitor exporter; the exporter's `microsoft.custom_event.name`
// attribute makes the log record an event. The distro costs hundreds of modules and a second of
// start-up, so it loads on the first vote, and not at all without a connection string.

/** What a turn record holds: the request's log line, never the user's words or identity. */
export type TurnRecord = RequestLine;

export interface Telemetry {
  /** Sees every request's record; exports a feedback event when the turn was a vote. Never throws. */
  turn(record: TurnRecord): void;
}

export const NO_TELEMETRY: Telemetry = { turn: () => undefined };

const LOGGER_NAME = 'windows-licensing-assistant';
const SEVERITY_INFO = 9; // SeverityNumber.INFO, without loading the API to name it
const CUSTOM_EVENT_NAME = 'microsoft.custom_event.name';

interface Exporter {
  logger: LogsApi.Logger;
  shutdown: () => Promise<void>;
}

// useAzureMonitor configures process-wide providers: load it at most once per process.
let exporter: Exporter | null | undefined;

export interface ApplicationInsightsOptions {
  /** Where to say that the export could not start (default console.warn). */
  warn?: (message: string) => void;
  /** Extra exporter settings; tests pass an `httpClient` that stands in for the ingestion endpoint. */
  exporterOptions?: Omit<ExporterOptions, 'connectionString'>;
}

type ExporterOptions = NonNullable<Distro.AzureMonitorOpenTelemetryOptions['azureMonitorExporterOptions']>;

function loadExporter(connectionString: string, options: ApplicationInsightsOptions): Exporter | null {
  if (exporter !== undefined) return exporter;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const distro = require('@azure/monitor-opentelemetry') as typeof Distro;
    distro.useAzureMonitor({
      azureMonitorExporterOptions: { ...options.exporterOptions, connectionString },
      // Votes are few and each one matters: keep every event rather than dropping those whose
      // surrounding request span the rate-limited sampler left out.
      enableTraceBasedSamplingForLogs: false,
      enableLiveMetrics: false,
    });
    // The logs API the distro itself registered its provider with (its own dependency).
    const logsApi = createRequire(require.resolve('@azure/monitor-opentelemetry'))('@opentelemetry/api-logs') as typeof LogsApi;
    exporter = { logger: logsApi.logs.getLogger(LOGGER_NAME), shutdown: distro.shutdownAzureMonitor };
  } catch (error) {
    exporter = null;
    (options.warn ?? console.warn)(`Application Insights export is off: ${error instanceof Error ? error.name : 'unknown error'}`);
  }
  return exporter;
}

/**
 * The telemetry for a connection string: nothing at all when it is unset, otherwise an exporter
 * loaded on the first vote (not at start: the Functions host loads every function's module).
 */
export function applicationInsights(connectionString: string | undefined, options: ApplicationInsightsOptions = {}): Telemetry {
  if (!connectionString) return NO_TELEMETRY;
  return {
    turn(record) {
      if (record.vote === undefined) return;
      try {
        const active = loadExporter(connectionString, options);
        if (!active) return;
        const attributes = toAttributes(record);
        active.logger.emit({
          severityNumber: SEVERITY_INFO,
          severityText: 'INFO',
          body: 'feedback',
          attributes: { [CUSTOM_EVENT_NAME]: 'feedback', ...pick(attributes, ['topic', 'verdict', 'vote', 'channel']) },
        });
      } catch {
        // Losing a vote's event must not cost the user their answer; the log line still has it.
      }
    },
  };
}

/** Sends what is buffered and stops the exporter (tests, and a server shutting down). */
export async function shutdownTelemetry(): Promise<void> {
  const active = exporter;
  if (active) await active.shutdown();
}

function toAttributes(record: TurnRecord): Record<string, string | number | boolean> {
  const attributes: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(record) as [string, TurnRecord[keyof TurnRecord]][]) {
    if (value === undefined) continue;
    // Application Insights customDimensions are flat strings: rule ids become "a,b".
    attributes[key] = Array.isArray(value) ? value.join(',') : value;
  }
  return attributes;
}

function pick<T extends Record<string, unknown>>(source: T, keys: string[]): Partial<T> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]])) as Partial<T>;
}
