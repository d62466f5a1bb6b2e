// resolveAccess for one permission: summaries and the chain of reasons.
import { describe, it, expect } from 'vitest';
import { resolveAccess, type ReasonCode } from './access';
import { NOW, PARTNER, CLIENT, ANALYST, APPROVED, grant, viaGrant, atHome, entitlementsFor, partnerEntitlements, codes, reason, PARTNER_SCOPE_PERMS } from './access.fixtures';

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
