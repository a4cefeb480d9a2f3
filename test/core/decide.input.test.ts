import { checkFacts, decide, decideTraced } from '../../core/decide';
import { DecisionInputError } from '../../core/errors';

describe('decide() with bad input', () => {
  it('rejects an unknown topic and names the valid ones', () => {
    expect(() => decide('laptops', {})).toThrow(DecisionInputError);
    expect(() => decide('laptops', {})).toThrow(/Unknown topic "laptops".*refurbished-pc.*vdi-license-choice/);
  });

  it('rejects an unknown fact and names the topic’s facts', () => {
    expect(() => decide('used-pc', { colour: 'blue' })).toThrow(/Unknown fact "colour".*transfer, with_media_and_coa/);
  });

  it('rejects a value outside the fact’s list and names the valid values', () => {
    expect(() => decide('refurbished-pc', { coa: 'maybe' })).toThrow(/"maybe" is not a valid value for coa\. Valid values: yes, no/);
  });

  it('carries the valid choices for callers that build their own message', () => {
    try {
      decide('virtual-machines', { where: 'mars' });
      throw new Error('expected a DecisionInputError');
    } catch (error) {
      expect(error).toBeInstanceOf(DecisionInputError);
      expect((error as DecisionInputError).code).toBe('bad-value');
      expect((error as DecisionInputError).choices).toContain('listed-provider');
    }
  });
});

describe('decide() with facts the verdict no longer needs', () => {
  it('accepts and ignores them', () => {
    const alone = decide('refurbished-pc', { motherboard: 'upgraded' });
    const withMore = decide('refurbished-pc', { motherboard: 'upgraded', coa: 'yes', recovery: 'recovery-image' });
    expect(alone.verdict).toBe('not-permitted');
    expect(withMore.verdict).toBe('not-permitted');
  });

  it('never asks about the role in imaging: both sides get the same answer', () => {
    const base = { base_coa: 'all', verification_form: 'returned' };
    expect(decide('upgrade-imaging', { ...base, role: 'customer' }).verdict).toBe('permitted');
    expect(decide('upgrade-imaging', { ...base, role: 'oem-or-lsp' }).verdict).toBe('permitted');
    expect(decide('upgrade-imaging', {}).missing).not.toContain('role');
  });

  it('puts citation URLs under the configured base URL', () => {
    const decision = decide('used-pc', { transfer: 'license-only' }, { baseUrl: 'https://bot.example.com/' });
    expect(decision.citations[0].url).toBe('https://bot.example.com/guide/refurbished-and-used-pcs#used-pc-transfer');
  });
});

describe('checkFacts(): validating submitted facts without deciding', () => {
  it('finds nothing wrong with facts the topic has, answered with its values', () => {
    expect(checkFacts('refurbished-pc', { motherboard: 'original', coa: 'yes' })).toBeUndefined();
    expect(checkFacts('used-pc', {})).toBeUndefined();
  });

  it('names the same problem decide() would throw, without throwing', () => {
    const problem = checkFacts('refurbished-pc', { coa: 'maybe' });
    expect(problem).toBeInstanceOf(DecisionInputError);
    expect(problem?.code).toBe('bad-value');
    expect(() => decide('refurbished-pc', { coa: 'maybe' })).toThrow(problem!.message);
    expect(checkFacts('used-pc', { colour: 'blue' })?.code).toBe('unknown-fact');
  });
});

describe('decideTraced(): the decision and the rules behind it, from one evaluation', () => {
  it('gives the same Decision as decide(), and the rule ids only once there is a verdict', () => {
    const facts = { motherboard: 'original', coa: 'yes', recovery: 'recovery-image' };
    const traced = decideTraced('refurbished-pc', facts);
    expect(traced.decision).toEqual(decide('refurbished-pc', facts));
    expect(traced.rules.length).toBeGreaterThan(0);
    expect(decideTraced('refurbished-pc', {}).rules).toEqual([]);
  });
});
