/** Bad input to the core: the message names what was wrong and the valid choices. */
export class DecisionInputError extends Error {
  constructor(
    message: string,
    readonly code: 'unknown-topic' | 'unknown-fact' | 'bad-value',
    readonly choices: readonly string[],
  ) {
    super(message);
    this.name = 'DecisionInputError';
  }
}
