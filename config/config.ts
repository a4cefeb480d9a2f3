import { z } from 'zod';
import { DEFAULT_DELIVERY, DeliveryPolicy } from '../bot/delivery';
import { DEFAULT_BASE_URL } from '../core/urls';

// The one place that reads the environment. Everything is parsed at start so a bad setting
// stops the process with a message naming it, instead of failing on the first user's turn.

const optionalText = z.string().trim().min(1).optional().catch(undefined);
const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const flag = z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).default('false')).transform((value) => value === 'true');
/**
 * What the Azure Functions host sets on Azure and Core Tools does not: WEBSITE_INSTANCE_ID on
 * App Service plans (dedicated, Premium), WEBSITE_SKU on every plan (FlexConsumption, Dynamic,
 * ...), and on Flex Consumption WEBSITE_POD_NAME and LEGION_SERVICE_HOST (the host's own checks
 * in its EnvironmentExtensions). CONTAINER_NAME marks Linux Consumption, but container runtimes
 * set it too, so it counts only inside a Functions host (FUNCTIONS_WORKER_RUNTIME set).
 * FUNCTIONS_WORKER_RUNTIME alone is no sign: local runs set it too.
 */
export const AZURE_HOST_SIGNALS = ['WEBSITE_INSTANCE_ID', 'WEBSITE_SKU', 'WEBSITE_POD_NAME', 'LEGION_SERVICE_HOST', 'CONTAINER_NAME'] as const;
const guidList = (what: string) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((id) => id.trim().toLowerCase())
          .filter(Boolean),
      )
      .refine((ids) => ids.every((id) => GUID.test(id)), `must be a comma-separated list of ${what} (GUIDs)`),
  );

const platformSignals = Object.fromEntries([...AZURE_HOST_SIGNALS, 'FUNCTIONS_WORKER_RUNTIME'].map((name) => [name, optionalText])) as Record<
  (typeof AZURE_HOST_SIGNALS)[number] | 'FUNCTIONS_WORKER_RUNTIME',
  typeof optionalText
>;

const fields = z.object({
  PUBLIC_BASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).default(DEFAULT_BASE_URL)),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  MicrosoftAppId: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  MicrosoftAppPassword: z.preprocess(emptyAsUndefined, z.string().optional()),
  MicrosoftAppType: z.preprocess(emptyAsUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')),
  MicrosoftAppTenantId: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  DIRECT_LINE_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  DIRECT_LINE_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().default('https://directline.botframework.com')),
  WEBCHAT_ALLOWED_ORIGINS: z.preprocess(emptyAsUndefined, z.string().default('')),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  // The local server's listen address; unset means loopback only (server/local-server.ts).
  HOST: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  // A deployment in Azure with no MicrosoftAppId refuses to serve unless this says it is a throwaway test.
  ALLOW_UNAUTHENTICATED: flag,
  ALLOWED_TENANT_IDS: guidList('tenant ids'),
  // How long a turn may spend delivering its replies: inside the channel's 15 s (bot/delivery.ts).
  REPLY_DEADLINE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(14_000).default(DEFAULT_DELIVERY.deadlineMs)),
  // The licensing desk (desk/): where requests are kept, for how long, and who may register the desk.
  DESK_STORE: z.preprocess(emptyAsUndefined, z.enum(['embedded', 'table']).default('embedded')),
  DESK_STORE_FILE: z.preprocess(emptyAsUndefined, z.string().trim().default('.data/desk.sqlite')),
  DESK_TABLE_ENDPOINT: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  DESK_TABLE_NAME: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, 'must be 3-63 letters and digits, starting with a letter')
      .default('deskrequests'),
  ),
  DESK_IDENTITY_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().trim().regex(GUID, 'must be a client id (GUID)').optional()),
  DESK_RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  DESK_OWNER_IDS: guidList('Entra object ids'),
  DESK_TEAM_ID: z.preprocess(emptyAsUndefined, z.string().trim().max(1024).optional()),
  DESK_CONTACT: z.preprocess(emptyAsUndefined, z.string().trim().max(300).optional()),
  ...platformSignals,
});

