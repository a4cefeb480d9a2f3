import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appPackage,
  filledManifest,
  placeholdersOf,
  readManifest,
  REQUIRED_COMMANDS,
  SAMPLE_IDS,
  schemaErrors,
  schemaPath,
  SCOPES,
  TEMPLATE_PLACEHOLDERS,
} from './support';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../bot/guide-search-extension';
import { en } from '../../wording/en';

describe('appPackage/manifest.json (the template)', () => {
  // What Teams and the schema see: the template once the toolkit or package:teams filled it in.
  const manifest = filledManifest();
  const template = readManifest();

  it('is on manifest schema 1.29, the newest the Agents Toolkit templates use, and names that schema', () => {
    expect(template.manifestVersion).toBe('1.29');
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(existsSync(schemaPath(manifest.manifestVersion))).toBe(true);
  });

  it('validates offline against the schema file @microsoft/app-manifest ships, once its placeholders are filled', () => {
    expect(schemaErrors(manifest)).toEqual([]);
  });

  it('takes the Teams app id and the bot id from two placeholders, so the two stay distinct GUIDs', () => {
    expect(placeholdersOf()).toEqual(TEMPLATE_PLACEHOLDERS);
    expect(template.id).toBe('${{TEAMS_APP_ID}}');
    expect(template.bots[0].botId).toBe('${{BOT_ID}}');
    expect(manifest.id).toBe(SAMPLE_IDS.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(SAMPLE_IDS.BOT_ID);
  });

  it('uses no draft-04-only keyword forms, so reading the schema with Ajv 8 is exact', () => {
    const schema = readFileSync(schemaPath(manifest.manifestVersion), 'utf8');
    expect((JSON.parse(schema) as { $schema?: string }).$schema).toMatch(/draft-04/);
    expect(schema).not.toMatch(/"exclusiveM(in|ax)imum"\s*:\s*(true|false)/);
    expect(schema).not.toMatch(/"id"\s*:\s*"/);
  });

  it('really rejects a broken manifest (the validator is not vacuous)', () => {
    expect(schemaErrors({ ...manifest, id: 'not-a-guid' }).join('\n')).toMatch(/\/id/);
    expect(schemaErrors({ ...manifest, accentColor: 'blue' }).join('\n')).toMatch(/accentColor/);
    const { developer: _developer, ...withoutDeveloper } = manifest;
    expect(schemaErrors(withoutDeveloper).join('\n')).toMatch(/developer/);
  });

  it('has one bot in the personal, team and group chat scopes, and in Microsoft 365 Copilot', () => {
    expect(manifest.bots).toHaveLength(1);
    expect([...manifest.bots[0].scopes].sort()).toEqual([...SCOPES, 'copilot'].sort());
  });

  describe('in Microsoft 365 Copilot, as a custom engine agent', () => {
    const agents = manifest.copilotAgents?.customEngineAgents ?? [];

    it('declares the bot itself as the one custom engine agent, so the bot’s own code answers there too', () => {
      expect(agents).toEqual([expect.objectContaining({ id: manifest.bots[0].botId, type: 'bot' })]);
      expect(template.copilotAgents!.customEngineAgents[0].id).toBe('${{BOT_ID}}');
      // What the schema asks in words: the bot has the personal scope, the app a short name and description.
      expect(manifest.bots[0].scopes).toContain('personal');
      expect(manifest.name.short.length).toBeGreaterThan(0);
      expect(manifest.description.short.length).toBeGreaterThan(0);
    });

    it('shows the product’s one disclaimer before the first question', () => {
      expect(agents[0].disclaimer?.text).toBe(en.disclaimer);
    });

    it('offers the personal command list, real questions included, as its conversation starters', () => {
      const lists = manifest.bots[0].commandLists!.filter((list) => list.scopes.includes('copilot'));
      expect(lists).toHaveLength(1);
      expect(lists[0].scopes).toContain('personal');
      expect(lists[0].commands.filter((command) => command.title.endsWith('?')).length).toBeGreaterThanOrEqual(3);
    });

    it('is what the schema rejects without its bot id (the check is not vacuous)', () => {
      expect(schemaErrors({ ...manifest, copilotAgents: { customEngineAgents: [{ type: 'bot' }] } }).join('\n')).toMatch(/customEngineAgents/);
    });
  });

  it.each(SCOPES)('lists help, topics and start over, each described, in the %s command list', (scope) => {
    const lists = manifest.bots[0].commandLists!.filter((list) => list.scopes.includes(scope));
    expect(lists).toHaveLength(1);
    const commands = lists[0].commands;
    expect(commands.map((c) => c.title)).toEqual(expect.arrayContaining(REQUIRED_COMMANDS));
    for (const command of commands) expect(command.description.trim().length).toBeGreaterThan(10);
  });

  it('has short and full descriptions, a developer with https URLs, an accent colour and both icons', () => {
    expect(manifest.description.short.length).toBeGreaterThan(20);
    expect(manifest.description.full.length).toBeGreaterThan(manifest.description.short.length);
    expect(manifest.developer.name).toBeTruthy();
    for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) expect(url).toMatch(/^https:\/\//);
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(existsSync(join(appPackage, manifest.icons.color))).toBe(true);
    expect(existsSync(join(appPackage, manifest.icons.outline))).toBe(true);
  });

  it('holds only placeholders for the settings that packaging fills in', () => {
    expect(template.validDomains).toEqual(['licensing-assistant.example.com']);
    expect(template.composeExtensions![0].botId).toBe('${{BOT_ID}}');
  });

  it('declares a bot-based search extension: the command and parameter the bot answers, in the compose box and command box, run on opening', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    const [extension] = manifest.composeExtensions!;
    expect(extension.botId).toBe(manifest.bots[0].botId);
    expect(extension.commands).toHaveLength(1);
    const [command] = extension.commands;
    expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: 'query', initialRun: true });
    expect([...command.context!].sort()).toEqual(['commandBox', 'compose']);
    expect(command.title.length).toBeGreaterThan(5);
    expect(command.description!.length).toBeGreaterThan(20);
    expect(command.parameters).toEqual([expect.objectContaining({ name: SEARCH_PARAMETER, inputType: 'text' })]);
  });

  it('claims its own host for link unfurling, the host the guide and decision links live on', () => {
    const handlers = manifest.composeExtensions![0].messageHandlers!;
    expect(handlers).toEqual([{ type: 'link', value: { domains: manifest.validDomains } }]);
  });

  it.each(SCOPES)('offers real questions as prompt starters in the %s command list', (scope) => {
    const list = manifest.bots[0].commandLists!.find((candidate) => candidate.scopes.includes(scope))!;
    const questions = list.commands.filter((command) => command.title.endsWith('?'));
    expect(questions.length).toBeGreaterThanOrEqual(3);
    expect(list.commands.length).toBeLessThanOrEqual(10);
  });
});
