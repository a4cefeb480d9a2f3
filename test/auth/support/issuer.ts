import { execFile } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';

// A stand-in for login.botframework.com on 127.0.0.1: the OpenID metadata document and the JWKS
// it points to, so botbuilder's real validation path runs with no network.

export type IssuerMode = 'ok' | 'metadata-fails' | 'keys-fail' | 'hangs';

export interface LocalIssuer {
  /** Give this to ToBotFromChannelOpenIdMetadataUrl (and the emulator one). */
  metadataUrl: string;
  /** How many times the metadata document and the keys were fetched. */
  fetches: { metadata: number; keys: number };
  close(): Promise<void>;
}

export async function startIssuer(jwks: unknown, mode: IssuerMode = 'ok'): Promise<LocalIssuer> {
  const fetches = { metadata: 0, keys: 0 };
  let base = '';
  const server: Server = createServer((req, res) => {
    if (mode === 'hangs') return; // accepts the connection, never answers
    if (req.url === '/v1/.well-known/openidconfiguration') {
      fetches.metadata += 1;
      if (mode === 'metadata-fails') {
        res.writeHead(500).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          issuer: 'https://api.botframework.com',
          authorization_endpoint: 'https://invalid.botframework.com',
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }),
      );
      return;
    }
    if (req.url === '/v1/.well-known/keys') {
      fetches.keys += 1;
      if (mode === 'keys-fail') {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    fetches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface KeySpec {
  name: string;
  /** Published in the JWKS (a key that is not stands for an attacker's key). */
  publish: boolean;
  kid?: string;
  endorsements?: string[];
}

export interface TokenSpec {
  name: string;
  key: string;
  /** Header kid; defaults to the signing key's name. */
  kid?: string;
  claims: Record<string, unknown>;
  /** Claim -> seconds from now; defaults to iat/nbf a minute ago and exp in an hour. */
  times?: Record<string, number>;
  unsigned?: boolean;
  hmacWithPublicKeyOf?: string;
}

/** What sign-tokens.cjs prints: the public keys as a JWKS, and each token by name. */
const SignedTokens = z.object({ jwks: z.object({ keys: z.array(z.unknown()) }), tokens: z.record(z.string(), z.string()) });

/** Generates RSA keys and signs the tokens with jose in a child process (see sign-tokens.cjs). */
export function signTokens(keys: KeySpec[], tokens: TokenSpec[]): Promise<z.infer<typeof SignedTokens>> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'sign-tokens.cjs')], { timeout: 20000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`signing failed: ${stderr || error.message}`));
      else resolve(SignedTokens.parse(JSON.parse(stdout)));
    });
    child.stdin!.end(JSON.stringify({ keys, tokens }));
  });
}

/** The token issuer Bot Framework channels use; the local issuer signs tokens in its name. */
export const ISSUER = 'https://api.botframework.com';

/**
 * The messages handler's authentication settings for a local issuer: inbound tokens are checked
 * against it, and the outbound login settings (never used with expectReplies) point at a closed
 * port on this machine rather than at the real login endpoints.
 */
export function authenticationAt(issuer: LocalIssuer) {
  return {
    ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: issuer.metadataUrl,
    ToBotFromChannelTokenIssuer: ISSUER,
    ToChannelFromBotLoginUrl: 'http://127.0.0.1:9/login',
    ToChannelFromBotOAuthScope: ISSUER,
    OAuthUrl: 'http://127.0.0.1:9/oauth',
  };
}
