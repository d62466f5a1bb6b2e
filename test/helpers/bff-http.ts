// Talking to a BFF by its URL (a process from bff-process.ts, or any server): sign-in, token
// exchange, revocation and introspection as the extension and the console send them.
import { DEMO_PASSWORD } from '../../bff/db/seed';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../../shared/oauth';
import { CONSOLE, basic } from './oauth-requests';

export interface HttpReply {
  status: number;
  headers: Headers;
  body: any;
}

async function reply(res: Response): Promise<HttpReply> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

export const postForm = async (base: string, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  reply(await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields) }));

export const signInAt = async (base: string, email: string, password = DEMO_PASSWORD) =>
  reply(await fetch(`${base}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }));

export const exchangeAt = (base: string, session: string, audience: string) =>
  postForm(base, '/oauth/token', { grant_type: TOKEN_EXCHANGE_GRANT, client_id: 'switchboard-extension', subject_token: session, subject_token_type: ACCESS_TOKEN_TYPE, audience });

/** RFC 7009 revocation of `token` by the user who holds `session`. */
export const revokeAt = (base: string, session: string, token: string) => postForm(base, '/oauth/revoke', { token }, { authorization: `Bearer ${session}` });

export const introspectAt = (base: string, token: string) => postForm(base, '/oauth/introspect', { token }, { authorization: basic(CONSOLE.id, CONSOLE.secret) });

/** A session token, failing loudly when the sign-in is refused. */
export async function sessionAt(base: string, email: string): Promise<string> {
  const r = await signInAt(base, email);
  if (r.status !== 200) throw new Error(`sign-in as ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.session_token as string;
}
