/**
 * The host (HTTP layer, CLI, tests) puts its logger in turnState under this key for each turn.
 * A symbol from the global registry so that two copies of this module (bundles) still agree.
 */
export const TURN_LOGGER = Symbol.for('windows-licensing-assistant.turn-logger');

export type LogValue = string | number | boolean | string[] | undefined;

export interface TurnLogger {
  /** One entry per turn. Entries never hold what the user typed or who they are. */
  log(entry: Record<string, LogValue>): void;
}

export const NO_LOGGER: TurnLogger = { log: () => undefined };

/** What one turn did, filled in as the turn runs and logged once at its end. */
export interface TurnFields {
  action?: string;
  topic?: string;
  verdict?: string;
  rules?: string[];
  /** The fact the reply asks about next. */
  asked?: string;
  vote?: 'yes' | 'no';
  outcome?: 'ok' | 'invalid' | 'guide-changed' | 'error';
  outdated?: boolean;
  results?: number;
  suggested?: string;
  truncated?: boolean;
  replaced?: boolean;
  [key: string]: LogValue;
}
