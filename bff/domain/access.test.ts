import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BASE_PACKAGE, PACKAGE_IDS, PERMISSIONS, PERMISSION_IDS, ROLES, ROLE_IDS, type PackageId } from '../../shared/catalogue';
import {
  resolveAccess,
  resolveEntry,
  formatInstant,
  type AccessFacts,
  type GrantFact,
  type ReasonCode,
  type RelationshipFact,
  type TenantFact,
  type UserFact,
} from './access';
import { computeEntitlements, type Entitlements, type SubscriptionFacts } from './entitlements';
import { manualClock } from './clock';

// ---------------------------------------------------------------------------------------------
// Fixtures: an SP, a partner "Acme MSP" whose analyst enters the client "Globex" through a grant.
// ---------------------------------------------------------------------------------------------

const NOW = new Date('2025-06-01T12:00:00Z');
const HOUR = 3_600_000;

const SP: TenantFact = { id: 't-sp', name: 'Switchboard SP', kind: 'service_provider', status: 'active' };
const PARTNER: TenantFact = { id: 't-acme', name: 'Acme MSP', kind: 'partner', status: 'active' };
const CLIENT: TenantFact = { id: 't-globex', name: 'Globex', kind: 'client', status: 'active' };
const ANALYST: UserFact = { id: 'u-ana', email: 'ana@acme.test', status: 'active', homeTenantId: PARTNER.id };
const APPROVED: RelationshipFact = { id: 'r-1', state: 'approved', removedAt: null, removedBy: null };

function grant(over: Partial<GrantFact> = {}): GrantFact {
  return {
    id: 'g-1',
    partnerId: PARTNER.id,
    role: 'operator',
    platformAdmin: false,
    products: ['event_incident_management', 'remediation_automation'],
    expiresAt: null,
    revokedAt: null,
    ...over,
  };
}

/** An analyst entering Globex through an active, permanent Operator grant and an approved relationship. */
function viaGrant(over: Partial<AccessFacts> = {}): AccessFacts {
  return { user: ANALYST, tenant: CLIENT, tenantParentId: PARTNER.id, homeRole: null, partner: PARTNER, relationship: APPROVED, grant: grant(), ...over };
}

/** A user in their own home tenant. */
function atHome(tenant: TenantFact, homeRole: string | null, userOver: Partial<UserFact> = {}): AccessFacts {
  return {
    user: { id: 'u-home', email: 'home@example.test', status: 'active', homeTenantId: tenant.id, ...userOver },
    tenant,
    tenantParentId: null,
    homeRole,
    partner: tenant.kind === 'client' ? null : tenant,
    relationship: null,
    grant: null,
  };
}

const ALL_PACKAGES: PackageId[] = [...PACKAGE_IDS];

/** Entitlements for Globex when Acme MSP subscribes to `partnerPackages` and Globex inherits them. */
function entitlementsFor(partnerPackages: readonly PackageId[] = ALL_PACKAGES): Entitlements {
  const chain: SubscriptionFacts[] = [
    { id: SP.id, name: SP.name, kind: 'service_provider', inheritsSubscriptions: false, packages: ALL_PACKAGES, addons: [] },
    { id: PARTNER.id, name: PARTNER.name, kind: 'partner', inheritsSubscriptions: false, packages: partnerPackages, addons: [] },
    { id: CLIENT.id, name: CLIENT.name, kind: 'client', inheritsSubscriptions: true, packages: [], addons: [] },
  ];
  return computeEntitlements(chain);
}

/** Entitlements for a partner's own tenant (chain SP > partner). */
function partnerEntitlements(partnerPackages: readonly PackageId[] = ALL_PACKAGES): Entitlements {
  return computeEntitlements([
    { id: SP.id, name: SP.name, kind: 'service_provider', inheritsSubscriptions: false, packages: ALL_PACKAGES, addons: [] },
    { id: PARTNER.id, name: PARTNER.name, kind: 'partner', inheritsSubscriptions: false, packages: partnerPackages, addons: [] },
  ]);
}

const codes = (reasons: readonly { code: ReasonCode }[]) => reasons.map((r) => r.code);
const reason = (reasons: readonly { code: ReasonCode; ok: boolean; message: string }[], code: ReasonCode) => {
  const found = reasons.find((r) => r.code === code);
  if (!found) throw new Error(`no reason ${code} among ${codes(reasons).join(', ')}`);
  return found;
};

