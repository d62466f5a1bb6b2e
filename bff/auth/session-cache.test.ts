// Session tokens are verified once per token (bff/auth/tokens.ts), yet a token this process has
// already accepted stops working at once when it is revoked (here or by another instance), when it
// expires, and when its user is deactivated.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_AT, startTestWorld, type TestWorld } from '../../test/helpers/test-server';
import { post } from '../../test/helpers/oauth-requests';
import { openDatabase } from '../db/client';
import { revokeToken } from '../db/revocations';
import { users } from '../db/schema';
import { DEMO } from '../db/seed';

let w: TestWorld;
beforeAll(async () => {
  w = await startTestWorld();
});
afterAll(() => w.close());

const me = async (token: string) => (await w.app.request('/v1/me/context', { headers: { authorization: `Bearer ${token}` } })).status;
const jtiOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti as string;

describe('a session token accepted before', () => {
  it('is refused once revoked through /oauth/revoke', async () => {
    const token = await w.signIn(DEMO.users.contosoAnalyst.email);
    expect([await me(token), await me(token)]).toEqual([200, 200]);
    // A session token is revoked by its own user (RFC 7009 §2.1), signing out.
    expect((await post(w, '/oauth/revoke', { token }, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(await me(token)).toBe(401);
  });

  it('is refused once another instance on the same file revokes it', async () => {
    const token = await w.signIn(DEMO.users.contosoAnalyst.email);
    expect(await me(token)).toBe(200);
    const other = await openDatabase({ url: w.databaseUrl });
    try {
      await other.write((tx) => revokeToken(tx, jtiOf(token), new Date(SEEDED_AT.getTime() + 8 * 3600_000), SEEDED_AT));
    } finally {
      other.close();
    }
    expect(await me(token)).toBe(401);
  });

  it('is refused from the instant it expires, and for a user made inactive', async () => {
    const token = await w.signIn(DEMO.users.fabrikamAnalyst.email);
    expect(await me(token)).toBe(200);
    const exp = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).exp as number;
    w.clock.set(new Date(exp * 1000 - 1));
    expect(await me(token)).toBe(200);
    w.clock.set(new Date(exp * 1000));
    expect(await me(token)).toBe(401);
    w.clock.set(SEEDED_AT);
    expect(await me(token)).toBe(200);
    await w.database.write((tx) => tx.update(users).set({ status: 'inactive' }).where(eq(users.id, DEMO.users.fabrikamAnalyst.id)));
    expect(await me(token)).toBe(401);
  });
});