const schema = fields.superRefine((env, ctx) => {
  const needsTenant = env.MicrosoftAppType === 'SingleTenant' || env.MicrosoftAppType === 'UserAssignedMSI';
  if (needsTenant && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required when MicrosoftAppType is ${env.MicrosoftAppType}` });
  }
  if (env.MicrosoftAppType !== 'UserAssignedMSI' && env.MicrosoftAppId && !env.MicrosoftAppPassword) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: `is required when MicrosoftAppId is set (type ${env.MicrosoftAppType})` });
  }
  if (env.DESK_STORE === 'table' && !env.DESK_TABLE_ENDPOINT) {
    ctx.addIssue({ code: 'custom', path: ['DESK_TABLE_ENDPOINT'], message: 'is required when DESK_STORE is table' });
  }
  // botbuilder refuses this combination too, but only on the first turn; say it at start.
  if (env.MicrosoftAppType === 'UserAssignedMSI' && env.MicrosoftAppPassword) {
    ctx.addIssue({
      code: 'custom',
      path: ['MicrosoftAppPassword'],
      message: 'must not be set when MicrosoftAppType is UserAssignedMSI (the managed identity has no password)',
    });
  }
});

/** Every environment variable the configuration reads (the infrastructure test checks each is provided or exempt). */
export const SETTING_NAMES: readonly string[] = Object.keys(fields.shape);

export type Config = Readonly<{
  publicBaseUrl: string;
  port: number;
  /** Absent: local use, Bot Framework authentication is off. */
  bot: { appId?: string; appPassword?: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; tenantId?: string };
  directLine: { secret?: string; endpoint: string; allowedOrigins: string[] };
  applicationInsightsConnectionString?: string;
  /** Where `npm start` listens: HOST, or undefined for loopback only. */
  listenHost?: string;
  /** Running under the Functions host in Azure, and the variable that says so. */
  azure: { detected: boolean; signal?: string };
  allowUnauthenticated: boolean;
  /** Teams tenants the bot serves; empty: every tenant. Lower case. */
  allowedTenantIds: string[];
  /** How replies are delivered to the channel: the turn's deadline and the tries per reply. */
  delivery: DeliveryPolicy;
  desk: DeskSettings;
}>;

export type DeskStoreSettings =
  | { kind: 'embedded'; /** a file, or ':memory:' */ file: string }
  | { kind: 'table'; endpoint: string; table: string; /** the user-assigned managed identity; unset: DefaultAzureCredential */ identityClientId?: string };

export type DeskSettings = Readonly<{
  store: DeskStoreSettings;
  /** Days a request is kept after it is answered or closed. */
  retentionDays: number;
  /** Entra object ids (lower case) that may register or move the desk. */
  ownerIds: string[];
  /** The one team whose members may register or move the desk, in one of its channels. */
  teamId?: string;
  /** Whom partners on the Web Chat page contact instead (the desk's button is Teams only). */
  contact?: string;
}>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    port: e.PORT,
    bot: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId },
    directLine: {
      secret: e.DIRECT_LINE_SECRET,
      endpoint: e.DIRECT_LINE_ENDPOINT.replace(/\/+$/, ''),
      allowedOrigins: e.WEBCHAT_ALLOWED_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    },
    applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    listenHost: e.HOST,
    azure: azureHost(e),
    allowUnauthenticated: e.ALLOW_UNAUTHENTICATED,
    allowedTenantIds: e.ALLOWED_TENANT_IDS,
    delivery: { ...DEFAULT_DELIVERY, deadlineMs: e.REPLY_DEADLINE_MS },
    desk: {
      store:
        e.DESK_STORE === 'table' && e.DESK_TABLE_ENDPOINT
          ? { kind: 'table', endpoint: e.DESK_TABLE_ENDPOINT, table: e.DESK_TABLE_NAME, identityClientId: e.DESK_IDENTITY_CLIENT_ID?.toLowerCase() }
          : { kind: 'embedded', file: e.DESK_STORE_FILE },
      retentionDays: e.DESK_RETENTION_DAYS,
      ownerIds: e.DESK_OWNER_IDS,
      teamId: e.DESK_TEAM_ID,
      contact: e.DESK_CONTACT,
    },
  };
}

function azureHost(env: Partial<Record<(typeof AZURE_HOST_SIGNALS)[number] | 'FUNCTIONS_WORKER_RUNTIME', string>>): Config['azure'] {
  const signal = AZURE_HOST_SIGNALS.find((name) => env[name] !== undefined && (name !== 'CONTAINER_NAME' || env.FUNCTIONS_WORKER_RUNTIME !== undefined));
  return signal ? { detected: true, signal } : { detected: false };
}

let loaded: Config | undefined;
/** The process's configuration, parsed once from process.env. */
export function config(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
