// Signs the test's Bot Framework tokens with jose, in a plain Node process: jose 6 is ESM only,
// which Node 20 can require() but jest's module loader cannot. Reads a spec on stdin, prints
// { jwks, tokens } on stdout. Keys are generated here and never leave the test run.
'use strict';
const jose = require('jose');

async function main() {
  const spec = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const now = Math.floor(Date.now() / 1000);
  const keys = {};
  const jwks = { keys: [] };
  for (const key of spec.keys) {
    const pair = await jose.generateKeyPair('RS256', { extractable: true });
    keys[key.name] = pair;
    if (key.publish) {
      const jwk = await jose.exportJWK(pair.publicKey);
      jwks.keys.push({ ...jwk, kid: key.kid ?? key.name, use: 'sig', alg: 'RS256', ...(key.endorsements ? { endorsements: key.endorsements } : {}) });
    }
  }
  const tokens = {};
  for (const token of spec.tokens) {
    const claims = { ...token.claims };
    for (const [claim, offset] of Object.entries(token.times ?? { iat: -60, nbf: -60, exp: 3600 })) claims[claim] = now + offset;
    const header = { typ: 'JWT', kid: token.kid ?? token.key };
    if (token.unsigned) {
      // alg "none" under a published kid, so the token reaches signature verification.
      const part = (value) => jose.base64url.encode(JSON.stringify(value));
      tokens[token.name] = `${part({ ...header, alg: 'none' })}.${part(claims)}.`;
    } else if (token.hmacWithPublicKeyOf) {
      // The classic confusion attack: HS256 with the issuer's public key as the shared secret.
      const pem = await jose.exportSPKI(keys[token.hmacWithPublicKeyOf].publicKey);
      tokens[token.name] = await new jose.SignJWT(claims).setProtectedHeader({ ...header, alg: 'HS256' }).sign(new TextEncoder().encode(pem));
    } else {
      tokens[token.name] = await new jose.SignJWT(claims).setProtectedHeader({ ...header, alg: 'RS256' }).sign(keys[token.key].privateKey);
    }
  }
  process.stdout.write(JSON.stringify({ jwks, tokens }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack));
  process.exit(1);
});