// Permission ids by hand, chosen from the catalogue's sets (not derived from the implementation).
const REMEDIATION_PERMS = [...PERMISSIONS.values()].filter((p) => p.package === 'remediation_automation').map((p) => p.id);
const PARTNER_SCOPE_PERMS = [...PERMISSIONS.values()].filter((p) => p.scope === 'partner').map((p) => p.id);

// ---------------------------------------------------------------------------------------------

describe('resolveEntry: user, tenant and partner status', () => {
  it('user_inactive: an inactive user is denied even with an otherwise perfect grant', () => {
    const entry = resolveEntry(viaGrant({ user: { ...ANALYST, status: 'inactive' } }), NOW);
    expect(entry.allowed).toBe(false);
    const r = reason(entry.reasons, 'user_inactive');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('ana@acme.test');
  });

  it('user_inactive also applies in the home tenant', () => {
    const entry = resolveEntry(atHome(PARTNER, 'partner_administrator', { status: 'inactive' }), NOW);
    expect(entry.allowed).toBe(false);
    expect(entry.via).toBe('home_tenant');
    expect(codes(entry.reasons)).toContain('user_inactive');
  });

  it('tenant_inactive: an inactive customer cannot be entered', () => {
    const entry = resolveEntry(viaGrant({ tenant: { ...CLIENT, status: 'inactive' } }), NOW);
    expect(entry.allowed).toBe(false);
    const r = reason(entry.reasons, 'tenant_inactive');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Globex');
    expect(codes(entry.reasons)).not.toContain('tenant_terminated');
  });

  it('tenant_terminated: a terminated customer cannot be entered (and is not also reported inactive)', () => {
    const entry = resolveEntry(viaGrant({ tenant: { ...CLIENT, status: 'terminated' } }), NOW);
    expect(entry.allowed).toBe(false);
    expect(reason(entry.reasons, 'tenant_terminated').message).toContain('Globex is terminated');
    expect(codes(entry.reasons)).not.toContain('tenant_inactive');
  });

  it('an inactive home tenant denies its own members', () => {
    const entry = resolveEntry(atHome({ ...PARTNER, status: 'inactive' }, 'partner_administrator'), NOW);
    expect(entry.allowed).toBe(false);
    expect(codes(entry.reasons)).toEqual(expect.arrayContaining(['tenant_inactive', 'home_membership']));
  });

  it.each(['inactive', 'terminated'] as const)('partner_inactive: a %s partner delegates nothing', (status) => {
    const entry = resolveEntry(viaGrant({ partner: { ...PARTNER, status } }), NOW);
    expect(entry.allowed).toBe(false);
    const r = reason(entry.reasons, 'partner_inactive');
    expect(r.ok).toBe(false);
    expect(r.message).toBe(`partner Acme MSP is ${status}`);
  });
});

describe('resolveEntry: a grant only counts from the customer\'s own partner', () => {
  it('a grant and approved relationship from a partner that is not the customer\'s parent open nothing', () => {
    const entry = resolveEntry(viaGrant({ tenantParentId: 't-other-partner' }), NOW);
    expect(entry.allowed).toBe(false);
    expect(entry.reasons.map((r) => r.code)).toContain('grant_missing');
    expect(resolveEntry(viaGrant(), NOW).allowed).toBe(true);
  });
});

describe('resolveEntry: home tenant membership', () => {
  it('home_membership: a member enters their home tenant, named with the role name', () => {
    const entry = resolveEntry(atHome(PARTNER, 'partner_administrator'), NOW);
    expect(entry).toMatchObject({ allowed: true, via: 'home_tenant' });
    const r = reason(entry.reasons, 'home_membership');
    expect(r.ok).toBe(true);
    expect(r.message).toContain('Acme MSP');
    expect(r.message).toContain('Partner Administrator');
  });

  it('no_membership: a user without a role in their home tenant is denied', () => {
    const entry = resolveEntry(atHome(PARTNER, null), NOW);
    expect(entry).toMatchObject({ allowed: false, via: 'home_tenant' });
    expect(reason(entry.reasons, 'no_membership').ok).toBe(false);
    expect(codes(entry.reasons)).not.toContain('home_membership');
  });

  it('the home tenant needs neither relationship nor grant', () => {
    const entry = resolveEntry(atHome(CLIENT, 'admin'), NOW);
    expect(entry.allowed).toBe(true);
    for (const c of ['relationship_missing', 'grant_missing', 'grant_active'] as ReasonCode[]) expect(codes(entry.reasons)).not.toContain(c);
  });
});

