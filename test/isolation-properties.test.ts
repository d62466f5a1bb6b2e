// Tenant isolation as a property: in 1,000 random worlds (service provider > partners > clients,
// users, grants permanent, expiring and revoked, relationships, packages, IP lists, an instant),
// every tenant-scoped answer (context, entitlements, explain, token exchange, introspection)
// agrees with the reference resolver in helpers/isolation-reference.ts, a tenant the caller may
// not see answers exactly like a missing id, and no answer names a tenant the caller cannot reach.
// Worlds share one database (disjoint ids) and are asked in-process, so 1,000 fit in minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../shared/oauth';
import { accessGrants, memberships, relationships, tenantPackages, tenants, users } from '../bff/db/schema';
import { startTestWorld, unlimitedRates, type TestWorld } from './helpers/test-server';
import { consoleAuth } from './helpers/oauth-requests';
import { buildWorld, worldShape, type World } from './helpers/isolation-world';
import { Reference } from './helpers/isolation-reference';

const WORLDS = Number(process.env.ISOLATION_WORLDS ?? 1000);

let bff: TestWorld;
beforeAll(async () => {
  bff = await startTestWorld({ seed: false, listen: false, config: { rateLimit: unlimitedRates() } });
});
afterAll(() => bff.close());

async function insert(w: World) {
  const at = new Date(w.now);
  const ordered = [...w.tenants].sort((a, b) => (a.kind === 'service_provider' ? -1 : b.kind === 'service_provider' ? 1 : a.kind === 'partner' && b.kind === 'client' ? -1 : a.kind === 'client' && b.kind === 'partner' ? 1 : 0));
  await bff.database.write(async (tx) => {
    await tx.insert(tenants).values(
      ordered.map((t) => ({ id: t.id, kind: t.kind, parentId: t.parentId, name: t.name, status: t.status, country: 'GB', timezone: 'Europe/London', inheritsSubscriptions: t.inherits, ipAllowlist: t.allowlist, createdAt: at })),
    );
    const pkgs = w.tenants.flatMap((t) => t.packages.map((packageId) => ({ tenantId: t.id, packageId })));
    if (pkgs.length) await tx.insert(tenantPackages).values(pkgs);
    await tx.insert(users).values(w.users.map((u) => ({ id: u.id, email: u.email, name: u.email, homeTenantId: u.homeTenantId, status: 'active' as const, passwordHash: null, createdAt: at })));
    await tx.insert(memberships).values(w.users.map((u) => ({ userId: u.id, tenantId: u.homeTenantId, role: u.role })));
    if (w.relationships.length) {
      await tx.insert(relationships).values(
        w.relationships.map((r) => ({
          id: `r_${r.customerId}`,
          partnerId: r.partnerId,
          customerId: r.customerId,
          state: r.state,
          requestedAt: new Date(w.now - 9e8),
          approvedAt: r.state === 'pending' ? null : new Date(w.now - 8e8),
          removedAt: r.state === 'removed' ? new Date(w.now - 1e8) : null,
          removedBy: r.state === 'removed' ? ('customer' as const) : null,
        })),
      );
    }
    if (w.grants.length) {
      await tx.insert(accessGrants).values(
        w.grants.map((g) => ({
          ...g,
          expiresAt: g.expiresAt === null ? null : new Date(g.expiresAt),
          revokedAt: g.revokedAt === null ? null : new Date(g.revokedAt),
          grantedBy: g.userId,
          grantedAt: new Date(w.now - 2e9),
        })),
      );
    }
  });
}

const stats = { worlds: 0, requests: 0, visible: 0, hidden: 0, issued: 0, refused: 0, listed: 0 };
const scrub = (text: string, id: string) => text.replaceAll(id, 'ID').replace(/"(evaluated_at|generated_at)":"[^"]+"/g, '');

