// Property: whatever the tenants, relationships, grants, revocations, statuses, allow-lists, clock
// and requested scope, POST /oauth/token issues a token only for a customer the user may enter at
// that instant, never wider than the grant's effective permissions and never past the grant's
// expiry (or 900 s). The expectation comes from an oracle written here, independent of bff/domain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeJwt } from 'jose';
import { startTestWorld, SEEDED_AT, type TestWorld } from './helpers/test-server';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../shared/oauth';
import { BASE_PACKAGE, CUSTOMER_ROLE_IDS, PACKAGE_IDS, PERMISSIONS, PERMISSION_IDS, ROLES, type RoleId } from '../shared/catalogue';
import { defaultConfig } from '../bff/config';
import { DEMO } from '../bff/db/seed';
import { accessGrants, memberships, relationships, tenantPackages, tenants, users } from '../bff/db/schema';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MAX_TTL_S = 900;
const SESSION_TTL_MS = 8 * HOUR;
const NUM_RUNS = 100;

type TenantStatus = 'active' | 'inactive' | 'terminated';
type RelState = 'none' | 'pending' | 'approved' | 'removed';

/** Allow-lists with their answer for a caller on 127.0.0.1, decided by hand (not by bff/domain/ip-allowlist). */
const ALLOWLISTS: { list: string[]; allows127: boolean }[] = [
  { list: [], allows127: true },
  { list: ['127.0.0.1/32'], allows127: true },
  { list: ['127.0.0.1'], allows127: true },
  { list: ['10.0.0.0/8'], allows127: false },
  { list: ['10.0.0.0/8', '127.0.0.0/8'], allows127: true },
  { list: ['192.168.1.7'], allows127: false },
  { list: ['::1/128'], allows127: false },
];

/** Grant expiry relative to the instant: often permanent or far ahead, sometimes past, sometimes on the edges. */
const expiryArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 2 * DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: -2 * DAY, max: 0 }) },
  // Right around the instant: the one-second edge and ties.
  { weight: 1, arbitrary: fc.integer({ min: -3 * SECOND, max: 3 * SECOND }) },
  // Inside and just beyond the 15-minute token lifetime.
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 20 * MINUTE }) },
);

const weighted = <T,>(...pairs: [T, number][]) => fc.oneof(...pairs.map(([value, weight]) => ({ weight, arbitrary: fc.constant(value) })));

const grantArb = fc.record({
  role: fc.constantFrom<string | null>(null, ...CUSTOMER_ROLE_IDS, 'partner_administrator', 'legacy_role'),
  platformAdmin: fc.boolean(),
  products: fc.subarray([...PACKAGE_IDS]),
  expiresIn: expiryArb,
  /** How long before the instant the grant was revoked; null: not revoked. Revocations never lie ahead. */
  revokedAgo: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 * DAY }) }),
  grantedAgo: fc.integer({ min: 1, max: 30 * DAY }),
});

type GrantSpec = typeof grantArb extends fc.Arbitrary<infer G> ? G : never;

const customerArb = fc.record({
  status: weighted<TenantStatus>(['active', 16], ['inactive', 1], ['terminated', 1]),
  inherits: fc.boolean(),
  packages: fc.subarray([...PACKAGE_IDS]),
  allowlist: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: ALLOWLISTS.length - 1 }) }),
  relationship: weighted<RelState>(['approved', 14], ['none', 1], ['pending', 1], ['removed', 1]),
  grants: fc.oneof({ weight: 1, arbitrary: fc.constant<GrantSpec[]>([]) }, { weight: 12, arbitrary: fc.array(grantArb, { minLength: 1, maxLength: 2 }) }),
});