describe('resolveEntry: the partner-managed relationship (seed 003)', () => {
  it('an approved relationship adds no reason of its own: it shows up in the grant_active message', () => {
    const entry = resolveEntry(viaGrant(), NOW);
    expect(entry.allowed).toBe(true);
    expect(codes(entry.reasons).filter((c) => c.startsWith('relationship_'))).toEqual([]);
    expect(reason(entry.reasons, 'grant_active').message).toContain('via approved relationship Acme MSP>Globex');
  });

  it('relationship_pending: the customer has not approved yet, even if a grant exists', () => {
    const entry = resolveEntry(viaGrant({ relationship: { ...APPROVED, state: 'pending' } }), NOW);
    expect(entry.allowed).toBe(false);
    const r = reason(entry.reasons, 'relationship_pending');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Acme MSP>Globex');
    expect(r.message).toContain('pending');
    // The grant itself is fine, but it must not claim an approved relationship.
    expect(reason(entry.reasons, 'grant_active').message).not.toContain('approved relationship');
  });

  it('relationship_removed by the customer names who removed it and when', () => {
    const removedAt = new Date('2025-05-20T08:15:00Z');
    const entry = resolveEntry(viaGrant({ relationship: { ...APPROVED, state: 'removed', removedBy: 'customer', removedAt } }), NOW);
    expect(entry.allowed).toBe(false);
    const r = reason(entry.reasons, 'relationship_removed');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Acme MSP>Globex');
    expect(r.message).toContain('removed by the customer');
    expect(r.message).toContain('2025-05-20T08:15:00Z');
  });

  it('relationship_removed by the partner says so', () => {
    const removedAt = new Date('2025-05-21T10:00:00.123Z');
    const entry = resolveEntry(viaGrant({ relationship: { ...APPROVED, state: 'removed', removedBy: 'partner', removedAt } }), NOW);
    const r = reason(entry.reasons, 'relationship_removed');
    expect(r.message).toContain('removed by the partner');
    expect(r.message).toContain('2025-05-21T10:00:00.123Z');
    expect(r.message).not.toContain('customer');
  });

  it('relationship_missing: no relationship at all', () => {
    const entry = resolveEntry(viaGrant({ relationship: null }), NOW);
    expect(entry.allowed).toBe(false);
    const r = reason(entry.reasons, 'relationship_missing');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Acme MSP>Globex');
  });

  it('relationship_missing without a known partner still names the customer', () => {
    const entry = resolveEntry(viaGrant({ relationship: null, partner: null }), NOW);
    expect(reason(entry.reasons, 'relationship_missing').message).toContain('Globex');
  });
});

