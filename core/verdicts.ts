/** The verdicts of the decision contract; a module of its own so the compiler can use it too. */
export const VERDICTS = ['permitted', 'not-permitted', 'conditional', 'refer', 'recommendation'] as const;
export type Verdict = (typeof VERDICTS)[number];