describe('tenant isolation properties', () => {
  it(`every tenant-scoped answer agrees with the reference and leaks nothing (${WORLDS} worlds)`, { timeout: 900_000 }, async () => {
    let k = 0;
    let previous: World | undefined;
    const seed = Number(process.env.ISOLATION_SEED ?? Date.now() % 2 ** 31);
    console.info(`isolation properties: seed ${seed} (ISOLATION_SEED=${seed} to replay)`);
    await fc.assert(
      fc.asyncProperty(worldShape, async (shape) => {
        const w = buildWorld(shape, ++k);
        await insert(w);
        const ref = new Reference(w);
        const caller = w.users[w.callerIndex]!;
        bff.clock.set(new Date(w.now));
        const session = (await bff.deps.tokens.issueSession({ id: caller.id, email: caller.email, homeTenantId: caller.homeTenantId })).token;
        const auth = { authorization: `Bearer ${session}` };
        const texts: string[] = [];
        const ask = async (path: string, init: RequestInit = {}) => {
          const res = await bff.app.request(path, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
          const text = await res.text();
          stats.requests++;
          texts.push(text);
          expect(res.status, `${path}: ${text}`).toBeLessThan(500);
          return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
        };
        const exchange = (audience: string) =>
          ask('/oauth/token', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ grant_type: TOKEN_EXCHANGE_GRANT, client_id: 'switchboard-extension', subject_token: session, subject_token_type: ACCESS_TOKEN_TYPE, audience }).toString(),
          });
        const probe = async (id: string) => [await ask(`/v1/tenants/${id}/entitlements`), await ask(`/v1/access/explain?tenant=${id}`), await exchange(id)] as const;

        const missingId = `t_w${k}_nowhere`;
        const missing = (await probe(missingId)).map((r) => `${r.status} ${scrub(r.text, missingId)}`);
        const targets = [...w.tenants.map((t) => t.id), ...(previous ? previous.tenants.slice(0, 3).map((t) => t.id) : [])];
        for (const id of targets) {
          const [ent, explain, exch] = await probe(id);
          const where = `world ${k} caller ${caller.id} (${caller.role}) tenant ${id} at ${new Date(w.now).toISOString()}`;
          const seesEnt = ref.seesForEntitlements(caller, id);
          expect(ent.status, `${where} entitlements ${ent.text}`).toBe(seesEnt ? 200 : 404);
          if (seesEnt) expect(ent.body.tenant.id, where).toBe(id);
          const seesExplain = ref.seesForExplain(caller, id);
          expect(explain.status, where).toBe(200);
          expect(explain.body.tenant?.id ?? null, `${where} explain ${explain.text}`).toBe(seesExplain ? id : null);
          if (seesExplain) expect(explain.body.decision, `${where} explain ${explain.text}`).toBe(ref.enters(caller, id) ? 'allow' : 'deny');
          const issues = ref.exchangeIssues(caller, id);
          expect(exch.status, `${where} exchange ${exch.text}`).toBe(issues ? 200 : 400);
          if (issues) {
            stats.issued++;
            const intro = await ask('/oauth/introspect', {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded', ...consoleAuth },
              body: new URLSearchParams({ token: exch.body.access_token }).toString(),
            });
            expect(intro.body, where).toMatchObject({ active: true, tenant_id: id, sub: caller.id });
          } else {
            stats.refused++;
            expect(exch.body.error, where).toBe('invalid_target');
          }
          if (!seesExplain) {
            stats.hidden++;
            // Exactly the answers of an id that does not exist.
            expect([ent, explain, exch].map((r) => `${r.status} ${scrub(r.text, id)}`), where).toEqual(missing);
          } else stats.visible++;
        }

        const context = await ask('/v1/me/context');
        expect(context.status).toBe(200);
        const listed = (context.body.customers as { tenant_id: string; switchable: boolean }[]).map((c) => ({ id: c.tenant_id, switchable: c.switchable })).sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(listed, `world ${k} context`).toEqual(ref.contextCustomers(caller));
        stats.listed += listed.length;

        // No answer names a tenant the caller cannot reach now (this world's or the previous one's).
        const reachable = ref.reachable(caller);
        const all = [...w.tenants, ...(previous?.tenants ?? [])];
        const joined = texts.join('\n');
        for (const t of all) {
          if (reachable.has(t.id)) continue;
          expect(joined.includes(t.name), `world ${k}: ${t.name} leaked to ${caller.id}`).toBe(false);
          expect(new RegExp(`${t.id}(?![A-Za-z0-9_-])`).test(joined.replaceAll(t.id === missingId ? '' : `tenant=${t.id}`, '')), `world ${k}: ${t.id} leaked to ${caller.id}`).toBe(false);
        }
        previous = w;
        stats.worlds++;
      }),
      { numRuns: WORLDS, seed, endOnFailure: true },
    );
    console.info('isolation properties', stats);
    expect(stats.worlds).toBe(WORLDS);
    expect(stats.issued).toBeGreaterThan(WORLDS / 10);
    expect(stats.hidden).toBeGreaterThan(WORLDS);
    expect(stats.visible).toBeGreaterThan(WORLDS);
  });
});
