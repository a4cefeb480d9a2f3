import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../cli/run';
import { decide } from '../../core/decide';
import type { AskResult } from '../../reading/search';
import { TOPICS } from '../../core/topics';
import type { Decision } from '../../core/types';
import { en } from '../../wording/en';

const parseDecision = (stdout: string) => JSON.parse(stdout) as Decision;

describe('licensing-bot decide', () => {
  it('prints the verdict, requirements, reasons and cited sections with their URLs', () => {
    const result = runCli(['decide', 'refurbished-pc', 'motherboard=original', 'coa=yes', 'recovery=recovery-image']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Verdict: Permitted$/m);
    expect(result.stdout).toMatch(/What you need:\n {2}- Keep the Windows COA affixed/);
    expect(result.stdout).toMatch(/Why:\n {2}- .*\[1\]/);
    expect(result.stdout).toContain('http://localhost:3978/guide/refurbished-and-used-pcs#refurbished-license-kept');
    expect(result.stdout).toMatch(/\[001\] Used\/Refurbished PCs/);
  });

  it('prints the next question with its answers as fact=value, and how to continue', () => {
    const result = runCli(['decide', 'virtual-machines', 'where=azure']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Next question \(license\): Which Windows license/);
    expect(result.stdout).toMatch(/license=vda-per-user\s+Windows VDA E3\/E5 per user/);
    expect(result.stdout).toContain('Continue with: licensing-bot decide virtual-machines where=azure license=<answer>');
  });

  it('prints exactly the Decision object with --json', () => {
    const result = runCli(['decide', 'used-pc', 'transfer=license-only', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(decide('used-pc', { transfer: 'license-only' }));
  });

  it('accepts the flag anywhere and facts in any order', () => {
    const a = runCli(['--json', 'decide', 'upgrade-imaging', 'verification_form=returned', 'base_coa=all']);
    const b = runCli(['decide', 'upgrade-imaging', 'base_coa=all', 'verification_form=returned', '--json']);
    expect(a.stdout).toBe(b.stdout);
    expect(parseDecision(a.stdout).verdict).toBe('permitted');
  });

  it.each([
    [['decide', 'laptops'], /Unknown topic "laptops"\. Valid topics: refurbished-pc, used-pc/],
    [['decide', 'used-pc', 'colour=blue'], /Unknown fact "colour".*Valid facts: transfer, with_media_and_coa/],
    [['decide', 'refurbished-pc', 'coa=maybe'], /"maybe" is not a valid value for coa\. Valid values: yes, no/],
    [['decide', 'refurbished-pc', 'coa'], /"coa" has no value: facts are written fact=value/],
    [['decide', 'refurbished-pc', 'coa=yes', 'coa=no'], /coa is given twice/],
    [['decide'], /decide needs a topic/],
    [['frobnicate'], /Unknown command "frobnicate"\. Commands: decide, ask, topics/],
    [['ask'], /ask needs a question/],
    [['topics', '--verbose'], /Unknown option --verbose/],
  ])('exits 2 with a clear message for %j', (argv, message) => {
    const result = runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('licensing-bot ask', () => {
  it('returns the contract shape with --json, best first, with a suggested check', () => {
    const result = runCli(['ask', 'Can we run Windows VMs on AWS with VDA per user?', '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as AskResult;
    expect(parsed.query).toBe('Can we run Windows VMs on AWS with VDA per user?');
    expect(parsed.results.length).toBeGreaterThan(0);
    for (const hit of parsed.results) {
      expect(Object.keys(hit).sort()).toEqual(['score', 'section', 'snippet', 'title', 'topic', 'url']);
    }
    expect(parsed.results.map((r) => r.score)).toEqual([...parsed.results.map((r) => r.score)].sort((x, y) => y - x));
    expect(parsed.suggested).toEqual({ topic: 'virtual-machines', facts: expect.objectContaining({ where: 'listed-provider', license: 'vda-per-user' }) });
  });

  it('prints readable hits and the decide command to check the case', () => {
    const result = runCli(['ask', 'we upgraded the motherboard, do we need a new license?']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1\. .+\(refurbished-pc, score/m);
    expect(result.stdout).toContain('Check your case: licensing-bot decide refurbished-pc motherboard=upgraded');
  });

  it('labels the facts it read as a reading to confirm, each with its question and answer', () => {
    const result = runCli(['ask', 'we upgraded the motherboard, do we need a new license?']);
    const lines = result.stdout.split('\n');
    const heading = lines.indexOf(en.cli.readFacts);
    expect(heading).toBeGreaterThan(0);
    const motherboard = TOPICS['refurbished-pc'].facts.find((fact) => fact.id === 'motherboard')!;
    const upgraded = motherboard.options.find((option) => option.value === 'upgraded')!;
    expect(lines.slice(heading + 1)).toContain(`  motherboard=upgraded  (${motherboard.prompt} ${upgraded.label})`);
    // The decide line comes after the reading, so nobody runs it without having it in front of them.
    expect(lines.findIndex((line) => line.startsWith('Check your case:'))).toBeGreaterThan(heading);
  });

  it('prints both decide lines when the question fits two topics people confuse', () => {
    const result = runCli(['ask', 'We bought used office PCs with COA stickers; can we reinstall Windows on them and resell them?']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(en.search.eitherCheck);
    expect(result.stdout).toMatch(/Check your case: licensing-bot decide used-pc/);
    expect(result.stdout).toMatch(/Check your case: licensing-bot decide refurbished-pc/);
  });

  it('says plainly when nothing matches', () => {
    const result = runCli(['ask', 'qwzx vbnm plokij']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing in the guide matches');
  });
});

describe('licensing-bot topics', () => {
  it('lists the six topics with their questions and facts', () => {
    const result = runCli(['topics', '--json']);
    const topics = JSON.parse(result.stdout) as { id: string }[];
    expect(topics.map((t) => t.id)).toEqual(['refurbished-pc', 'used-pc', 'upgrade-imaging', 'prior-versions', 'virtual-machines', 'vdi-license-choice']);
    expect(runCli(['topics']).stdout).toMatch(/virtual-machines: Is this use of Windows in virtual machines covered/);
  });
});

describe('the built licensing-bot binary', () => {
  const bin = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('dist/cli/main.js is missing: run `npm run build` first (npm test does)');
  });

  it('exits 0 on a verdict and puts citation URLs under PUBLIC_BASE_URL', () => {
    const result = run(['decide', 'prior-versions', 'channel=oem-or-retail', '--json'], { PUBLIC_BASE_URL: 'https://licensing.example.com' });
    expect(result.status).toBe(0);
    expect(parseDecision(result.stdout).citations[0].url).toMatch(/^https:\/\/licensing\.example\.com\/guide\/prior-versions#/);
  });

  it('exits 2 with the message on stderr for bad input', () => {
    const result = run(['decide', 'used-pc', 'transfer=sideways']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Valid values: whole-pc, license-only/);
  });

  // The contract's names are accepted as written (win10_cu included), each checked once on its own.
  const pairs = Object.values(TOPICS).flatMap((topic) =>
    topic.facts.flatMap((fact) => fact.options.map((option) => [topic.id, `${fact.id}=${option.value}`] as const)),
  );
  it.each(pairs)('accepts %s %s and answers with a Decision', (topic, pair) => {
    const result = run(['decide', topic, pair, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const decision = parseDecision(result.stdout);
    expect(decision.topic).toBe(topic);
    expect(decision.permalink).toContain(`/decision/${topic}?${pair}&v=`);
    expect(decision.verdict !== null || decision.next !== null).toBe(true);
  });

  it('answers a complete Azure case given on the command line', () => {
    const result = run(['decide', 'virtual-machines', 'where=azure', 'license=vda-per-user', 'instances=1-4', 'win10_cu=yes', 'aad_activation=yes']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Verdict: Permitted$/m);
    expect(result.stdout).toMatch(
      /^Decision record: http:\/\/localhost:3978\/decision\/virtual-machines\?where=azure&license=vda-per-user&instances=1-4&win10_cu=yes&aad_activation=yes&v=/m,
    );
  });

  it('exits 2 naming the valid facts for a fact the topic does not have', () => {
    const result = run(['decide', 'virtual-machines', 'win11=yes']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown fact "win11" for topic virtual-machines\. Valid facts: where, license, program, access_from/);
  });

  it('exits 2 naming the setting when the environment is invalid', () => {
    const result = run(['topics'], { PUBLIC_BASE_URL: 'not a url' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/PUBLIC_BASE_URL/);
  });
});
