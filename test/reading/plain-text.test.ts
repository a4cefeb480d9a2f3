import { plainText } from '../../reading/text';

// A section body as the search and the snippets read it: markdown-it's token stream, so the
// text is what the guide pages show, without markup.

test('underscores inside a word are text, not emphasis (the former regex pipeline dropped them)', () => {
  expect(plainText('the list (www.microsoft.com/Qualified_Multitenant_Hoster_Program) names them')).toBe(
    'the list (www.microsoft.com/Qualified_Multitenant_Hoster_Program) names them',
  );
});

test('emphasis, code and link targets go; the link text stays', () => {
  expect(plainText('**Yes:** use `VLSC` from [the portal](https://example.test/vlsc).')).toBe('Yes: use VLSC from the portal.');
});

test('a table row reads as one sentence of its cells; headings and bullets lose their markers', () => {
  expect(plainText('## Rights\n\n- local VMs\n\n| license | VMs |\n| --- | --- |\n| VDA | four |')).toBe('Rights local VMs license; VMs. VDA; four.');
});

test('pointers to other sections are dropped; for the index, cross-reference titles too', () => {
  const body = 'Allowed (see [Other question?](#other)). Read [the detailed rights](#vm-rights-detail) too.';
  expect(plainText(body)).toBe('Allowed. Read the detailed rights too.');
  expect(plainText(body, 'drop')).toBe('Allowed. Read too.');
});
