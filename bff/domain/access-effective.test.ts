// resolveAccess: the effective permission set, by example and by property.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BASE_PACKAGE, PACKAGE_IDS, PERMISSIONS, PERMISSION_IDS, ROLES, ROLE_IDS, type PackageId } from '../../shared/catalogue';
import { resolveAccess, resolveEntry, type AccessFacts, type RelationshipFact, type TenantFact, type UserFact } from './access';
import { computeEntitlements, type Entitlements, type SubscriptionFacts } from './entitlements';
import { NOW, HOUR, SP, PARTNER, CLIENT, ANALYST, grant, viaGrant, atHome, ALL_PACKAGES, entitlementsFor, partnerEntitlements, reason, REMEDIATION_PERMS, PARTNER_SCOPE_PERMS } from './access.fixtures';

describe('resolveAccess: effective permissions', () => {
  it('equal the role permissions when every package is subscribed and covered', () => {
    const d = resolveAccess(viaGrant({ grant: grant({ role: 'read_only', products: ALL_PACKAGES }) }), entitlementsFor(), NOW);
    expect(new Set(d.effectivePermissions)).toEqual(new Set(ROLES.read_only.permissions));
    expect(d.effectivePermissions).toEqual([...d.effectivePermissions].sort());
  });

  it('Platform Administrator adds permissions beyond the role', () => {
    const plain = resolveAccess(viaGrant({ grant: grant({ role: 'read_only' }) }), entitlementsFor(), NOW);
    const pa = resolveAccess(viaGrant({ grant: grant({ role: 'read_only', platformAdmin: true }) }), entitlementsFor(), NOW);
    expect(plain.effectivePermissions).not.toContain('Monitoring_Manage');
    expect(pa.effectivePermissions).toContain('Monitoring_Manage');
    expect(pa.effectivePermissions).toContain('Users_Manage');
    for (const p of plain.effectivePermissions) expect(pa.effectivePermissions).toContain(p);
    expect(pa.effectivePermissions.length).toBeGreaterThan(plain.effectivePermissions.length);
  });

  it('a quick-add grant (role null) without Platform Administrator has no permissions, yet may enter', () => {
    const d = resolveAccess(viaGrant({ grant: grant({ role: null, platformAdmin: false }) }), entitlementsFor(), NOW);
    expect(d.allowed).toBe(true);
    expect(d.role).toBeNull();
    expect(d.effectivePermissions).toEqual([]);
  });

  it('a quick-add grant with Platform Administrator has the Platform Administrator permissions', () => {
    const d = resolveAccess(viaGrant({ grant: grant({ role: null, platformAdmin: true, products: ALL_PACKAGES }) }), entitlementsFor(), NOW);
    expect(new Set(d.effectivePermissions)).toEqual(new Set(ROLES.platform_administrator.permissions));
  });

  it('never include a permission whose package is not subscribed', () => {
    const ents = entitlementsFor(['hybrid_discovery_monitoring', 'event_incident_management']);
    const d = resolveAccess(viaGrant({ grant: grant({ role: 'admin', platformAdmin: true, products: ALL_PACKAGES }) }), ents, NOW);
    expect(d.allowed).toBe(true);
    for (const p of REMEDIATION_PERMS) expect(d.effectivePermissions).not.toContain(p);
    expect(d.effectivePermissions).toContain('Incident_Manage');
  });

  it("never include a permission whose package is not in the grant's products", () => {
    const d = resolveAccess(
      viaGrant({ grant: grant({ role: 'admin', platformAdmin: true, products: ['event_incident_management'] }) }),
      entitlementsFor(),
      NOW,
    );
    for (const p of REMEDIATION_PERMS) expect(d.effectivePermissions).not.toContain(p);
    expect(d.effectivePermissions).toContain('Incident_Manage');
    expect(d.effectivePermissions).toContain('Monitoring_Manage'); // base package: always covered
  });

  it('never include a partner-scope permission via a grant, even with a partner-scope role', () => {
    const d = resolveAccess(viaGrant({ grant: grant({ role: 'partner_administrator', platformAdmin: true }) }), entitlementsFor(), NOW);
    for (const p of PARTNER_SCOPE_PERMS) expect(d.effectivePermissions).not.toContain(p);
    const onlyRole = resolveAccess(viaGrant({ grant: grant({ role: 'partner_administrator' }) }), entitlementsFor(), NOW);
    expect(onlyRole.effectivePermissions).toEqual([]);
  });

  it('home-tenant partner users keep their partner-scope permissions', () => {
    const d = resolveAccess(atHome(PARTNER, 'partner_administrator'), partnerEntitlements(), NOW);
    expect(new Set(d.effectivePermissions)).toEqual(new Set(ROLES.partner_administrator.permissions));
  });

  it('an unknown role carries nothing', () => {
    const d = resolveAccess(viaGrant({ grant: grant({ role: 'ghost_role' }) }), entitlementsFor(), NOW);
    expect(d.effectivePermissions).toEqual([]);
    expect(reason(d.reasons, 'grant_active').message).toContain('ghost_role');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: for random facts and clock, effective permissions stay within role ∪ PA, gated by
// packages; denial means no permissions; a single-permission decision agrees with the list.
// ---------------------------------------------------------------------------------------------

describe('resolveAccess: properties', () => {
  const T0 = NOW.getTime();
  // Instants on a coarse grid so that "exactly at expiry/revocation" happens often.
  const instant = fc.integer({ min: -4, max: 4 }).map((h) => new Date(T0 + h * HOUR));
  const tenantStatus = fc.constantFrom<TenantFact['status']>('active', 'active', 'inactive', 'terminated');
  const roleArb = fc.option(fc.constantFrom<string>(...ROLE_IDS, 'ghost_role'), { nil: null });
  const packagesArb = fc.subarray<PackageId>([...PACKAGE_IDS]);

  const relationshipArb = fc.option(
    fc.record({
      id: fc.constant('r-1'),
      state: fc.constantFrom<RelationshipFact['state']>('pending', 'approved', 'approved', 'removed'),
      removedAt: fc.option(instant, { nil: null }),
      removedBy: fc.constantFrom<RelationshipFact['removedBy']>('partner', 'customer', null),
    }),
    { nil: null },
  );

  const grantArb = fc.option(
    fc.record({
      id: fc.constant('g-1'),
      partnerId: fc.constantFrom(PARTNER.id, PARTNER.id, PARTNER.id, 't-other-partner'),
      role: roleArb,
      platformAdmin: fc.boolean(),
      products: fc.subarray<string>([...PACKAGE_IDS]),
      expiresAt: fc.option(instant, { nil: null }),
      revokedAt: fc.option(instant, { nil: null }),
    }),
    { nil: null },
  );

  const scenario = fc.record({
    home: fc.boolean(), // user's home is the target tenant
    targetKind: fc.constantFrom<TenantFact['kind']>('client', 'client', 'partner'),
    userStatus: fc.constantFrom<UserFact['status']>('active', 'active', 'active', 'inactive'),
    tenantStatus,
    partnerStatus: tenantStatus,
    withPartner: fc.boolean(),
    homeRole: roleArb,
    relationship: relationshipArb,
    grant: grantArb,
    spPackages: packagesArb,
    partnerPackages: packagesArb,
    clientPackages: packagesArb,
    partnerInherits: fc.boolean(),
    clientInherits: fc.boolean(),
    now: instant,
    permission: fc.option(fc.constantFrom(...PERMISSION_IDS), { nil: undefined }),
  });

  type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

  function build(s: Scenario): { facts: AccessFacts; ents: Entitlements } {
    const tenant: TenantFact = { ...CLIENT, kind: s.targetKind, status: s.tenantStatus };
    const partner: TenantFact = { ...PARTNER, id: s.home ? tenant.id : PARTNER.id, status: s.partnerStatus };
    const user: UserFact = { ...ANALYST, status: s.userStatus, homeTenantId: s.home ? tenant.id : PARTNER.id };
    const facts: AccessFacts = {
      user,
      tenant,
      tenantParentId: PARTNER.id,
      homeRole: s.home ? s.homeRole : null,
      partner: s.withPartner ? partner : null,
      relationship: s.relationship,
      grant: s.grant,
    };
    const chain: SubscriptionFacts[] = [
      { id: SP.id, name: SP.name, kind: 'service_provider', inheritsSubscriptions: false, packages: s.spPackages, addons: [] },
      { id: PARTNER.id, name: PARTNER.name, kind: 'partner', inheritsSubscriptions: s.partnerInherits, packages: s.partnerPackages, addons: [] },
      { id: tenant.id, name: tenant.name, kind: s.targetKind, inheritsSubscriptions: s.clientInherits, packages: s.clientPackages, addons: [] },
    ];
    return { facts, ents: computeEntitlements(s.targetKind === 'partner' ? chain.slice(0, 2) : chain) };
  }

  /** Upper bound from the specification: role ∪ PA (customer scope only via a grant), gated by packages. */
  function permitted(facts: AccessFacts, ents: Entitlements, via: 'home_tenant' | 'grant' | null): Set<string> {
    const enabled = new Set(ents.packages.filter((p) => p.enabled).map((p) => p.id as string));
    const rolePerms = (role: string | null) => (role !== null && (ROLE_IDS as readonly string[]).includes(role) ? ROLES[role as (typeof ROLE_IDS)[number]].permissions : []);
    let candidates: string[];
    if (via === 'home_tenant') candidates = [...rolePerms(facts.homeRole)];
    else if (via === 'grant' && facts.grant) {
      candidates = [...rolePerms(facts.grant.role), ...(facts.grant.platformAdmin ? ROLES.platform_administrator.permissions : [])].filter(
        (p) => PERMISSIONS.get(p)!.scope === 'customer',
      );
    } else candidates = [];
    return new Set(
      candidates.filter((p) => {
        const pkg = PERMISSIONS.get(p)!.package;
        if (pkg === null) return true;
        if (!enabled.has(pkg)) return false;
        return via !== 'grant' || pkg === BASE_PACKAGE || facts.grant!.products.includes(pkg);
      }),
    );
  }

  it('effective permissions ⊆ (role ∪ Platform Administrator) gated by packages; denied ⇒ none', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { facts, ents } = build(s);
        const d = resolveAccess(facts, ents, s.now);
        const bound = permitted(facts, ents, d.via);
        for (const p of d.effectivePermissions) {
          expect(bound.has(p), `${p} outside role/PA/packages`).toBe(true);
          const info = PERMISSIONS.get(p)!;
          if (d.via === 'grant') expect(info.scope).toBe('customer');
        }
        expect(new Set(d.effectivePermissions).size).toBe(d.effectivePermissions.length);
        if (!d.allowed) expect(d.effectivePermissions).toEqual([]);
        expect(d.summary.startsWith(d.allowed ? 'allowed: ' : 'denied: ')).toBe(true);
        // Allowed exactly when every entry check passed.
        expect(d.allowed).toBe(d.reasons.length > 0 && d.reasons.every((r) => r.ok));
      }),
      { numRuns: 500 },
    );
  });

  it('a denied entry yields no permissions even when one permission is asked about', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { facts, ents } = build(s);
        const entry = resolveEntry(facts, s.now);
        const d = resolveAccess(facts, ents, s.now, s.permission);
        if (!entry.allowed) {
          expect(d.allowed).toBe(false);
          expect(d.effectivePermissions).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('allowed for permission p ⇒ p is effective; via a grant, the converse holds too', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...PERMISSION_IDS), (s, permission) => {
        const { facts, ents } = build(s);
        const all = resolveAccess(facts, ents, s.now);
        const one = resolveAccess(facts, ents, s.now, permission);
        if (one.allowed) expect(all.effectivePermissions).toContain(permission);
        if (all.allowed && all.via === 'grant' && all.effectivePermissions.includes(permission)) expect(one.allowed).toBe(true);
        expect(one.summary.startsWith(one.allowed ? 'allowed: ' : 'denied: ')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a grant is active exactly on [.., min(expiresAt, revokedAt)) when everything else is fine', () => {
    fc.assert(
      fc.property(
        fc.option(instant, { nil: null }),
        fc.option(instant, { nil: null }),
        instant,
        (expiresAt, revokedAt, now) => {
          const entry = resolveEntry(viaGrant({ grant: grant({ expiresAt, revokedAt }) }), now);
          const ends = [expiresAt, revokedAt].filter((d): d is Date => d !== null).map((d) => d.getTime());
          const active = ends.every((end) => now.getTime() < end);
          expect(entry.allowed).toBe(active);
        },
      ),
      { numRuns: 300 },
    );
  });
});
