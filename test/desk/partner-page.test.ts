import { parseConfig } from '../../config/config';
import { createHomeHandler } from '../../handlers/home';
import { en } from '../../wording/en';
import { httpRequest } from '../support/http';

// The licensing desk's button is Teams only; the partner Web Chat page names a contact instead.

const page = async (env: Record<string, string>) => {
  const response = await createHomeHandler({ config: parseConfig(env) })(httpRequest({ method: 'GET', path: '/' }));
  return response.body as string;
};

describe('the partner page and the licensing desk', () => {
  it('names the DESK_CONTACT for questions the guide leaves open, escaped', async () => {
    const html = await page({ DESK_CONTACT: 'the licensing desk <licensing@contoso.com>' });
    expect(html).toContain(en.desk.contactHeading);
    expect(html).toContain('ask the licensing desk &lt;licensing@contoso.com&gt;.');
    expect(html).not.toContain('<licensing@contoso.com>');
  });

  it('says nothing of a contact when none is set', async () => {
    expect(await page({})).not.toContain(en.desk.contactHeading);
  });
});
