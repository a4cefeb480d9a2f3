import { runCli } from '../../cli/run';
import { TOPICS } from '../../core/topics';

// Contract v3: bad fact arguments of every shape exit 2 and name the valid choices of the topic
// given, and the message never echoes more than a short excerpt of what was typed.

const VM_FACTS = /where, license, program, access_from, hoster, device_os, primary_user, instances, win10_cu, aad_activation/;
const valuesOf = (topic: keyof typeof TOPICS, fact: string) =>
  TOPICS[topic].facts
    .find((f) => f.id === fact)!
    .options.map((o) => o.value)
    .join(', ');

const cases: [string, string[], RegExp[]][] = [
  [
    'an empty value',
    ['decide', 'virtual-machines', 'license='],
    [/license= has no value/, new RegExp(`Valid values of license: ${valuesOf('virtual-machines', 'license')}\\.`)],
  ],
  ['an empty name', ['decide', 'virtual-machines', '=oem'], [/"=oem" has no fact name/, /Did you mean license=oem\?/, VM_FACTS]],
  ['a bare word that is a value', ['decide', 'virtual-machines', 'azure'], [/"azure" is not a fact=value pair/, /Did you mean where=azure\?/, VM_FACTS]],
  ['a bare word that is a fact', ['decide', 'refurbished-pc', 'coa'], [/"coa" has no value: facts are written fact=value/, /Valid values: yes, no\./]],
  ['a bare word that is neither', ['decide', 'used-pc', 'please'], [/"please" is not a fact=value pair/, /Facts of used-pc: transfer, with_media_and_coa\./]],
  [
    'a value with a space',
    ['decide', 'virtual-machines', 'where=own datacenter'],
    [/values are written in lower case, with hyphens and no spaces/, new RegExp(`Valid values of where: ${valuesOf('virtual-machines', 'where')}\\.`)],
  ],
  ['a trailing space', ['decide', 'virtual-machines', 'where=azure '], [/Did you mean where=azure\?/, /Valid values of where: local, own-datacenter/]],
  ['a value in another case', ['decide', 'upgrade-imaging', 'role=Customer'], [/Did you mean role=customer\?/, /Valid values of role: customer, oem-or-lsp\./]],
  [
    'a fact name in another case',
    ['decide', 'upgrade-imaging', 'Role=customer'],
    [/Fact names are written in lower case/, /Valid values of role: customer, oem-or-lsp\./],
  ],
  [
    'the same fact twice with two values',
    ['decide', 'refurbished-pc', 'coa=yes', 'coa=no'],
    [/coa is given twice \(yes and no\)/, /Valid values of coa: yes, no\./],
  ],
  [
    'a topic in another case',
    ['decide', 'Virtual-Machines', 'where=azure'],
    [/Unknown topic "Virtual-Machines"/, /did you mean virtual-machines\?/, /Valid topics: refurbished-pc, used-pc, upgrade-imaging/],
  ],
  ['an unknown fact', ['decide', 'used-pc', 'colour=blue'], [/Unknown fact "colour" for topic used-pc\. Valid facts: transfer, with_media_and_coa\./]],
  ['an unknown value', ['decide', 'used-pc', 'transfer=sideways'], [/"sideways" is not a valid value for transfer\. Valid values: whole-pc, license-only\./]],
  ['two equals signs', ['decide', 'used-pc', 'transfer=whole-pc=yes'], [/Valid values of transfer: whole-pc, license-only\./]],
];

describe('licensing-bot decide with a bad fact argument', () => {
  it.each(cases)('exits 2 and names the valid choices for %s', (_shape, argv, messages) => {
    const result = runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    for (const message of messages) expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/motherboard=original/); // no refurbished-PC example under another topic
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['a value', (long: string) => `where=${long}`],
    ['a fact name', (long: string) => `${long}=azure`],
    ['a bare word', (long: string) => long],
    ['a value with spaces', (long: string) => `where=own ${long}`],
    ['a topic', (long: string) => long],
  ])('never echoes a 100 KB argument given as %s', (shape, argument) => {
    const long = 'x'.repeat(100_000);
    const argv = shape === 'a topic' ? ['decide', argument(long)] : ['decide', 'virtual-machines', argument(long)];
    const result = runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeLessThan(1000);
    expect(result.stderr).toMatch(/x+… \(\d+ characters\)/);
  });

  it('still accepts every contract name and value as written, the v3 additions included', () => {
    for (const pair of [
      'license=education-per-user',
      'license=enterprise-per-user-addon',
      'license=vda-per-user-addon',
      'where=shared-third-party',
      'win10_cu=yes',
    ]) {
      expect(runCli(['decide', 'virtual-machines', pair, '--json']).code).toBe(0);
    }
    expect(runCli(['decide', 'used-pc', 'with_media_and_coa=coa-only', '--json']).code).toBe(0);
    expect(runCli(['decide', 'refurbished-pc', 'coa=yes', 'coa=yes', '--json']).code).toBe(0);
  });
});
