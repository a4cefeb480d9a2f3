import { runCli } from '../../cli/run';
import { search } from '../../reading/search';

// Free questions name what the four sources do not cover, so that nobody takes a Windows 10
// rule of 2020 for a Windows 11 one; questions the sources do cover get no caveat.

describe('caveats of free questions', () => {
  it.each([
    ['May we run Windows 11 in VMs on Azure?', /Windows 11/],
    ['How many Windows Server 2022 core licenses do our hosts need?', /Windows Server itself/],
    ['Is Office 365 licensed on our VDI desktops?', /Office licensing/],
    ['What is the price of a VDA E3 subscription?', /no prices/],
  ])('%s -> a caveat', (question, caveat) => {
    const result = search(question);
    expect(result.caveats).toHaveLength(1);
    expect(result.caveats[0]).toMatch(caveat);
  });

  it.each([
    'Can a refurbished PC keep its Windows license if the motherboard was replaced under warranty?',
    'Do users of Remote Desktop Session Host need a Windows desktop license?',
    'Can VDA E3 users run Windows VMs on AWS dedicated hosts?',
  ])('%s -> no caveat', (question) => {
    expect(search(question).caveats).toEqual([]);
  });

  it('are printed by the command line, as text and as JSON', () => {
    const text = runCli(['ask', 'Can we run Windows 11 VMs on AWS?']);
    expect(text.stdout).toMatch(/Not covered by the sources:\n {2}- The four sources speak of Windows 10/);
    const json = JSON.parse(runCli(['ask', 'Can we run Windows 11 VMs on AWS?', '--json']).stdout) as { caveats: unknown[]; results: unknown[] };
    expect(json.caveats).toHaveLength(1);
    expect(json.results.length).toBeGreaterThan(0);
  });
});
