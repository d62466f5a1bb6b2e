// @vitest-environment node
// The BFF runs in-process (libSQL, jose): Node's own fetch classes, not the DOM's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANALYST_EMAIL, CONSOLE_URL, DEMO_PASSWORD, startBffWorld, type BffWorld } from '../test-support/bff-world';
import { claimsOf } from '../test-support/jwt';
import { exchangeForCustomer } from './token-exchange';

let w: BffWorld;
let sessionToken: string;
beforeAll(async () => {
  w = await startBffWorld();
  sessionToken = await w.world.signIn(ANALYST_EMAIL, DEMO_PASSWORD);
});
afterAll(() => w.world.close());
beforeEach(() => {
  w.down = false;
  w.calls.length = 0;
});

const exchange = (tenantId: string, resource = CONSOLE_URL, token = sessionToken) => exchangeForCustomer(w.bff, token, tenantId, resource, w.now());

describe('exchangeForCustomer against the BFF', () => {
  it('gets a token for exactly one customer and the console, expiring when the BFF says', async () => {
    const answer = await exchange('t_acme');
    if (!answer.ok) throw new Error(answer.message);
    expect(claimsOf(answer.token)).toMatchObject({ tenant_id: 't_acme', aud: CONSOLE_URL, sub: 'u_contoso_analyst', client_id: 'switchboard-extension' });
    expect(answer.expiresAt.getTime()).toBe(w.now() + w.world.deps.config.accessTokenTtlSeconds * 1000);
    expect(claimsOf(answer.token).exp).toBe(answer.expiresAt.getTime() / 1000);
    expect(w.calls).toEqual([{ method: 'POST', path: '/oauth/token', status: 200 }]);
  });

  it('gives different customers different tokens', async () => {
    const [acme, globex] = await Promise.all([exchange('t_acme'), exchange('t_globex')]);
    expect(acme.ok && globex.ok).toBe(true);
    if (acme.ok && globex.ok) expect(claimsOf(globex.token).tenant_id).toBe('t_globex');
    if (acme.ok && globex.ok) expect(acme.token).not.toBe(globex.token);
  });

  it('returns the BFF’s reason for an expired grant (Initech)', async () => {
    expect(await exchange('t_initech')).toEqual({ ok: false, error: 'invalid_target', message: expect.stringMatching(/g_initech_analyst expired/) });
  });

  it('returns the BFF’s reason for a relationship pending approval (Umbrella)', async () => {
    expect(await exchange('t_umbrella')).toEqual({ ok: false, error: 'invalid_target', message: expect.stringMatching(/Umbrella Health pending customer approval/) });
  });

  it('refuses another partner’s customer (Wayne) and an unknown one alike', async () => {
    const wayne = await exchange('t_wayne');
    const unknown = await exchange('t_nobody');
    expect(wayne).toMatchObject({ ok: false, error: 'invalid_target' });
    expect(unknown).toEqual(wayne);
  });

  it('refuses a token for a resource the BFF does not serve', async () => {
    expect(await exchange('t_acme', 'http://127.0.0.1:9999')).toMatchObject({ ok: false, error: 'invalid_target' });
  });

  it('refuses a session token that is not one', async () => {
    expect(await exchange('t_acme', CONSOLE_URL, 'not-a-token')).toMatchObject({ ok: false, error: 'invalid_request' });
  });

  it('says the BFF cannot be reached when it is down', async () => {
    w.down = true;
    expect(await exchange('t_acme')).toMatchObject({ ok: false, error: 'bff_unreachable', message: expect.stringMatching(/ECONNREFUSED.*nothing was changed/) });
  });
});
