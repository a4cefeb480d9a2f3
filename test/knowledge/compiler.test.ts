import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileKnowledge } from '../../scripts/knowledge/compile';
import { formatDiagnostic } from '../../scripts/knowledge/diagnostics';

// The knowledge compiler refuses a broken model with a message that names the file and the
// line, so a licensing specialist who edits the YAML or the guide can go straight there.
// Each test copies the real model, breaks one thing, and reads what the compiler says.

const repo = join(__dirname, '..', '..');
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'knowledge-'));
  cpSync(join(repo, 'knowledge'), join(root, 'knowledge'), { recursive: true, filter: (source) => !source.includes('generated') });
  // The reading's data is compiled and checked with the knowledge it reads for.
  cpSync(join(repo, 'reading', 'data'), join(root, 'reading', 'data'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const file = (path: string) => join(root, 'knowledge', path);
const edit = (path: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file(path), 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`the fixture edit found nothing to change in ${path}`);
  writeFileSync(file(path), changed);
};
const lineOf = (path: string, needle: string) =>
  readFileSync(file(path), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle)) + 1;
const problems = () => compileKnowledge(root).diagnostics.items.map(formatDiagnostic);

describe('the knowledge compiler', () => {
  it('compiles the real model with no complaint', () => {
    const { model, diagnostics } = compileKnowledge(repo);
    expect(diagnostics.items).toEqual([]);
    expect(Object.keys(model!.topics)).toEqual(['refurbished-pc', 'used-pc', 'upgrade-imaging', 'prior-versions', 'virtual-machines', 'vdi-license-choice']);
  });

  it('names file and line of a misspelt section id', () => {
    edit('topics/used-pc.yaml', 'section: used-pc-transfer', 'section: used-pc-transfr');
    const line = lineOf('topics/used-pc.yaml', 'used-pc-transfr');
    expect(problems()).toContainEqual(
      `knowledge/topics/used-pc.yaml:${line}: rule used.license-only cites section used-pc-transfr, which no guide document has`,
    );
  });

  it('names file and line of a value the fact does not have', () => {
    edit('topics/used-pc.yaml', 'when: { transfer: [ license-only ] }', 'when: { transfer: [ licence-only ] }');
    const line = lineOf('topics/used-pc.yaml', 'licence-only');
    expect(problems()).toContainEqual(
      expect.stringMatching(
        new RegExp(`^knowledge/topics/used-pc.yaml:${line}: rule used.license-only names transfer=licence-only, which is not a value of transfer`),
      ),
    );
  });

  it('names file and line of a fact the topic does not have', () => {
    edit('topics/used-pc.yaml', 'when: { transfer: [ license-only ] }', 'when: { transfers: [ license-only ] }');
    expect(problems()).toContainEqual(
      expect.stringMatching(/^knowledge\/topics\/used-pc\.yaml:\d+: rule used\.license-only names fact transfers, which topic used-pc does not have/),
    );
  });

  it('refuses an unknown key, at its line', () => {
    edit('topics/used-pc.yaml', '    verdict: not-permitted\n', '    verdict: not-permitted\n    verdit: permitted\n');
    const line = lineOf('topics/used-pc.yaml', 'verdit:');
    expect(problems()).toContainEqual(expect.stringMatching(new RegExp(`^knowledge/topics/used-pc.yaml:${line}: unknown key "verdit"`)));
  });

  it('refuses two overlapping rules with different answers and no stated priority', () => {
    edit('topics/used-pc.yaml', '  - id: used.license-only\n    priority: 10\n', '  - id: used.license-only\n');
    const line = lineOf('topics/used-pc.yaml', 'id: used.whole-pc-incomplete');
    expect(problems()).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^knowledge/topics/used-pc.yaml:${line}: rules used.license-only \\(line \\d+\\) and used.whole-pc-incomplete can fire together .* give one a higher priority`,
        ),
      ),
    );
  });

  it('refuses a yes answer whose requirement can fail under facts its rule accepts', () => {
    edit('topics/refurbished-pc.yaml', 'needs: { coa: [ yes ] }', 'needs: { coa: [ no ] }');
    expect(problems()).toContainEqual(
      expect.stringMatching(
        /^knowledge\/topics\/refurbished-pc\.yaml:\d+: rule refurb\.license-kept \(permitted\) lists "Keep the Windows COA affixed to the PC\.", which needs coa in \[no\]/,
      ),
    );
  });

  it('refuses a model that leaves a combination of facts without a verdict', () => {
    edit('topics/used-pc.yaml', / {2}- id: used\.whole-pc-complete\n(?: {4}.*\n| {6}.*\n)+?(?= {2}- id:)/, '');
    expect(problems()).toContainEqual(expect.stringMatching(/^knowledge\/topics\/used-pc\.yaml:\d+: no rule decides transfer=whole-pc with_media_and_coa=yes/));
  });

  it('refuses a reason that cites a section which never names its key terms', () => {
    edit(
      'topics/used-pc.yaml',
      'text: An OEM license on a used PC cannot be moved onto any other PC, new or old.',
      'text: An OEM license on a used PC cannot be moved onto any other PC, not even with Microsoft 365.',
    );
    expect(problems()).toContainEqual(
      expect.stringMatching(
        /^knowledge\/topics\/used-pc\.yaml:\d+: a reason of rule used\.license-only speaks of "Microsoft 365", but the section it cites \(used-pc-transfer\) never does/,
      ),
    );
  });

  it('names file and line of a guide section without its metadata line', () => {
    edit('guide/prior-versions.md', /(## Where can I get installation media for a prior version\? \{#prior-version-media\}\n)<!-- about: .* -->\n/, '$1');
    const line = lineOf('guide/prior-versions.md', '{#prior-version-media}');
    expect(problems()).toContainEqual(
      `knowledge/guide/prior-versions.md:${line}: section prior-version-media needs a metadata line "<!-- about: { topic: ... } -->" right under its heading`,
    );
  });

  it('refuses metadata that explains a value its topic does not have', () => {
    edit('guide/prior-versions.md', 'explains: { media: [vlsc] }', 'explains: { media: [ftp] }');
    expect(problems()).toContainEqual(
      expect.stringMatching(/^knowledge\/guide\/prior-versions\.md:\d+: section vlsc-access explains media=ftp, which is not a value of media/),
    );
  });

  it('refuses a fact phrase with an unknown fragment or a broken pattern', () => {
    edit('../reading/data/facts/used-pc.yaml', /( {2}- set: \{ transfer: whole-pc \}\n {4}patterns:\n)/, '$1      - "{{NOPE}} pc"\n      - "(unclosed"\n');
    const found = problems();
    expect(found).toContainEqual(expect.stringMatching(/^reading\/data\/facts\/used-pc\.yaml:\d+: unknown fragment in \{\{NOPE\}\} pc/));
    expect(found).toContainEqual(expect.stringMatching(/^reading\/data\/facts\/used-pc\.yaml:\d+: not a valid pattern/));
  });

  it('refuses a fact phrase for a value its topic does not have', () => {
    edit('../reading/data/facts/used-pc.yaml', 'set: { transfer: whole-pc }', 'set: { transfer: whole-computer }');
    expect(problems()).toContainEqual(
      expect.stringMatching(/^reading\/data\/facts\/used-pc\.yaml:\d+: phrase sets transfer=whole-computer, which is not a value of transfer/),
    );
  });

  it('refuses a caveat with no patterns to find it, and patterns for no caveat', () => {
    edit('../reading/data/caveats.yaml', /\n {2}prices:\n(?: {4}- .*\n)+/, '\n  price-list:\n    - "price list"\n');
    const found = problems();
    expect(found).toContainEqual(expect.stringMatching(/^knowledge\/caveats\.yaml:\d+: caveat prices has no patterns in reading\/data\/caveats\.yaml/));
    expect(found).toContainEqual(
      expect.stringMatching(/^reading\/data\/caveats\.yaml:\d+: patterns for caveat price-list, which knowledge\/caveats\.yaml does not have/),
    );
  });

  it('keeps the knowledge version when a file is only reformatted or a comment changes', () => {
    const before = compileKnowledge(root).model!.version;
    edit('topics/used-pc.yaml', /^# .*$/m, '# A comment a reviewer rewrote.');
    edit('topics/used-pc.yaml', 'when: { transfer: [ license-only ] }', 'when:\n      transfer:\n        - license-only');
    edit(
      'guide/prior-versions.md',
      'a Volume Licensing customer is eligible to use prior versions',
      'a Volume Licensing customer\nis eligible to use prior versions',
    );
    expect(compileKnowledge(root).model!.version).toBe(before);
    edit('topics/used-pc.yaml', 'it stays with the PC it came with.', 'it stays with its own PC.');
    expect(compileKnowledge(root).model!.version).not.toBe(before);
  });
});
