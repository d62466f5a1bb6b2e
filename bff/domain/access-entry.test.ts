// resolveEntry: may this user enter this tenant at this instant, and why (or why not).
import { describe, it, expect } from 'vitest';
import { resolveAccess, resolveEntry, formatInstant, type ReasonCode } from './access';
import { manualClock } from './clock';
import { NOW, HOUR, PARTNER, CLIENT, ANALYST, APPROVED, grant, viaGrant, atHome, entitlementsFor, codes, reason } from './access.fixtures';

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
