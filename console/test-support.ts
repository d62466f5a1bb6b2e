// Shared by the console's tests: a console wired to a real test BFF, real customer tokens from its
// token exchange, re-signed variants of them, and an HTML parser for assertions.
import { Window } from 'happy-dom';
import { SignJWT, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { defaultConfig } from '../bff/config';
import { afterAll, beforeAll } from 'vitest';
import { exchange, roomyLimits } from '../test/helpers/oauth-requests';
import { startTestWorld, type TestWorld } from '../test/helpers/test-server';
import { createConsoleApp } from './app';
import { createBrandingSource } from './branding-source';

/** The test world's default resource: the `aud` of its customer tokens. */
export const CONSOLE_AUDIENCE = defaultConfig().resources[0]!;
export const ANALYST = 'analyst@contoso-msp.example';

export function consoleFor(world: TestWorld) {
  return createConsoleApp({
    issuer: world.baseUrl,
    audience: CONSOLE_AUDIENCE,
    jwks: createRemoteJWKSet(new URL(`${world.baseUrl}/.well-known/jwks.json`)),
    clock: world.clock,
    branding: createBrandingSource({ bffUrl: world.baseUrl, clientId: world.deps.config.consoleClient.id, clientSecret: world.deps.config.consoleClient.secret }),
  });
}

/** A real customer token from the BFF's token exchange (RFC 8693). */
export async function customerToken(world: TestWorld, tenantId: string, email = ANALYST): Promise<string> {
  const reply = await exchange(world, await world.signIn(email), tenantId);
  if (reply.status !== 200) throw new Error(`exchange for ${tenantId} failed: ${reply.status} ${reply.text}`);
  return reply.body.access_token as string;
}

/** Re-signs a token's claims, changed as asked; with the BFF's own key unless another is given. */
export async function resign(
  world: TestWorld,
  token: string,
  change: { typ?: string; claims?: JWTPayload; key?: CryptoKey } = {},
): Promise<string> {
  const header = decodeProtectedHeader(token);
  const key = change.key ?? (await world.deps.keys.signingKey()).privateKey;
  return new SignJWT({ ...decodeJwt(token), ...change.claims })
    .setProtectedHeader({ alg: 'ES256', kid: header.kid, typ: change.typ ?? header.typ })
    .sign(key);
}

export const freshKey = async () => (await generateKeyPair('ES256')).privateKey;

export const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

export function parseHtml(text: string) {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  return new window.DOMParser().parseFromString(text, 'text/html');
}

/** A console on a real test BFF, with Acme's and Globex's analyst tokens: one per test file. */
export interface ConsoleWorld {
  world: TestWorld;
  app: ReturnType<typeof consoleFor>;
  acme: string;
  globex: string;
}

export function useConsoleWorld(): ConsoleWorld {
  const cw = {} as ConsoleWorld;
  beforeAll(async () => {
    cw.world = await startTestWorld({ config: roomyLimits });
    cw.app = consoleFor(cw.world);
    [cw.acme, cw.globex] = await Promise.all([customerToken(cw.world, 't_acme'), customerToken(cw.world, 't_globex')]);
  });
  afterAll(() => cw.world?.close());
  return cw;
}

/** A page of the console with a customer token, parsed. */
export async function fetchPage(app: ReturnType<typeof consoleFor>, path: string, token: string) {
  const res = await app.request(path, bearer(token));
  const text = await res.text();
  return { res, text, doc: parseHtml(text) };
}

export const byTestId = (doc: ReturnType<typeof parseHtml>, id: string) => doc.querySelector(`[data-testid="${id}"]`);
