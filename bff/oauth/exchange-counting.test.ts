// The exchange counts its rate limits in the switch's own write batch (token-exchange.ts): a
// request found over a limit there records nothing of its switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../../shared/oauth';
import { defaultConfig } from '../config';
import { DEMO } from '../db/seed';
import { accessGrants, auditEvents, rateLimitWindows, recents } from '../db/schema';
import { startTestWorld, type TestWorld } from '../../test/helpers/test-server';

const LIMIT = 5;
let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: { ...defaultConfig().rateLimit, exchangesPerUserPerMinute: LIMIT } } });
});
afterAll(() => world.close());

const exchange = (token: string, audience: string) =>
  fetch(`${world.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: TOKEN_EXCHANGE_GRANT, client_id: 'switchboard-extension', subject_token: token, subject_token_type: ACCESS_TOKEN_TYPE, audience }),
  });

const userKey = `exchange:user:${DEMO.users.contosoAnalyst.id}`;
const switches = async () => ({
  successes: (await world.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'token.exchange'), eq(auditEvents.outcome, 'success')))).length,
  lastAccess: (await world.database.db.select().from(accessGrants).where(eq(accessGrants.id, DEMO.grants.acme)))[0]!.lastAccessAt?.getTime() ?? null,
  recents: (await world.database.db.select().from(recents).where(eq(recents.userId, DEMO.users.contosoAnalyst.id))).map((r) => [r.tenantId, r.switchedAt.getTime()]),
});

describe('POST /oauth/token counted with its switch', () => {
  it('a switch over the limit (counted by another instance) is refused with 429 and writes nothing but its count', async () => {
    const token = await world.signIn(DEMO.users.contosoAnalyst.email);
    expect((await exchange(token, DEMO.tenants.acme)).status).toBe(200);
    const [window] = await world.database.db.select().from(rateLimitWindows).where(eq(rateLimitWindows.key, userKey));
    expect(window!.count).toBe(1);
    // Another instance used up the rest of the window: this process does not know it.
    await world.database.write((tx) => tx.update(rateLimitWindows).set({ count: LIMIT }).where(eq(rateLimitWindows.key, userKey)));
    world.clock.advance(1000);
    const before = await switches();
    const refused = await exchange(token, DEMO.tenants.acme);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await switches()).toEqual(before);
    const [after] = await world.database.db.select().from(rateLimitWindows).where(eq(rateLimitWindows.key, userKey));
    expect(after!.count).toBe(LIMIT + 1);
  });

  it('a refusal on the way (a customer not theirs) is counted too, and a used-up limit wins over it', async () => {
    world.clock.advance(60_000);
    const token = await world.signIn(DEMO.users.contosoAnalyst.email);
    for (let i = 1; i <= LIMIT; i++) expect((await exchange(token, DEMO.tenants.wayne)).status).toBe(400);
    const [window] = (await world.database.db.select().from(rateLimitWindows).where(eq(rateLimitWindows.key, userKey))).filter((w) => w.count === LIMIT);
    expect(window).toBeDefined();
    expect((await exchange(token, DEMO.tenants.wayne)).status).toBe(429);
    expect((await exchange(token, DEMO.tenants.acme)).status).toBe(429);
  });
});
