import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { Manifest, readManifest, REQUIRED_COMMANDS, root, schemaErrors, SCOPES } from './support';

// Runs `npm run package:teams` the way npm does (node scripts/package-teams.mjs) with chosen settings.
const script = join(root, 'scripts', 'package-teams.mjs');
const APP_ID = '6b0a6f43-2c0e-4d1a-9a3e-5f6f7a8b9c0d';
const BOT = '7c1b7054-3d1f-4e2b-8b4f-607080901a1b';
const ids = { TEAMS_APP_ID: APP_ID, BOT_ID: BOT };
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pack(env: Record<string, string | undefined>, args: string[] = [], name = 'app.zip') {
  const out = join(dir, name);
  const { MicrosoftAppId: _a, PUBLIC_BASE_URL: _b, TEAMS_APP_ID: _c, BOT_ID: _d, ...rest } = process.env;
  const result = spawnSync(process.execPath, [script, '--out', out, ...args], { env: { ...rest, ...env }, encoding: 'utf8', timeout: 30000 });
  return { ...result, out };
}

async function unzip(path: string) {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(zip.files);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
  return { zip, names, manifest };
}

describe('npm run package:teams', () => {
  it('writes a zip with exactly manifest.json, color.png and outline.png at its root, settings filled in', async () => {
    const result = pack({ TEAMS_APP_ID: APP_ID.toUpperCase(), BOT_ID: BOT.toUpperCase(), PUBLIC_BASE_URL: 'https://licensing.contoso.com' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { zip, names, manifest } = await unzip(result.out);
    expect(names.sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(BOT);
    expect(manifest.validDomains).toEqual(['licensing.contoso.com']);
    expect(manifest.composeExtensions![0].botId).toBe(BOT);
    expect(manifest.composeExtensions![0].messageHandlers![0].value.domains).toEqual(['licensing.contoso.com']);
    expect(manifest.developer).toMatchObject({
      websiteUrl: 'https://licensing.contoso.com/',
      privacyUrl: 'https://licensing.contoso.com/#privacy',
      termsOfUseUrl: 'https://licensing.contoso.com/#terms',
    });
    expect(JSON.stringify(manifest)).not.toMatch(/example\.com|00000000-0000|\$\{\{/);
    expect(schemaErrors(manifest)).toEqual([]);
    for (const scope of SCOPES) {
      const list = manifest.bots[0].commandLists!.find((l) => l.scopes.includes(scope))!;
      expect(list.commands.map((c) => c.title)).toEqual(expect.arrayContaining(REQUIRED_COMMANDS));
    }
    // The icons travel unchanged.
    const color = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([color.width, outline.width]).toEqual([192, 32]);
    // Everything else in the template is kept as is.
    const template = readManifest();
    const filledIn = { id: 0, bots: 0, validDomains: 0, developer: 0, composeExtensions: 0, copilotAgents: 0 };
    expect({ ...manifest, ...filledIn }).toEqual({ ...template, ...filledIn });
    expect({ ...manifest.bots[0], botId: 0 }).toEqual({ ...template.bots[0], botId: 0 });
    expect(manifest.composeExtensions![0].commands).toEqual(template.composeExtensions![0].commands);
    expect(manifest.composeExtensions![0].botId).toBe(manifest.bots[0].botId);
    expect(manifest.copilotAgents).toEqual({ customEngineAgents: [{ ...template.copilotAgents!.customEngineAgents[0], id: BOT }] });
  });

  it('uses the host name of a base URL with a path or port for validDomains', async () => {
    const result = pack({ ...ids, PUBLIC_BASE_URL: 'https://apps.contoso.com:8443/licensing' }, [], 'path.zip');
    expect(result.status).toBe(0);
    const { manifest } = await unzip(result.out);
    expect(manifest.validDomains).toEqual(['apps.contoso.com']);
    expect(manifest.composeExtensions![0].messageHandlers![0].value.domains).toEqual(['apps.contoso.com']);
    expect(manifest.developer.websiteUrl).toBe('https://apps.contoso.com:8443/licensing/');
    expect(schemaErrors(manifest)).toEqual([]);
  });

  it('is reproducible: the same settings give the same bytes', () => {
    const env = { ...ids, PUBLIC_BASE_URL: 'https://licensing.contoso.com' };
    const a = pack(env, [], 'a.zip');
    const b = pack(env, [], 'b.zip');
    expect(readFileSync(a.out).equals(readFileSync(b.out))).toBe(true);
  });

  it.each([
    ['the bot id is missing', { TEAMS_APP_ID: APP_ID, PUBLIC_BASE_URL: 'https://licensing.contoso.com' }, /BOT_ID is not set/],
    ['TEAMS_APP_ID is missing', { BOT_ID: BOT, PUBLIC_BASE_URL: 'https://licensing.contoso.com' }, /TEAMS_APP_ID is not set/],
    ['the bot id is not a GUID', { TEAMS_APP_ID: APP_ID, BOT_ID: 'my-bot', PUBLIC_BASE_URL: 'https://licensing.contoso.com' }, /BOT_ID "my-bot" is not a GUID/],
    [
      'MicrosoftAppId (read when BOT_ID is unset) is not a GUID',
      { TEAMS_APP_ID: APP_ID, MicrosoftAppId: 'my-bot', PUBLIC_BASE_URL: 'https://licensing.contoso.com' },
      /MicrosoftAppId "my-bot"/,
    ],
    [
      'the bot id is a placeholder',
      { TEAMS_APP_ID: APP_ID, BOT_ID: '00000000-0000-0000-0000-000000000000', PUBLIC_BASE_URL: 'https://licensing.contoso.com' },
      /placeholder/,
    ],
    ['both ids are the same GUID', { TEAMS_APP_ID: BOT, BOT_ID: BOT, PUBLIC_BASE_URL: 'https://licensing.contoso.com' }, /same GUID/],
    ['PUBLIC_BASE_URL is missing', ids, /PUBLIC_BASE_URL is not set/],
    ['PUBLIC_BASE_URL is not https', { ...ids, PUBLIC_BASE_URL: 'http://localhost:3978' }, /not https/],
  ])('refuses with a clear message when %s', (_case, env, message) => {
    const result = pack(env, [], 'refused.zip');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('reads the bot id from MicrosoftAppId when BOT_ID is unset (the app setting of the same value)', async () => {
    const result = pack({ TEAMS_APP_ID: APP_ID, MicrosoftAppId: BOT, PUBLIC_BASE_URL: 'https://licensing.contoso.com' }, [], 'appid.zip');
    expect(result.status).toBe(0);
    expect((await unzip(result.out)).manifest.bots[0].botId).toBe(BOT);
  });

  it('--placeholder packages two distinct placeholder GUIDs and the example domain for local checks, and says so', async () => {
    const result = pack({}, ['--placeholder'], 'placeholder.zip');
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/placeholder.*local checks only/);
    const { manifest, names } = await unzip(result.out);
    expect(names).toHaveLength(3);
    expect(manifest.id).toBe('00000000-0000-0000-0000-000000000001');
    expect(manifest.bots[0].botId).toBe('00000000-0000-0000-0000-000000000000');
    expect(schemaErrors(manifest)).toEqual([]);
  });

  describe('refuses a template that breaks what Microsoft 365 Copilot requires beyond the schema', () => {
    const withTemplate = (name: string, change: (template: Record<string, unknown> & Manifest) => void) => {
      const folder = mkdtempSync(join(dir, 'template-'));
      const template = JSON.parse(readFileSync(join(root, 'appPackage', 'manifest.json'), 'utf8')) as Record<string, unknown> & Manifest;
      change(template);
      writeFileSync(join(folder, 'manifest.json'), JSON.stringify(template));
      for (const icon of ['color.png', 'outline.png']) copyFileSync(join(root, 'appPackage', icon), join(folder, icon));
      return pack({ ...ids, PUBLIC_BASE_URL: 'https://licensing.contoso.com' }, ['--template', join(folder, 'manifest.json')], name);
    };

    it('packages the committed template unchanged through --template (the option itself works)', () => {
      expect(withTemplate('same.zip', () => undefined).status).toBe(0);
    });

    it.each([
      ['the agent names another bot', (t: Manifest) => (t.copilotAgents!.customEngineAgents[0].id = APP_ID), /names .* which is no bot of this app/],
      ['the bot lacks the personal scope', (t: Manifest) => (t.bots[0].scopes = ['team', 'copilot']), /lacks the personal scope/],
      ['the copilot scope has no agent', (t: Record<string, unknown>) => delete t.copilotAgents, /has the copilot scope but is not declared/],
    ])('%s', (name, change, message) => {
      const result = withTemplate(`${name.replace(/\W+/g, '-')}.zip`, change);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/breaks what Microsoft 365 Copilot requires/);
      expect(result.stderr).toMatch(message);
    });
  });

  it('--placeholder still refuses a malformed id', () => {
    const result = pack({ BOT_ID: 'not-a-guid' }, ['--placeholder'], 'bad.zip');
    expect(result.status).toBe(2);
  });
});
