import { MAX_QUERY_CHARS } from '../../reading/search';
import { decide } from '../../core/decide';
import { VERDICT_HEADLINES } from '../../cards';
import { buttons, cardProblems, cardText, choiceSets, headline, kindOf, presetInputs, textLinks } from '../support/cards';
import { en } from '../../wording/en';
import { BASE_URL } from '../support/activities';
import { Chat, onlyCard } from './harness';

describe('free questions are searched in the guide', () => {
  test('the best sections come back with a snippet each, their titles linking to the guide, the others behind "More from the guide"', async () => {
    const card = await new Chat().cardFor({ text: 'What is a COA?' });
    expect(kindOf(card)).toBe('search-results');
    expect(cardProblems(card)).toEqual([]);
    const open = textLinks(card);
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.length).toBeLessThanOrEqual(3);
    for (const link of open) expect(link.url.startsWith(`${BASE_URL}/guide/`)).toBe(true);
    expect(
      buttons(card)
        .filter((b) => b.type === 'Action.ShowCard')
        .map((b) => b.title),
    ).toEqual(open.length > 1 ? [en.search.moreSections] : []);
    expect(cardText(card)).toMatch(/Certificate of Authenticity/);
  });

  test('words that name no facts offer no "Check my case"', async () => {
    const card = await new Chat().cardFor({ text: 'What is a COA?' });
    expect(buttons(card).map((b) => b.title)).not.toContain('Check my case');
  });

  test('a question that fits two topics people confuse offers both checks and says so', async () => {
    // Reinstalling and reselling used PCs: the used-PC transfer or the refurbished-PC rules.
    const card = await new Chat().cardFor({ text: 'We bought used office PCs with COA stickers; can we reinstall Windows on them and resell them?' });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(en.search.eitherCheck);
    const checks = buttons(card).filter((b) => b.title === 'Check my case');
    expect(checks.map((b) => (b.data as { topic: string }).topic).sort()).toEqual(['refurbished-pc', 'used-pc']);
  });

  test('a question that fits one topic offers one check, with no either-or line', async () => {
    const card = await new Chat().cardFor({ text: 'Can we run Windows VMs on AWS?' });
    expect(cardText(card)).not.toContain(en.search.eitherCheck);
    expect(buttons(card).filter((b) => b.title === 'Check my case')).toHaveLength(1);
  });

  test('words that name facts offer "Check my case", which first shows what was read, to confirm', async () => {
    const chat = new Chat();
    const card = await chat.cardFor({ text: 'Can we run Windows VMs on AWS?' });
    expect(cardText(card)).toContain("A Listed Provider's servers dedicated to us");
    const check = buttons(card).find((b) => b.title === 'Check my case')!;
    expect(check.data).toMatchObject({ action: 'check', topic: 'virtual-machines', read: { where: 'listed-provider' } });
    const confirm = onlyCard(await chat.press(check));
    expect(kindOf(confirm)).toBe('confirm');
    expect(cardProblems(confirm)).toEqual([]);
    expect(choiceSets(confirm).find((list) => list.id === 'fact.where')).toMatchObject({ value: 'listed-provider' });
  });

  test('when the read facts would already decide the case, the verdict still waits for the confirm step', async () => {
    const chat = new Chat();
    const card = await chat.cardFor({ text: 'thin clients reaching VDI on our own servers' });
    const facts = { devices: 'thin-clients', where: 'own-datacenter' };
    const check = buttons(card).find((b) => b.title === 'Check my case')!;
    expect(check.data).toMatchObject({ read: facts });
    const confirm = onlyCard(await chat.press(check));
    expect(kindOf(confirm)).toBe('confirm');
    const answer = onlyCard(
      await chat.press(
        buttons(confirm).find((b) => b.title === 'Confirm and continue')!,
        presetInputs(confirm),
      ),
    );
    expect(kindOf(answer)).toBe('answer');
    expect(headline(answer)).toBe(VERDICT_HEADLINES[decide('vdi-license-choice', facts).verdict!].text);
  });

  test('the card says what it read from the message, and that each is confirmed before use', async () => {
    const card = await new Chat().cardFor({ text: 'Can we run Windows VMs on AWS for users with VDA E3?' });
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(en.search.readFromMessage);
    expect(text).toContain("A Listed Provider's servers dedicated to us");
    expect(buttons(card).find((b) => b.title === 'Check my case')!.data).toMatchObject({
      read: { where: 'listed-provider', license: 'vda-per-user' },
    });
  });

  test('what the sources do not cover is said on the card, and such a question gets no check', async () => {
    const card = await new Chat().cardFor({ text: 'Do RDS CALs for 2019 work on a Windows Server 2016 session host?' });
    expect(kindOf(card)).toBe('search-results');
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Not covered by the sources');
    expect(cardText(card)).toMatch(/do not cover licensing Windows Server itself/);
    expect(buttons(card).map((b) => b.title)).not.toContain('Check my case');
  });

  test('a caveat is said even when nothing in the guide matches', async () => {
    const card = await new Chat().cardFor({ text: 'Windows 365 pricing' });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/Windows 365/);
    expect(cardText(card)).toContain('Not covered by the sources');
  });

  test('nothing found is said plainly, with the topics offered instead', async () => {
    const card = await new Chat().cardFor({ text: 'xyzzy plugh' });
    expect(kindOf(card)).toBe('no-match');
    expect(cardProblems(card)).toEqual([]);
    expect(buttons(card).filter((b) => b.data?.action === 'start')).toHaveLength(6);
  });

  test('a 100 KB message is answered, searching only its beginning and saying so', async () => {
    const chat = new Chat();
    const text = `Can we run Windows VMs on AWS? ${'lorem ipsum '.repeat(9000)}`;
    expect(text.length).toBeGreaterThan(100_000);
    const card = await chat.cardFor({ text });
    expect(['search-results', 'no-match']).toContain(kindOf(card));
    expect(cardText(card)).toContain(`first ${MAX_QUERY_CHARS} characters`);
    expect(cardProblems(card)).toEqual([]);
  });

  test('the search is logged by its outcome, never by the words typed', async () => {
    const chat = new Chat();
    await chat.say('Can we run Windows VMs on AWS?');
    expect(chat.logs).toEqual([expect.objectContaining({ activityType: 'message', action: 'search', results: 3, suggested: 'virtual-machines' })]);
    expect(JSON.stringify(chat.logs)).not.toMatch(/AWS|run Windows/i);
  });
});
