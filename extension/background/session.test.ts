// @vitest-environment node
// The BFF runs in-process (libSQL, jose): Node's own fetch classes, not the DOM's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionResponseSchema } from '../../shared/session';
import { ANALYST_EMAIL, ANALYST_ID, CONSOLE_URL, DEMO_PASSWORD, startBffWorld, type BffWorld } from '../test-support/bff-world';
import { sessionItem } from '../utils/storage';
import { createSession } from './session';
import { exchangeForCustomer } from './token-exchange';

let w: BffWorld;
beforeAll(async () => {
  w = await startBffWorld();
});
afterAll(() => w.world.close());
beforeEach(() => {
  fakeBrowser.reset();
  w.down = false;
});

const session = () => createSession({ bff: w.bff, now: w.now });

describe('createSession against the BFF', () => {
  it('signs in and keeps the session in session storage, expiring when the BFF says', async () => {
    const answer = await session().signIn(ANALYST_EMAIL, DEMO_PASSWORD);
    expect(answer).toMatchObject({ ok: true, user: { id: ANALYST_ID, email: ANALYST_EMAIL } });
    const stored = await sessionItem.getValue();
    expect(stored?.user.id).toBe(ANALYST_ID);
    expect(stored?.token.split('.')).toHaveLength(3); // a JWT
    expect(Date.parse(stored!.expiresAt)).toBe(w.now() + w.world.deps.config.sessionTtlSeconds * 1000);
    expect(await fakeBrowser.storage.session.get('session')).toMatchObject({ session: { token: stored!.token } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await session().current()).toEqual(stored);
  });

  it('refuses a wrong password with the BFF’s own message and stores nothing', async () => {
    const answer = await session().signIn(ANALYST_EMAIL, 'not-the-password');
    expect(answer).toEqual({ ok: false, error: 'unauthorized', message: 'e-mail or password is wrong' });
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('refuses a malformed e-mail with the BFF’s validation error', async () => {
    const answer = await session().signIn('not-an-email', DEMO_PASSWORD);
    expect(answer).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('says the BFF cannot be reached when it is down, and stores nothing', async () => {
    w.down = true;
    expect(await session().signIn(ANALYST_EMAIL, DEMO_PASSWORD)).toMatchObject({ ok: false, error: 'bff_unreachable' });
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('treats an expired session as none', async () => {
    await session().signIn(ANALYST_EMAIL, DEMO_PASSWORD);
    const stored = (await sessionItem.getValue())!;
    const later = createSession({ bff: w.bff, now: () => Date.parse(stored.expiresAt) });
    expect(await later.current()).toBeNull();
    expect(await createSession({ bff: w.bff, now: () => Date.parse(stored.expiresAt) - 1 }).current()).toEqual(stored);
  });

  it('signs out: forgets the session and revokes it at the BFF, so its token is refused after', async () => {
    const s = session();
    await s.signIn(ANALYST_EMAIL, DEMO_PASSWORD);
    const { token } = (await sessionItem.getValue())!;
    expect(await exchangeForCustomer(w.bff, token, 't_acme', CONSOLE_URL, w.now())).toMatchObject({ ok: true });

    w.calls.length = 0;
    await s.signOut();
    expect(await sessionItem.getValue()).toBeNull();
    expect(await s.current()).toBeNull();
    expect(w.calls).toEqual([{ method: 'POST', path: '/oauth/revoke', status: 200 }]);
    expect(await exchangeForCustomer(w.bff, token, 't_acme', CONSOLE_URL, w.now())).toMatchObject({ ok: false, message: expect.stringMatching(/revoked/) });
  });

  it('forgets the session even when the BFF is down during sign-out', async () => {
    const s = session();
    await s.signIn(ANALYST_EMAIL, DEMO_PASSWORD);
    w.down = true;
    await expect(s.signOut()).resolves.toBeUndefined();
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('signs out without calling the BFF when there is no session', async () => {
    w.calls.length = 0;
    await session().signOut();
    expect(w.calls).toEqual([]);
  });

  it('stores exactly what the BFF sent (the wire shape parses)', async () => {
    const raw = await w.bff.v1.session.$post({ json: { email: ANALYST_EMAIL, password: DEMO_PASSWORD } });
    const parsed = sessionResponseSchema.parse(await raw.json());
    await session().signIn(ANALYST_EMAIL, DEMO_PASSWORD);
    expect((await sessionItem.getValue())?.user).toEqual(parsed.user);
  });
});
