import { z } from 'zod';
import { DEFAULT_BASE_URL } from '../core/urls';

// The one place that reads the environment. Everything is parsed at start so a bad setting
// stops the process with a message naming it, instead of failing on the first user's turn.

const optionalText = z.string().trim().min(1).optional().catch(undefined);
const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const schema = z
  .object({
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
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType is SingleTenant' });
    }
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && env.MicrosoftAppId && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: `is required when MicrosoftAppId is set (type ${env.MicrosoftAppType})` });
    }
  });

export type Config = Readonly<{
  publicBaseUrl: string;
  port: number;
  /** Absent: local use, Bot Framework authentication is off. */
  bot: { appId?: string; appPassword?: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; tenantId?: string };
  directLine: { secret?: string; endpoint: string; allowedOrigins: string[] };
  applicationInsightsConnectionString?: string;
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
      allowedOrigins: e.WEBCHAT_ALLOWED_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    },
    applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
  };
}

let loaded: Config | undefined;
/** The process's configuration, parsed once from process.env. */
export function config(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
