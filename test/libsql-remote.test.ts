// The contract a remote libSQL server (sqld, Turso) must meet for the BFF: migrations, seed, sign-in,
// token exchange and introspection through createApp, with the same code as the embedded file.
// Runs against LIBSQL_TEST_URL (libsql://, https://, ws://… with LIBSQL_TEST_AUTH_TOKEN when the
// server wants one). The database must be one this suite may own: empty, or seeded by an earlier
// run of it. No libSQL server can be installed on the development machine, so there it is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { createApp } from '../bff/app';
import { defaultConfig } from '../bff/config';
import { openDatabase, type Database } from '../bff/db/client';
import { DEMO, DEMO_PASSWORD, isEmpty, seedDemo } from '../bff/db/seed';
import { createDeps } from '../bff/deps';
import { systemClock } from '../bff/domain/clock';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../shared/oauth';
import { CONSOLE, basic } from './helpers/oauth-requests';
import { unlimitedRates } from './helpers/test-server';

const url = process.env.LIBSQL_TEST_URL;
const authToken = process.env.LIBSQL_TEST_AUTH_TOKEN || undefined;
if (!url) console.log('libsql remote contract suite skipped: LIBSQL_TEST_URL is not set (no libSQL server can be installed on this machine)');

describe.skipIf(!url)(`the BFF on a remote libSQL database (${url ?? 'LIBSQL_TEST_URL'})`, () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  const issuer = 'http://127.0.0.1:8787';

  beforeAll(async () => {
    // openDatabase applies the committed migrations, as the BFF does on every start.
    database = await openDatabase({ url: url!, authToken });
    if (await isEmpty(database)) await seedDemo(database, systemClock());
    const deps = await createDeps({ database, clock: systemClock, config: defaultConfig({ issuer, rateLimit: unlimitedRates() }) });
    app = createApp(deps);
  }, 60_000);

  afterAll(() => database?.close());

  const formPost = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });

  const signIn = async () => {
    const res = await app.request('/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.users.contosoAnalyst.email, password: DEMO_PASSWORD }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { session_token: string }).session_token;
  };

  const exchange = (sessionToken: string) =>
    formPost('/oauth/token', {
      grant_type: TOKEN_EXCHANGE_GRANT,
      client_id: 'switchboard-extension',
      subject_token: sessionToken,
      subject_token_type: ACCESS_TOKEN_TYPE,
      audience: DEMO.tenants.acme,
    });

  const introspect = async (token: string) =>
    (await (await formPost('/oauth/introspect', { token }, { authorization: basic(CONSOLE.id, CONSOLE.secret) })).json()) as { active: boolean; tenant_id?: string };

  it('signs in, exchanges for a customer and introspects the customer token as active', async () => {
    const session = await signIn();
    const res = await exchange(session);
    expect(res.status, await res.clone().text()).toBe(200);
    const { access_token } = (await res.json()) as { access_token: string };
    expect(decodeJwt(access_token)).toMatchObject({ iss: issuer, tenant_id: DEMO.tenants.acme });
    expect(await introspect(access_token)).toMatchObject({ active: true, tenant_id: DEMO.tenants.acme });
  });

  it('revokes a session through the database: its customer tokens turn inactive and it exchanges no more', async () => {
    const session = await signIn();
    const { access_token } = (await (await exchange(session)).json()) as { access_token: string };
    const revoked = await formPost('/oauth/revoke', { token: session }, { authorization: `Bearer ${session}` });
    expect(revoked.status).toBe(200);
    expect(await introspect(access_token)).toEqual({ active: false });
    expect((await exchange(session)).status).toBe(400);
  });

  it('takes concurrent writes through its one write queue without losing one', async () => {
    const session = await signIn();
    const statuses = await Promise.all(Array.from({ length: 20 }, async () => (await exchange(session)).status));
    expect(statuses).toEqual(Array(20).fill(200));
  });
});
