import { InvocationContext } from '@azure/functions';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, SETTING_NAMES } from '../../config/config';
import { createMessagesHandler } from '../../handlers/messages';
import { NO_TELEMETRY } from '../../telemetry/app-insights';
import { activity } from '../support/activities';
import { httpRequest } from '../support/http';
import { bicepOutputs, LIFECYCLES, parseYaml, placeholders, read, readEnvFile, root } from '../toolkit/support';

// infra/azure.bicep cannot be compiled here (no Bicep compiler is installable on these
// machines), so this checks what a reader can check without one: names, references, the
// settings the app needs, and the properties that make the deployment keyless.

const bicep = read('infra/azure.bicep');
/**
 * The template with comments removed and string contents blanked, keeping the expressions inside
 * ${...} interpolations: what is left is names, operators and punctuation.
 */
function expressionsOnly(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (c === "'") {
      out += "''";
      for (i++; i < source.length && source[i] !== "'"; i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '$' && source[i + 1] === '{') {
          const end = source.indexOf('}', i);
          out += ` ${source.slice(i + 2, end)} `;
          i = end;
        }
      }
    } else {
      out += c;
    }
  }
  return out;
}
const code = expressionsOnly(bicep);

const declared = (keyword: string) => [...bicep.matchAll(new RegExp(`^${keyword}\\s+([A-Za-z_][A-Za-z0-9_]*)\\s`, 'gm'))].map((m) => m[1]);
const params = declared('param');
const withDefault = new Set([...bicep.matchAll(/^param\s+([A-Za-z0-9_]+)\s+\w+\s*=/gm)].map((m) => m[1]));
const parametersFile = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };

/** The keys of `var appSettings = { ... }`: what the Function App gets as app settings. */
function appSettings(): Map<string, string> {
  const start = bicep.indexOf('var appSettings = {');
  const end = bicep.indexOf('\n}', start);
  expect(start).toBeGreaterThan(0);
  return new Map([...bicep.slice(start, end).matchAll(/^\s+([A-Za-z0-9_]+):\s*(.+)$/gm)].map((m) => [m[1], m[2].trim()]));
}

// Bicep's own words and the functions this template calls.
const BICEP_WORDS = new Set([
  'param',
  'var',
  'resource',
  'output',
  'module',
  'existing',
  'if',
  'for',
  'in',
  'true',
  'false',
  'null',
  'string',
  'int',
  'bool',
  'object',
  'array',
]);
const BICEP_FUNCTIONS = new Set([
  'resourceGroup',
  'subscription',
  'uniqueString',
  'take',
  'toLower',
  'replace',
  'filter',
  'map',
  'split',
  'trim',
  'empty',
  'union',
  'guid',
  'subscriptionResourceId',
  'join',
  'loadTextContent',
  'description',
  'minLength',
  'maxLength',
  'minValue',
  'maxValue',
  'allowed',
]);

describe('infra/azure.bicep: names and references', () => {
  it('declares every parameter azure.parameters.json passes, and gets a value for every parameter without a default', () => {
    for (const name of Object.keys(parametersFile.parameters)) expect(params).toContain(name);
    for (const name of params.filter((p) => !withDefault.has(p))) expect(Object.keys(parametersFile.parameters)).toContain(name);
  });

  it('uses every parameter it declares', () => {
    for (const name of params) {
      const uses = code.match(new RegExp(`(?<![.\\w])${name}(?![\\w])`, 'g')) ?? [];
      expect([name, uses.length]).toEqual([name, expect.any(Number)]);
      expect(uses.length).toBeGreaterThan(1); // the declaration, then at least one use
    }
  });

  it('refers only to declared parameters, variables, resources, lambda arguments and Bicep functions', () => {
    const symbols = new Set([...params, ...declared('var'), ...declared('resource'), ...declared('output'), ...declared('module')]);
    for (const m of code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s*=>/g)) symbols.add(m[1]);
    const unknown = new Set<string>();
    for (const m of code.matchAll(/(?<![.\w@])([A-Za-z_][A-Za-z0-9_]*)(?![\w])/g)) {
      const name = m[1];
      const after = code.slice(m.index + name.length).trimStart();
      if (after.startsWith(':') && !after.startsWith('::')) continue; // an object key
      if (symbols.has(name) || BICEP_WORDS.has(name) || BICEP_FUNCTIONS.has(name)) continue;
      unknown.add(name);
    }
    // What is left must be the resource-scoped functions called on a symbol (x.listChannelWithKeys()).
    expect([...unknown]).toEqual([]);
  });

  it('declares every output m365agents.yml and the manifest read, and arm/deploy is what writes them', () => {
    const { data } = parseYaml('m365agents.yml');
    const { inputs } = readEnvFile('env/.env.dev');
    const writtenByOthers = new Set<string>();
    const read = new Set<string>();
    for (const lifecycle of LIFECYCLES) {
      for (const step of data[lifecycle] ?? []) {
        if (step.uses !== 'arm/deploy') for (const name of Object.values(step.writeToEnvironmentFile ?? {})) writtenByOthers.add(name);
        for (const p of placeholders(JSON.stringify(step.with ?? {}))) read.add(p.name);
      }
    }
    for (const p of placeholders(readFile('appPackage/manifest.json'))) read.add(p.name);
    const fromTemplate = [...read].filter((name) => !inputs.has(name) && !writtenByOthers.has(name));
    expect(fromTemplate.sort()).toEqual(['BOT_AZURE_FUNCTION_APP_RESOURCE_ID', 'BOT_ID']);
    for (const name of fromTemplate) expect(bicepOutputs()).toContain(name);
  });

  it('passes only ${{...}} variables the dev env file defines as inputs to the template', () => {
    const { inputs } = readEnvFile('env/.env.dev');
    for (const p of placeholders(read('infra/azure.parameters.json'))) expect(inputs.has(p.name)).toBe(true);
  });

  it('loads a workbook file that exists', () => {
    const loaded = [...bicep.matchAll(/loadTextContent\('([^']+)'\)/g)].map((m) => m[1]);
    expect(loaded).toEqual(['workbook.json']);
    for (const file of loaded) expect(existsSync(join(root, 'infra', file))).toBe(true);
  });
});