describe('resolveEntry: the grant', () => {
  it('grant_active: permanent grant, names grant id and role name', () => {
    const entry = resolveEntry(viaGrant(), NOW);
    expect(entry).toMatchObject({ allowed: true, via: 'grant' });
    const r = reason(entry.reasons, 'grant_active');
    expect(r.ok).toBe(true);
    expect(r.message).toContain('g-1');
    expect(r.message).toContain('Operator');
    expect(r.message).toContain('permanent');
  });

  it('grant_active: time-bound grant names its expiry instant and the Platform Administrator toggle', () => {
    const expiresAt = new Date('2025-06-02T12:00:00Z');
    const r = reason(resolveEntry(viaGrant({ grant: grant({ expiresAt, platformAdmin: true }) }), NOW).reasons, 'grant_active');
    expect(r.message).toContain('2025-06-02T12:00:00Z');
    expect(r.message).toContain('Platform Administrator');
    expect(r.message).not.toContain('permanent');
  });

  it('grant_active: a quick-add grant without a product role says so', () => {
    const r = reason(resolveEntry(viaGrant({ grant: grant({ role: null }) }), NOW).reasons, 'grant_active');
    expect(r.message).toContain('no product role');
  });

  it('grant_missing: no grant', () => {
    const entry = resolveEntry(viaGrant({ grant: null }), NOW);
    expect(entry).toMatchObject({ allowed: false, via: 'grant' });
    const r = reason(entry.reasons, 'grant_missing');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('ana@acme.test');
    expect(r.message).toContain('Globex');
  });

  it('grant_missing: a grant issued by another partner does not count for this user', () => {
    const entry = resolveEntry(viaGrant({ grant: grant({ partnerId: 't-other-partner' }) }), NOW);
    expect(entry.allowed).toBe(false);
    expect(codes(entry.reasons)).toContain('grant_missing');
    expect(codes(entry.reasons)).not.toContain('grant_active');
  });

  it('grant_revoked: revoked in the past, or at this very instant', () => {
    for (const revokedAt of [new Date(NOW.getTime() - HOUR), new Date(NOW)]) {
      const entry = resolveEntry(viaGrant({ grant: grant({ revokedAt }) }), NOW);
      expect(entry.allowed).toBe(false);
      const r = reason(entry.reasons, 'grant_revoked');
      expect(r.ok).toBe(false);
      expect(r.message).toContain('g-1');
      expect(r.message).toContain(formatInstant(revokedAt));
    }
  });

  it('a revocation recorded for a later instant takes effect only then', () => {
    const revokedAt = new Date(NOW.getTime() + HOUR);
    expect(resolveEntry(viaGrant({ grant: grant({ revokedAt }) }), NOW).allowed).toBe(true);
    expect(resolveEntry(viaGrant({ grant: grant({ revokedAt }) }), revokedAt).allowed).toBe(false);
  });

  it('grant_expired: allowed 1 ms before expiresAt, denied at expiresAt exactly and after', () => {
    const expiresAt = new Date('2025-06-01T18:30:00Z');
    const facts = viaGrant({ grant: grant({ expiresAt }) });
    const clock = manualClock(new Date(expiresAt.getTime() - 1));

    const before = resolveEntry(facts, clock());
    expect(before.allowed).toBe(true);
    expect(codes(before.reasons)).toContain('grant_active');

    clock.advance(1);
    expect(clock().getTime()).toBe(expiresAt.getTime());
    const at = resolveEntry(facts, clock());
    expect(at.allowed).toBe(false);
    const r = reason(at.reasons, 'grant_expired');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('g-1');
    expect(r.message).toContain('2025-06-01T18:30:00Z');
    expect(codes(at.reasons)).not.toContain('grant_active');

    clock.advance(HOUR);
    expect(resolveEntry(facts, clock()).allowed).toBe(false);
  });

  it('resolveAccess applies the same instant boundary and clears the permissions at expiry', () => {
    const expiresAt = new Date('2025-06-01T18:30:00.500Z');
    const facts = viaGrant({ grant: grant({ expiresAt }) });
    const before = resolveAccess(facts, entitlementsFor(), new Date(expiresAt.getTime() - 1));
    const at = resolveAccess(facts, entitlementsFor(), expiresAt);
    expect(before.allowed).toBe(true);
    expect(before.effectivePermissions.length).toBeGreaterThan(0);
    expect(at.allowed).toBe(false);
    expect(at.effectivePermissions).toEqual([]);
    expect(at.summary).toBe(`denied: grant g-1 expired at 2025-06-01T18:30:00.500Z`);
  });

  it('every failed check is reported, not only the first', () => {
    const entry = resolveEntry(
      viaGrant({
        user: { ...ANALYST, status: 'inactive' },
        tenant: { ...CLIENT, status: 'terminated' },
        partner: { ...PARTNER, status: 'inactive' },
        relationship: null,
        grant: null,
      }),
      NOW,
    );
    expect(codes(entry.reasons)).toEqual(
      expect.arrayContaining(['user_inactive', 'tenant_terminated', 'partner_inactive', 'relationship_missing', 'grant_missing']),
    );
    expect(entry.reasons.every((r) => !r.ok)).toBe(true);
  });
});

