import { randomBytes } from 'node:crypto';

// Crockford's base 32 without I, L, O and U: nothing a person reading the number aloud can confuse.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 6;

/**
 * A request number people can read out: "LD-" and six characters (about a billion values). Random
 * rather than counted, so no store needs a counter that every new request would contend for; a
 * store refuses a number already taken and draws again (docs/decisions/0018-desk-store.md).
 */
export function newRequestNumber(bytes: (size: number) => Uint8Array = randomBytes): string {
  const drawn = bytes(LENGTH);
  let code = '';
  for (let index = 0; index < LENGTH; index += 1) code += ALPHABET[drawn[index] % ALPHABET.length];
  return `LD-${code}`;
}