const readFile = read;

describe('infra/azure.bicep: the app settings', () => {
  // Read by config/config.ts but deliberately not set by the template, each with its reason.
  // A new setting in the schema fails the next test until it is set here or listed here.
  const NOT_SET_BY_INFRA: Record<string, string> = {
    PORT: 'the local server only (npm start)',
    HOST: 'the local server only (npm start)',
    MicrosoftAppPassword: 'the managed identity has no password',
    ALLOW_UNAUTHENTICATED: 'never on a real deployment',
    REPLY_DEADLINE_MS: "its default (10 s, inside the channel's 15 s) is the deployment's; tests shrink it",
    DESK_STORE_FILE: 'the embedded store is for local runs; Azure uses Table Storage',
    WEBSITE_INSTANCE_ID: 'set by the platform',
    WEBSITE_SKU: 'set by the platform',
    WEBSITE_POD_NAME: 'set by the platform',
    LEGION_SERVICE_HOST: 'set by the platform',
    CONTAINER_NAME: 'set by the platform',
    FUNCTIONS_WORKER_RUNTIME: 'set by the host from functionAppConfig.runtime on Flex Consumption',
  };
  // Read by the Functions host, not by the app.
  const HOST_SETTINGS = ['AzureWebJobsStorage__accountName', 'AzureWebJobsStorage__credential', 'AzureWebJobsStorage__clientId'];
  const settings = appSettings();

  it("sets every setting the app's configuration schema reads, or says why not", () => {
    const missing = SETTING_NAMES.filter((name) => !settings.has(name) && !(name in NOT_SET_BY_INFRA));
    expect(missing).toEqual([]);
    for (const name of Object.keys(NOT_SET_BY_INFRA)) expect(SETTING_NAMES).toContain(name);
  });

  it('sets nothing else but what the Functions host reads', () => {
    for (const name of settings.keys()) if (!SETTING_NAMES.includes(name)) expect(HOST_SETTINGS).toContain(name);
  });

  it('gives a configuration the app accepts: the bot on its managed identity, with no password', () => {
    expect(settings.get('MicrosoftAppType')).toBe("'UserAssignedMSI'");
    expect(settings.get('MicrosoftAppId')).toBe('identity.properties.clientId');
    expect(settings.get('MicrosoftAppTenantId')).toBe('identity.properties.tenantId');
    expect(settings.has('MicrosoftAppPassword')).toBe(false);
    const config = parseConfig({
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      MicrosoftAppTenantId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      PUBLIC_BASE_URL: 'https://licensing-abc123.azurewebsites.net',
      DIRECT_LINE_SECRET: 'resolved-from-key-vault',
      DIRECT_LINE_ENDPOINT: 'https://directline.botframework.com',
      WEBCHAT_ALLOWED_ORIGINS: 'https://partners.contoso.com',
      ALLOWED_TENANT_IDS: '',
      WEBSITE_SKU: 'FlexConsumption',
      FUNCTIONS_WORKER_RUNTIME: 'node',
    });
    expect(config.bot.appType).toBe('UserAssignedMSI');
    expect(config.azure.detected).toBe(true);
  });

  it('reads the Direct Line secret through a Key Vault reference with the identity, never as a plain value', () => {
    expect(settings.get('DIRECT_LINE_SECRET')).toMatch(/^'@Microsoft\.KeyVault\(VaultName=\$\{vault\.name\};SecretName=\$\{directLineSecretName\}\)'$/);
    expect(bicep).toMatch(/keyVaultReferenceIdentity: identity\.id/);
    expect(bicep).toMatch(/enableRbacAuthorization: true/);
    expect(bicep).toMatch(/roles\.keyVaultSecretsUser/);
  });
});