describe('resolveAccess: summaries', () => {
  it('an allowed summary names grant id, role name, expiry instant and the approved relationship', () => {
    const expiresAt = new Date('2025-06-03T00:00:00Z');
    const d = resolveAccess(viaGrant({ grant: grant({ id: 'g-42', role: 'hosting_provider', expiresAt }) }), entitlementsFor(), NOW);
    expect(d.allowed).toBe(true);
    expect(d.summary.startsWith('allowed: ')).toBe(true);
    expect(d.summary).toContain('g-42');
    expect(d.summary).toContain('Hosting Provider');
    expect(d.summary).toContain('2025-06-03T00:00:00Z');
    expect(d.summary).toContain('via approved relationship Acme MSP>Globex');
    expect(d).toMatchObject({ via: 'grant', role: 'hosting_provider', platformAdmin: false });
  });

  it('a denied summary starts with "denied: " and gives the first failing reason', () => {
    const d = resolveAccess(viaGrant({ relationship: { ...APPROVED, state: 'pending' } }), entitlementsFor(), NOW);
    expect(d.allowed).toBe(false);
    expect(d.summary.startsWith('denied: ')).toBe(true);
    expect(d.summary).toBe(`denied: ${reason(d.reasons, 'relationship_pending').message}`);
  });

  it('a denied summary for an inactive user names the user', () => {
    const d = resolveAccess(viaGrant({ user: { ...ANALYST, status: 'inactive' } }), entitlementsFor(), NOW);
    expect(d.summary.startsWith('denied: ')).toBe(true);
    expect(d.summary).toContain('ana@acme.test');
  });

  it('an allowed permission summary also says the package is subscribed', () => {
    const d = resolveAccess(viaGrant({ grant: grant({ role: 'admin' }) }), entitlementsFor(), NOW, 'Jobs_Manage');
    expect(d.allowed).toBe(true);
    expect(d.summary.startsWith('allowed: ')).toBe(true);
    expect(d.summary).toContain('Remediation and Automation');
    expect(d.summary).toContain('via approved relationship Acme MSP>Globex');
  });

  it('home tenant access is described as such', () => {
    const d = resolveAccess(atHome(PARTNER, 'partner_administrator'), partnerEntitlements(), NOW);
    expect(d).toMatchObject({ allowed: true, via: 'home_tenant', role: 'partner_administrator', platformAdmin: false });
    expect(d.summary.startsWith('allowed: ')).toBe(true);
    expect(d.summary).toContain('Partner Administrator');
  });

  it('an entry failure short-circuits: no permission reasons are added', () => {
    const d = resolveAccess(viaGrant({ grant: null }), entitlementsFor(), NOW, 'Monitoring_View');
    expect(d.allowed).toBe(false);
    for (const c of ['package_subscribed', 'package_in_grant', 'permission_in_role', 'permission_not_in_role'] as ReasonCode[]) {
      expect(codes(d.reasons)).not.toContain(c);
    }
  });

  it('an unknown permission is a programming error', () => {
    expect(() => resolveAccess(viaGrant(), entitlementsFor(), NOW, 'Nope_View')).toThrow(/unknown permission/);
  });
});