const requestArb = fc.record({
  target: fc.oneof(
    { weight: 16, arbitrary: fc.nat({ max: 2 }).map((i) => ({ kind: 'customer' as const, index: i })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'home' as const, index: 0 }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'unknown' as const, index: 0 }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'other_partner_customer' as const, index: 0 }) },
  ),
  scope: fc.oneof(
    { weight: 3, arbitrary: fc.constant({ mode: 'default' as const, picks: [] as number[], extra: [] as string[] }) },
    {
      weight: 3,
      arbitrary: fc.record({ mode: fc.constant('narrow' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), extra: fc.constant([] as string[]) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        mode: fc.constant('mixed' as const),
        picks: fc.array(fc.nat(), { maxLength: 3 }),
        extra: fc.array(fc.oneof(fc.constantFrom(...PERMISSION_IDS), fc.constantFrom('Bogus_Permission', 'resources_view', 'MSP_Manage')), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
    },
  ),
});

const scenarioArb = fc.record({
  partnerStatus: weighted<TenantStatus>(['active', 20], ['inactive', 1], ['terminated', 1]),
  partnerPackages: fc.subarray([...PACKAGE_IDS]),
  userActive: weighted([true, 30], [false, 1]),
  customers: fc.array(customerArb, { minLength: 1, maxLength: 3 }),
  instant: fc.integer({ min: SEEDED_AT.getTime() - 60 * DAY, max: SEEDED_AT.getTime() + 60 * DAY }),
  // How long ago the session was issued: sometimes so long that its expiry caps the token.
  sessionAge: fc.oneof(fc.integer({ min: 0, max: SESSION_TTL_MS - 10 * SECOND }), fc.integer({ min: SESSION_TTL_MS - 20 * MINUTE, max: SESSION_TTL_MS - 10 * SECOND })),
  requests: fc.array(requestArb, { minLength: 1, maxLength: 4 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

interface GrantRow {
  id: string;
  partnerId: string;
  role: string | null;
  platformAdmin: boolean;
  products: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  grantedAt: Date;
}

// ---- the oracle ----------------------------------------------------------------------------

/** Packages a customer has, from Northwind (everything) > the run's partner > the customer. */
function customerPackages(partnerPackages: readonly string[], customer: { inherits: boolean; packages: readonly string[] }): Set<string> {
  const partnerHas = (p: string) => p === BASE_PACKAGE || partnerPackages.includes(p);
  return new Set(PACKAGE_IDS.filter((p) => p === BASE_PACKAGE || (customer.inherits ? partnerHas(p) : customer.packages.includes(p) && partnerHas(p))));
}

function effectivePermissions(grant: GrantRow, subscribed: Set<string>): string[] {
  const fromRole = grant.role && grant.role in ROLES ? ROLES[grant.role as RoleId].permissions : [];
  const fromAdmin = grant.platformAdmin ? ROLES.platform_administrator.permissions : [];
  const covered = new Set<string>([BASE_PACKAGE, ...grant.products]);
  return [...new Set([...fromRole, ...fromAdmin])]
    .filter((p) => {
      const info = PERMISSIONS.get(p)!;
      if (info.scope !== 'customer') return false;
      return info.package === null || (subscribed.has(info.package) && covered.has(info.package));
    })
    .sort();
}

type Expected =
  | { outcome: 'refused'; codes: string[]; why: string }
  | { outcome: 'issued'; tenantId: string; grant: GrantRow; scope: string; expiresIn: number; effective: string[] };

// ---- the property --------------------------------------------------------------------------

describe('token exchange property', () => {
  let world: TestWorld;
  let run = 0;
  const stats = { issued: 0, invalid_target: 0, invalid_scope: 0, invalid_request: 0 };

  beforeAll(async () => {
    world = await startTestWorld({
      config: { rateLimit: { ...defaultConfig().rateLimit, exchangesPerUserPerMinute: 1_000_000, exchangesPerIpPerMinute: 1_000_000 } },
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  async function materialise(s: Scenario, k: number) {
    const now = new Date(s.instant);
    const partnerId = `t_prop${k}`;
    const userId = `u_prop${k}`;
    const email = `analyst${k}@prop.example`;
    const customers = s.customers.map((c, i) => {
      let liveSeen = false;
      const grants: GrantRow[] = c.grants.map((g, j) => {
        // At most one live grant per (user, customer): the schema's unique index. Extra ones are revoked.
        let revokedAgo = g.revokedAgo;
        if (revokedAgo === null && liveSeen) revokedAgo = 1000;
        if (revokedAgo === null) liveSeen = true;
        return {
          id: `g_prop${k}_${i}_${j}`,
          partnerId,
          role: g.role,
          platformAdmin: g.platformAdmin,
          products: g.products,
          expiresAt: g.expiresIn === null ? null : new Date(s.instant + g.expiresIn),
          revokedAt: revokedAgo === null ? null : new Date(s.instant - revokedAgo),
          grantedAt: new Date(s.instant - g.grantedAgo),
        };
      });
      return { ...c, id: `t_prop${k}_c${i}`, name: `Prop ${k} Customer ${i}`, grants, allowlist: ALLOWLISTS[c.allowlist]! };
    });

    await world.database.write(async (tx) => {
      await tx.insert(tenants).values({
        id: partnerId,
        kind: 'partner',
        parentId: DEMO.tenants.northwind,
        name: `Prop Partner ${k}`,
        status: s.partnerStatus,
        country: 'US',
        timezone: 'America/Chicago',
        createdAt: now,
      });
      const partnerPkgs = s.partnerPackages;
      if (partnerPkgs.length) await tx.insert(tenantPackages).values(partnerPkgs.map((packageId) => ({ tenantId: partnerId, packageId })));
      await tx.insert(users).values({ id: userId, email, name: `Prop Analyst ${k}`, homeTenantId: partnerId, status: s.userActive ? 'active' : 'inactive', passwordHash: null, createdAt: now });
      await tx.insert(memberships).values({ userId, tenantId: partnerId, role: 'partner_analyst' });
      for (const c of customers) {
        await tx.insert(tenants).values({
          id: c.id,
          kind: 'client',
          parentId: partnerId,
          name: c.name,
          status: c.status,
          country: 'GB',
          timezone: 'Europe/London',
          inheritsSubscriptions: c.inherits,
          ipAllowlist: c.allowlist.list,
          createdAt: now,
        });
        if (c.packages.length) await tx.insert(tenantPackages).values(c.packages.map((packageId) => ({ tenantId: c.id, packageId })));
        if (c.relationship !== 'none') {
          await tx.insert(relationships).values({
            id: `r_prop${k}_${c.id}`,
            partnerId,
            customerId: c.id,
            state: c.relationship,
            requestedAt: new Date(s.instant - 40 * DAY),
            approvedAt: c.relationship === 'pending' ? null : new Date(s.instant - 39 * DAY),
            removedAt: c.relationship === 'removed' ? new Date(s.instant - DAY) : null,
            removedBy: c.relationship === 'removed' ? 'customer' : null,
          });
        }
        for (const g of c.grants) {
          await tx.insert(accessGrants).values({ ...g, userId, customerId: c.id, grantedBy: userId });
        }
      }
    });

    // The session: issued `sessionAge` before the instant, by the BFF's own token service.
    world.clock.set(new Date(s.instant - s.sessionAge));
    const session = await world.deps.tokens.issueSession({ id: userId, email, homeTenantId: partnerId });
    world.clock.set(now);
    return { now, partnerId, userId, customers, session: session.token, sessionExpMs: decodeJwt(session.token).exp! * 1000 };
  }

  function expectation(s: Scenario, m: Awaited<ReturnType<typeof materialise>>, audience: string, requested: string[] | undefined): Expected {
    const now = m.now.getTime();
    if (!s.userActive) return { outcome: 'refused', codes: ['invalid_request'], why: 'inactive user' };
    const customer = m.customers.find((c) => c.id === audience);
    if (!customer) return { outcome: 'refused', codes: ['invalid_target'], why: 'not one of the user’s customers' };
    if (customer.status !== 'active') return { outcome: 'refused', codes: ['invalid_target'], why: `customer ${customer.status}` };
    if (s.partnerStatus !== 'active') return { outcome: 'refused', codes: ['invalid_target'], why: `partner ${s.partnerStatus}` };
    if (customer.relationship !== 'approved') return { outcome: 'refused', codes: ['invalid_target'], why: `relationship ${customer.relationship}` };
    // Revocations are all in the past, so the one grant not revoked is the only one that can let the user in.
    const grant = customer.grants.find((g) => g.revokedAt === null && g.partnerId === m.partnerId);
    if (!grant) return { outcome: 'refused', codes: ['invalid_target'], why: 'no live grant from the home partner' };
    if (grant.expiresAt && grant.expiresAt.getTime() <= now) return { outcome: 'refused', codes: ['invalid_target'], why: 'grant expired' };
    if (!customer.allowlist.allows127) return { outcome: 'refused', codes: ['invalid_target'], why: 'IP not allowed' };

    const effective = effectivePermissions(grant, customerPackages(s.partnerPackages, customer));
    const expiresAtMs = Math.min(now + MAX_TTL_S * SECOND, grant.expiresAt?.getTime() ?? Infinity, m.sessionExpMs);
    const expiresIn = Math.floor((expiresAtMs - now) / SECOND);
    const wider = requested?.some((p) => !effective.includes(p)) ?? false;
    // Both an over-wide scope and a grant ending within the second are refusals; either code may win.
    if (wider && expiresIn < 1) return { outcome: 'refused', codes: ['invalid_scope', 'invalid_target'], why: 'scope wider and grant ending' };
    if (wider) return { outcome: 'refused', codes: ['invalid_scope'], why: 'scope wider than the grant' };
    if (expiresIn < 1) return { outcome: 'refused', codes: ['invalid_target'], why: 'grant ends within a second' };
    const scope = [...new Set(requested ?? effective)].sort().join(' ');
    return { outcome: 'issued', tenantId: customer.id, grant, scope, expiresIn, effective };
  }

  it(`issues tokens only within the grant (${NUM_RUNS} random worlds)`, { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const k = ++run;
        const m = await materialise(s, k);
        for (const r of s.requests) {
          const audience =
            r.target.kind === 'customer'
              ? (m.customers[r.target.index % m.customers.length]!.id)
              : r.target.kind === 'home'
                ? m.partnerId
                : r.target.kind === 'unknown'
                  ? `t_prop${k}_nowhere`
                  : DEMO.tenants.acme;
          const customer = m.customers.find((c) => c.id === audience);
          const liveGrant = customer?.grants.find((g) => g.revokedAt === null && g.partnerId === m.partnerId);
          // Pick scope entries from what the grant could give, so narrowing succeeds often enough.
          const pool = liveGrant && customer ? effectivePermissions(liveGrant, customerPackages(s.partnerPackages, customer)) : [...PERMISSION_IDS];
          const picked = pool.length ? r.scope.picks.map((i) => pool[i % pool.length]!) : [];
          const requested = r.scope.mode === 'default' ? undefined : [...picked, ...r.scope.extra];
          const scopeParam = requested && requested.length ? requested.join(' ') : undefined;
          const requestedList = scopeParam === undefined ? undefined : requested;

          const res = await fetch(`${world.baseUrl}/oauth/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              grant_type: TOKEN_EXCHANGE_GRANT,
              client_id: 'switchboard-extension',
              subject_token: m.session,
              subject_token_type: ACCESS_TOKEN_TYPE,
              audience,
              ...(scopeParam !== undefined ? { scope: scopeParam } : {}),
            }),
          });
          const body = (await res.json()) as Record<string, unknown>;
          const expected = expectation(s, m, audience, requestedList);
          const context = JSON.stringify({ run: k, audience, scope: scopeParam, now: m.now.toISOString(), expected: expected.outcome === 'refused' ? expected : { ...expected, grant: expected.grant.id }, got: { status: res.status, body } });

          if (res.status === 200) {
            stats.issued++;
            const claims = decodeJwt(String(body.access_token));
            const nowS = m.now.getTime() / 1000;
            // The invariants, stated on their own.
            expect(expected.outcome, context).toBe('issued');
            if (expected.outcome !== 'issued') return;
            expect(claims.tenant_id, context).toBe(audience);
            expect(claims.sub, context).toBe(m.userId);
            expect(claims.grant_id, context).toBe(expected.grant.id);
            const scope = String(claims.scope).split(' ').filter(Boolean);
            for (const p of scope) expect(expected.effective, context).toContain(p);
            expect(claims.exp!, context).toBeLessThanOrEqual(nowS + MAX_TTL_S);
            if (expected.grant.expiresAt) expect(claims.exp! * 1000, context).toBeLessThanOrEqual(expected.grant.expiresAt.getTime());
            expect(claims.exp! * 1000, context).toBeLessThanOrEqual(m.sessionExpMs);
            expect(claims.exp!, context).toBeGreaterThan(nowS);
            // And the exact answer.
            expect(body.scope, context).toBe(expected.scope);
            expect(claims.scope, context).toBe(expected.scope);
            expect(body.expires_in, context).toBe(expected.expiresIn);
            expect(claims.exp, context).toBe(Math.floor((m.now.getTime() + expected.expiresIn * SECOND) / SECOND));
            expect(claims.roles, context).toEqual([...(expected.grant.role ? [expected.grant.role] : []), ...(expected.grant.platformAdmin ? ['platform_administrator'] : [])]);
            expect(claims.platform_admin, context).toBe(expected.grant.platformAdmin);
            expect(claims.act, context).toEqual({ sub: m.partnerId, sub_type: 'partner_tenant' });
            // The BFF itself agrees the token is live, for its own user.
            const introspection = await fetch(`${world.baseUrl}/oauth/introspect`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${m.session}` },
              body: new URLSearchParams({ token: String(body.access_token) }),
            });
            expect(await introspection.json(), context).toMatchObject({ active: true, tenant_id: audience, grant_id: expected.grant.id, scope: expected.scope });
          } else {
            expect(res.status, context).toBe(400);
            stats[body.error as keyof typeof stats] = (stats[body.error as keyof typeof stats] ?? 0) + 1;
            expect(expected.outcome, context).toBe('refused');
            if (expected.outcome !== 'refused') return;
            expect(expected.codes, context).toContain(body.error);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
    console.info('token property outcomes', stats);
    // The generator must reach both sides often enough for the property to mean something.
    expect(stats.issued).toBeGreaterThan(NUM_RUNS / 5);
    expect(stats.invalid_target).toBeGreaterThan(NUM_RUNS / 5);
    expect(stats.invalid_scope).toBeGreaterThan(2);
  });
});
