// Talking to the OAuth endpoints as a client would, for the tests of /oauth/*: form-encoded
// requests over real HTTP and the assertions every OAuth answer must meet.
import { expect } from 'vitest';
import { decodeJwt } from 'jose';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../../shared/oauth';
import { defaultConfig, type AppConfig } from '../../bff/config';
import { unlimitedRates, type TestWorld } from './test-server';

export const RESOURCE = 'http://127.0.0.1:8788';
export const CONSOLE = defaultConfig().consoleClient;

/** Limits high enough that tests sharing one world never trip them (the rate-limit tests set their own). */
export const roomyLimits: Partial<AppConfig> = { rateLimit: unlimitedRates() };

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export async function post(world: TestWorld, path: string, form: Record<string, string | undefined>, headers: Record<string, string> = {}): Promise<Reply> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) if (v !== undefined) body.append(k, v);
  const res = await fetch(`${world.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

export const exchangeForm = (subjectToken: string | undefined, audience: string | undefined, extra: Record<string, string | undefined> = {}) => ({
  grant_type: TOKEN_EXCHANGE_GRANT,
  client_id: 'switchboard-extension',
  subject_token: subjectToken,
  subject_token_type: ACCESS_TOKEN_TYPE,
  audience,
  ...extra,
});

export const exchange = (world: TestWorld, subjectToken: string | undefined, audience: string | undefined, extra: Record<string, string | undefined> = {}) =>
  post(world, '/oauth/token', exchangeForm(subjectToken, audience, extra));

export const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
export const consoleAuth = { authorization: basic(CONSOLE.id, CONSOLE.secret) };

export const introspect = (world: TestWorld, token: string, headers: Record<string, string> = consoleAuth, extra: Record<string, string> = {}) =>
  post(world, '/oauth/introspect', { token, ...extra }, headers);

export function expectOAuthError(reply: Reply, error: string, status = 400) {
  expect({ status: reply.status, error: reply.body?.error }, reply.text).toEqual({ status, error });
  expect(typeof reply.body.error_description).toBe('string');
  expect(reply.headers.get('cache-control')).toBe('no-store');
}

export async function expectIssued(reply: Reply) {
  expect(reply.status, reply.text).toBe(200);
  expect(reply.body).toMatchObject({ issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer' });
  return { response: reply.body as { access_token: string; expires_in: number; scope: string }, claims: decodeJwt(reply.body.access_token) };
}

export const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
