// No cross-tenant leak: a user of one partner learns nothing of another partner's tenants through
// any endpoint, whatever tenant id they try.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../bff/db/seed';
import { eq } from 'drizzle-orm';
import { accessGrants, tenants, users } from '../bff/db/schema';
import { TOKEN_EXCHANGE_GRANT, ACCESS_TOKEN_TYPE } from '../shared/oauth';
import { startTestWorld, unlimitedRates, type TestWorld } from './helpers/test-server';

let world: TestWorld;
let allTenants: { id: string; name: string; parentId: string | null }[];
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
  allTenants = await world.database.db.select({ id: tenants.id, name: tenants.name, parentId: tenants.parentId }).from(tenants);
});
afterAll(() => world.close());

const family = (partnerId: string) => allTenants.filter((t) => t.id === partnerId || t.parentId === partnerId);

/** Everything a user can ask about one tenant id, as raw response texts. */
async function probe(token: string, tenantId: string): Promise<string[]> {
  const auth = { authorization: `Bearer ${token}` };
  const answers = await Promise.all([
    fetch(`${world.baseUrl}/v1/access/explain?tenant=${tenantId}`, { headers: auth }),
    fetch(`${world.baseUrl}/v1/access/explain?tenant=${tenantId}&permission=Incident_View`, { headers: auth }),
    fetch(`${world.baseUrl}/v1/tenants/${tenantId}/entitlements`, { headers: auth }),
    fetch(`${world.baseUrl}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: TOKEN_EXCHANGE_GRANT,
        client_id: 'switchboard-extension',
        subject_token: token,
        subject_token_type: ACCESS_TOKEN_TYPE,
        audience: tenantId,
      }),
    }),
  ]);
  return Promise.all(answers.map(async (r) => `${r.status} ${await r.text()}`));
}

const cases = [
  { who: DEMO.users.fabrikamAnalyst.email, other: DEMO.tenants.contoso },
  { who: DEMO.users.fabrikamAdmin.email, other: DEMO.tenants.contoso },
  { who: DEMO.users.contosoAnalyst.email, other: DEMO.tenants.fabrikam },
  { who: DEMO.users.contosoAdmin.email, other: DEMO.tenants.fabrikam },
  { who: DEMO.users.acmeViewer.email, other: DEMO.tenants.fabrikam },
];

describe('cross-partner isolation', () => {
  it.each(cases)('$who learns nothing about the tenants of $other', async ({ who, other }) => {
    const token = await world.signIn(who);
    const foreign = family(other);
    expect(foreign.length).toBeGreaterThan(1);
    const unknownAnswers = (await probe(token, 't_no_such_tenant')).map((a) => a.replaceAll('t_no_such_tenant', 'ID').replace(/"evaluated_at":"[^"]+"/g, ''));
    for (const tenant of foreign) {
      const answers = await probe(token, tenant.id);
      for (const answer of answers) {
        for (const t of foreign) expect(answer).not.toContain(t.name);
        expect(answer.startsWith('5')).toBe(false);
      }
      // Identical to what an id that does not exist gets.
      expect(answers.map((a) => a.replaceAll(tenant.id, 'ID').replace(/"evaluated_at":"[^"]+"/g, ''))).toEqual(unknownAnswers);
    }
    const context = await (await fetch(`${world.baseUrl}/v1/me/context`, { headers: { authorization: `Bearer ${token}` } })).text();
    for (const t of foreign) {
      expect(context).not.toContain(t.name);
      expect(context).not.toContain(`"${t.id}"`);
    }
  });
});

describe('a user who moved to another partner', () => {
  it('learns nothing more of the old partner\'s customers than of tenants that do not exist', async () => {
    const moved = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
    try {
      const analyst = DEMO.users.contosoAnalyst.id;
      const at = moved.clock();
      // Revoke every grant, move the user to Fabrikam, then (as a careless script might) bring one grant back.
      await moved.database.write(async (tx) => {
        await tx.update(accessGrants).set({ revokedAt: at }).where(eq(accessGrants.userId, analyst));
        await tx.update(users).set({ homeTenantId: DEMO.tenants.fabrikam }).where(eq(users.id, analyst));
      });
      const revived = await moved.database
        .write((tx) => tx.update(accessGrants).set({ revokedAt: null }).where(eq(accessGrants.id, DEMO.grants.acme)))
        .then(() => 'revived', (e: { cause?: { message?: string } }) => String(e.cause?.message));
      expect(revived).toMatch(/must belong to the granting partner/);
      // Rows written before the triggers existed (or by hand) must not matter either: force one in.
      await moved.database.client.execute('DROP TRIGGER access_grants_user_of_partner_update');
      await moved.database.write((tx) => tx.update(accessGrants).set({ revokedAt: null }).where(eq(accessGrants.id, DEMO.grants.acme)));

      const token = await moved.signIn(DEMO.users.contosoAnalyst.email);
      const ask = async (tenantId: string) => {
        const auth = { authorization: `Bearer ${token}` };
        const replies = await Promise.all([
          fetch(`${moved.baseUrl}/v1/access/explain?tenant=${tenantId}`, { headers: auth }),
          fetch(`${moved.baseUrl}/v1/tenants/${tenantId}/entitlements`, { headers: auth }),
          fetch(`${moved.baseUrl}/oauth/token`, {
            method: 'POST',
            body: new URLSearchParams({ grant_type: TOKEN_EXCHANGE_GRANT, client_id: 'switchboard-extension', subject_token: token, subject_token_type: ACCESS_TOKEN_TYPE, audience: tenantId }),
          }),
        ]);
        return Promise.all(replies.map(async (r) => `${r.status} ${(await r.text()).replaceAll(tenantId, 'ID').replace(/"evaluated_at":"[^"]+"/g, '')}`));
      };
      expect(await ask(DEMO.tenants.acme)).toEqual(await ask('t_no_such_tenant'));
      const context = await (await fetch(`${moved.baseUrl}/v1/me/context`, { headers: { authorization: `Bearer ${token}` } })).text();
      expect(context).not.toContain('Acme Retail');
    } finally {
      await moved.close();
    }
  });
});