describe('resolveAccess: one permission', () => {
  it('permission_in_role: the role carries it', () => {
    const d = resolveAccess(viaGrant(), entitlementsFor(), NOW, 'Monitoring_View');
    expect(d.allowed).toBe(true);
    const r = reason(d.reasons, 'permission_in_role');
    expect(r.ok).toBe(true);
    expect(r.message).toContain('Operator');
    expect(r.message).toContain('Monitoring_View');
  });

  it('permission_not_in_role: Operator is read-only on Monitoring (seed 004)', () => {
    const d = resolveAccess(viaGrant(), entitlementsFor(), NOW, 'Monitoring_Manage');
    expect(d.allowed).toBe(false);
    const r = reason(d.reasons, 'permission_not_in_role');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Operator');
    expect(r.message).toContain('Monitoring_Manage');
    expect(d.summary).toBe(`denied: ${r.message}`);
  });

  it('Platform Administrator supplies what the role lacks, and the message names both', () => {
    const d = resolveAccess(viaGrant({ grant: grant({ platformAdmin: true }) }), entitlementsFor(), NOW, 'Monitoring_Manage');
    expect(d.allowed).toBe(true);
    expect(d.platformAdmin).toBe(true);
    const r = reason(d.reasons, 'permission_in_role');
    expect(r.message).toContain('Operator');
    expect(r.message).toContain('Platform Administrator');
  });

  it('a quick-add grant without role or Platform Administrator holds nothing', () => {
    const d = resolveAccess(viaGrant({ grant: grant({ role: null }) }), entitlementsFor(), NOW, 'Monitoring_View');
    expect(d.allowed).toBe(false);
    expect(reason(d.reasons, 'permission_not_in_role').message).toContain('no product role');
  });

  it('permission_out_of_scope: partner-level permissions never travel through a grant', () => {
    // Even with a partner-scope role on the grant and Platform Administrator on.
    for (const role of ['partner_administrator', 'operator']) {
      for (const permission of PARTNER_SCOPE_PERMS) {
        const d = resolveAccess(viaGrant({ grant: grant({ role, platformAdmin: true }) }), entitlementsFor(), NOW, permission);
        expect(d.allowed).toBe(false);
        expect(reason(d.reasons, 'permission_out_of_scope').ok).toBe(false);
        expect(d.summary).toContain(permission);
      }
    }
  });

  it('permission_out_of_scope: a client tenant never carries a partner-level permission, even at home', () => {
    const d = resolveAccess(atHome(CLIENT, 'admin'), entitlementsFor(), NOW, 'MSP_View');
    expect(d.allowed).toBe(false);
    expect(codes(d.reasons)).toContain('permission_out_of_scope');
  });

  it('partner-level permissions are fine in the partner home tenant', () => {
    const d = resolveAccess(atHome(PARTNER, 'partner_administrator'), partnerEntitlements(), NOW, 'MSP_Manage');
    expect(d.allowed).toBe(true);
    expect(codes(d.reasons)).not.toContain('permission_out_of_scope');
    expect(codes(d.reasons)).toContain('permission_in_role');
    // Not gated by a package: no package reason at all.
    expect(codes(d.reasons).filter((c) => c.startsWith('package_'))).toEqual([]);
  });

  it('package_subscribed + package_in_grant for a covered, subscribed package', () => {
    const d = resolveAccess(viaGrant({ grant: grant({ role: 'admin' }) }), entitlementsFor(), NOW, 'Incident_Manage');
    expect(d.allowed).toBe(true);
    expect(reason(d.reasons, 'package_subscribed')).toMatchObject({ ok: true });
    expect(reason(d.reasons, 'package_subscribed').message).toContain('Event and Incident Management');
    expect(reason(d.reasons, 'package_in_grant')).toMatchObject({ ok: true });
    expect(reason(d.reasons, 'package_in_grant').message).toContain('g-1');
  });

  it('package_not_subscribed carries seed 000\'s exact warning, naming the package', () => {
    const ents = entitlementsFor(['hybrid_discovery_monitoring', 'event_incident_management']);
    const d = resolveAccess(viaGrant({ grant: grant({ role: 'admin' }) }), ents, NOW, 'Jobs_View');
    expect(d.allowed).toBe(false);
    const r = reason(d.reasons, 'package_not_subscribed');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Access Denied! The partner is not subscribed to this product package (Remediation and Automation).');
    expect(d.summary.startsWith('denied: Access Denied! The partner is not subscribed to this product package (Remediation and Automation).')).toBe(
      true,
    );
    expect(codes(d.reasons)).not.toContain('package_subscribed');
  });

  it('package_not_subscribed for Event and Incident Management names that package', () => {
    const ents = entitlementsFor(['remediation_automation']);
    const d = resolveAccess(viaGrant({ grant: grant({ role: 'admin' }) }), ents, NOW, 'Incident_View');
    expect(reason(d.reasons, 'package_not_subscribed').message).toContain(
      'Access Denied! The partner is not subscribed to this product package (Event and Incident Management).',
    );
  });

  it('package_not_in_grant: subscribed, but the grant does not cover the product', () => {
    const g = grant({ role: 'admin', products: ['event_incident_management'] });
    const d = resolveAccess(viaGrant({ grant: g }), entitlementsFor(), NOW, 'Jobs_View');
    expect(d.allowed).toBe(false);
    expect(reason(d.reasons, 'package_subscribed').ok).toBe(true);
    const r = reason(d.reasons, 'package_not_in_grant');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('g-1');
    expect(r.message).toContain('Remediation and Automation');
    expect(r.message).toContain('Event and Incident Management');
    expect(d.summary).toBe(`denied: ${r.message}`);
  });

  it('the base package is always covered by a grant, even one listing no products', () => {
    const d = resolveAccess(viaGrant({ grant: grant({ products: [] }) }), entitlementsFor([]), NOW, 'Monitoring_View');
    expect(d.allowed).toBe(true);
    expect(reason(d.reasons, 'package_in_grant').message).toContain('Hybrid Discovery and Monitoring');
  });

  it('home-tenant access is not limited by grant products (no package_*_grant reason)', () => {
    const ents = entitlementsFor();
    const d = resolveAccess(atHome(CLIENT, 'admin'), ents, NOW, 'Jobs_Manage');
    expect(d.allowed).toBe(true);
    expect(codes(d.reasons)).not.toContain('package_in_grant');
    expect(codes(d.reasons)).not.toContain('package_not_in_grant');
  });

  it('home-tenant access is still limited by subscription', () => {
    const ents = entitlementsFor(['hybrid_discovery_monitoring']);
    const d = resolveAccess(atHome(CLIENT, 'admin'), ents, NOW, 'Jobs_Manage');
    expect(d.allowed).toBe(false);
    expect(codes(d.reasons)).toContain('package_not_subscribed');
  });
});

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