describe('infra/azure.bicep: the resources', () => {
  // Each checked against the resource reference; a change of version means checking again.
  const API_VERSIONS: Record<string, string> = {
    'Microsoft.ManagedIdentity/userAssignedIdentities': '2023-01-31',
    'Microsoft.OperationalInsights/workspaces': '2023-09-01',
    'Microsoft.Insights/components': '2020-02-02',
    'Microsoft.Insights/workbooks': '2023-06-01',
    'Microsoft.Storage/storageAccounts': '2023-05-01',
    'Microsoft.Storage/storageAccounts/blobServices': '2023-05-01',
    'Microsoft.Storage/storageAccounts/blobServices/containers': '2023-05-01',
    'Microsoft.Storage/storageAccounts/tableServices': '2023-05-01',
    'Microsoft.Storage/storageAccounts/tableServices/tables': '2023-05-01',
    'Microsoft.Authorization/roleAssignments': '2022-04-01',
    'Microsoft.Web/serverfarms': '2024-04-01',
    'Microsoft.Web/sites': '2024-04-01',
    'Microsoft.Web/sites/config': '2024-04-01',
    'Microsoft.KeyVault/vaults': '2023-07-01',
    'Microsoft.KeyVault/vaults/secrets': '2023-07-01',
    'Microsoft.BotService/botServices': '2022-09-15',
    'Microsoft.BotService/botServices/channels': '2022-09-15',
  };
  const resources = [...bicep.matchAll(/^resource\s+(\w+)\s+'([^@']+)@([^']+)'/gm)].map((m) => ({ symbol: m[1], type: m[2], version: m[3] }));
  const block = (symbol: string) => {
    const start = bicep.search(new RegExp(`^resource ${symbol} `, 'm'));
    return bicep.slice(start, bicep.indexOf('\n}\n', start));
  };

  it('uses only resource types and API versions that were checked', () => {
    expect(resources.length).toBeGreaterThan(10);
    for (const { type, version } of resources) expect([type, version]).toEqual([type, API_VERSIONS[type]]);
  });

  it('is a Flex Consumption app on Linux running Node 24, with memory, a scale cap and optional always-ready HTTP instances', () => {
    expect(block('plan')).toMatch(/name: 'FC1'\s+tier: 'FlexConsumption'/);
    expect(block('plan')).toMatch(/reserved: true/);
    const app = block('functionApp');
    expect(app).toMatch(/kind: 'functionapp,linux'/);
    expect(app).toMatch(/runtime: \{\s+name: 'node'\s+version: '24'\s+\}/);
    expect(app).toMatch(/instanceMemoryMB: instanceMemoryMB/);
    expect(app).toMatch(/maximumInstanceCount: maximumInstanceCount/);
    expect(app).toMatch(/alwaysReady: alwaysReadyInstances > 0 \? \[\{ name: 'http', instanceCount: alwaysReadyInstances \}\] : \[\]/);
  });

  it('reaches its storage with the user-assigned identity: deployment and host storage, no account keys', () => {
    expect(block('functionApp')).toMatch(/authentication: \{\s+type: 'UserAssignedIdentity'\s+userAssignedIdentityResourceId: identity\.id/);
    expect(block('storage')).toMatch(/allowSharedKeyAccess: false/);
    expect(bicep).not.toMatch(/listKeys\(|AccountKey=|AzureWebJobsStorage:/);
    expect(appSettings().get('AzureWebJobsStorage__credential')).toBe("'managedidentity'");
  });

  it("keeps the licensing desk's requests in a table of that storage, reached by the identity with a data role on that table alone", () => {
    expect(block('deskTable')).toMatch(/parent: tableService/);
    const role = block('deskTableRole');
    expect(role).toMatch(/scope: deskTable\n/);
    expect(role).toMatch(/principalId: identity\.properties\.principalId/);
    expect(role).toMatch(/roles\.storageTableDataContributor\)/);
    expect(bicep).toMatch(/storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'/);
    const settings = appSettings();
    expect(settings.get('DESK_STORE')).toBe("'table'");
    expect(settings.get('DESK_TABLE_NAME')).toBe('deskTable.name');
    expect(settings.get('DESK_IDENTITY_CLIENT_ID')).toBe('identity.properties.clientId');
    const config = parseConfig({
      DESK_STORE: 'table',
      DESK_TABLE_ENDPOINT: 'https://stlicensing.table.core.windows.net/',
      DESK_TABLE_NAME: 'deskrequests',
      DESK_IDENTITY_CLIENT_ID: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      DESK_RETENTION_DAYS: '90',
    });
    expect(config.desk.store).toEqual({
      kind: 'table',
      endpoint: 'https://stlicensing.table.core.windows.net/',
      table: 'deskrequests',
      identityClientId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    });
  });

  it('registers the bot on the managed identity, messaging endpoint /api/messages of the app', () => {
    const bot = block('bot');
    expect(bot).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bot).toMatch(/msaAppId: identity\.properties\.clientId/);
    expect(bot).toMatch(/msaAppMSIResourceId: identity\.id/);
    expect(bot).toMatch(/endpoint: 'https:\/\/\$\{appHostName\}\/api\/messages'/);
  });

  it('opens the Teams channel and a Direct Line site with enhanced authentication and the portal origins as trusted origins', () => {
    expect(block('teamsChannel')).toMatch(/channelName: 'MsTeamsChannel'/);
    const directLine = block('directLine');
    expect(directLine).toMatch(/channelName: 'DirectLineChannel'/);
    expect(directLine).toMatch(/isSecureSiteEnabled: true/);
    expect(directLine).toMatch(/trustedOrigins: trustedOrigins/);
    expect(directLine).toMatch(/isV1Enabled: false/);
    expect(bicep).toMatch(/var trustedOrigins = union\(\['https:\/\/\$\{appHostName\}'\], portalOrigins\)/);
  });

  it('keeps the Direct Line key only in Key Vault', () => {
    expect(block('directLineSecret')).toMatch(/value: directLine\.listChannelWithKeys\(\)\.setting\.sites\[0\]\.key/);
    expect(bicep.match(/listChannelWithKeys/g)).toHaveLength(1);
    expect(bicepOutputs().join(' ')).not.toMatch(/SECRET|KEY$/);
  });

  it("sends the app's logs to Application Insights on a Log Analytics workspace", () => {
    expect(block('appInsights')).toMatch(/WorkspaceResourceId: logs\.id/);
    expect(appSettings().get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe('appInsights.properties.ConnectionString');
  });
});

describe('infra/workbook.json', () => {
  const workbook = JSON.parse(read('infra/workbook.json')) as {
    version: string;
    items: { type: number; name: string; content: { query?: string; title?: string } }[];
  };
  const queries = workbook.items.filter((item) => item.type === 3);
  const query = (name: string) => queries.find((item) => item.name === name)!.content.query!;

  it('is a workbook with the five views', () => {
    expect(workbook.version).toBe('Notebook/1.0');
    expect(queries.map((item) => item.name)).toEqual(['turns-by-channel', 'verdicts-by-topic', 'free-text-no-match', 'helpful-votes', 'latency-p95']);
    expect(query('turns-by-channel')).toMatch(/by channel = tostring\(t\.channel\)/);
    expect(query('verdicts-by-topic')).toMatch(/topic = tostring\(t\.topic\), verdict = tostring\(t\.verdict\)/);
    expect(query('free-text-no-match')).toMatch(/t\.action\) == 'search'[\s\S]*toint\(t\.results\) == 0/);
    expect(query('helpful-votes')).toMatch(/t\.vote\) == 'yes'/);
    expect(query('latency-p95')).toMatch(/percentile\(todouble\(t\.latencyMs\), 95\)/);
  });

  it('reads fields the turn log really has', () => {
    const fields = new Set([...queries.flatMap((item) => [...item.content.query!.matchAll(/\bt\.([A-Za-z]+)/g)].map((m) => m[1]))]);
    const turnLog = read('bot/turn-log.ts');
    const handler = read('handlers/messages.ts');
    for (const field of fields) expect([field, turnLog.includes(`${field}?:`) || handler.includes(`${field}:`)]).toEqual([field, true]);
  });

  it('finds the turn line by the prefix the messages handler really writes', async () => {
    const lines: string[] = [];
    const handler = createMessagesHandler({ config: parseConfig({}), telemetry: NO_TELEMETRY });
    await handler(
      httpRequest({ body: JSON.stringify(activity({ type: 'message', text: 'can I run windows on aws' })) }),
      new InvocationContext({ functionName: 'messages', logHandler: (_level, ...args) => lines.push(args.map(String).join(' ')) }),
    );
    const turn = lines.find((line) => line.includes('"event":"turn"'))!;
    expect(turn.startsWith('{"event":"turn"')).toBe(true);
    for (const item of queries) expect(item.content.query).toContain(`where message startswith '{"event":"turn"'`);
    const parsed = JSON.parse(turn) as Record<string, unknown>;
    expect(parsed).toMatchObject({ channel: 'emulator', action: 'search', results: expect.any(Number), latencyMs: expect.any(Number) });
  });
});
