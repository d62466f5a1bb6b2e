// Shared facts for the role-resolution tests: an SP, a partner "Acme MSP" whose analyst enters the
// client "Globex" through a grant. Plain data; every test file builds its cases from these.
import { PACKAGE_IDS, PERMISSIONS, type PackageId } from '../../shared/catalogue';
import type { AccessFacts, GrantFact, ReasonCode, RelationshipFact, TenantFact, UserFact } from './access';
import { computeEntitlements, type Entitlements, type SubscriptionFacts } from './entitlements';

// ---------------------------------------------------------------------------------------------
// Fixtures: an SP, a partner "Acme MSP" whose analyst enters the client "Globex" through a grant.
// ---------------------------------------------------------------------------------------------

export const NOW = new Date('2025-06-01T12:00:00Z');
export const HOUR = 3_600_000;

export const SP: TenantFact = { id: 't-sp', name: 'Switchboard SP', kind: 'service_provider', status: 'active' };
export const PARTNER: TenantFact = { id: 't-acme', name: 'Acme MSP', kind: 'partner', status: 'active' };
export const CLIENT: TenantFact = { id: 't-globex', name: 'Globex', kind: 'client', status: 'active' };
export const ANALYST: UserFact = { id: 'u-ana', email: 'ana@acme.test', status: 'active', homeTenantId: PARTNER.id };
export const APPROVED: RelationshipFact = { id: 'r-1', state: 'approved', removedAt: null, removedBy: null };

export function grant(over: Partial<GrantFact> = {}): GrantFact {
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
export function viaGrant(over: Partial<AccessFacts> = {}): AccessFacts {
  return { user: ANALYST, tenant: CLIENT, tenantParentId: PARTNER.id, homeRole: null, partner: PARTNER, relationship: APPROVED, grant: grant(), ...over };
}

/** A user in their own home tenant. */
export function atHome(tenant: TenantFact, homeRole: string | null, userOver: Partial<UserFact> = {}): AccessFacts {
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

export const ALL_PACKAGES: PackageId[] = [...PACKAGE_IDS];

/** Entitlements for Globex when Acme MSP subscribes to `partnerPackages` and Globex inherits them. */
export function entitlementsFor(partnerPackages: readonly PackageId[] = ALL_PACKAGES): Entitlements {
  const chain: SubscriptionFacts[] = [
    { id: SP.id, name: SP.name, kind: 'service_provider', inheritsSubscriptions: false, packages: ALL_PACKAGES, addons: [] },
    { id: PARTNER.id, name: PARTNER.name, kind: 'partner', inheritsSubscriptions: false, packages: partnerPackages, addons: [] },
    { id: CLIENT.id, name: CLIENT.name, kind: 'client', inheritsSubscriptions: true, packages: [], addons: [] },
  ];
  return computeEntitlements(chain);
}

/** Entitlements for a partner's own tenant (chain SP > partner). */
export function partnerEntitlements(partnerPackages: readonly PackageId[] = ALL_PACKAGES): Entitlements {
  return computeEntitlements([
    { id: SP.id, name: SP.name, kind: 'service_provider', inheritsSubscriptions: false, packages: ALL_PACKAGES, addons: [] },
    { id: PARTNER.id, name: PARTNER.name, kind: 'partner', inheritsSubscriptions: false, packages: partnerPackages, addons: [] },
  ]);
}

export const codes = (reasons: readonly { code: ReasonCode }[]) => reasons.map((r) => r.code);
export const reason = (reasons: readonly { code: ReasonCode; ok: boolean; message: string }[], code: ReasonCode) => {
  const found = reasons.find((r) => r.code === code);
  if (!found) throw new Error(`no reason ${code} among ${codes(reasons).join(', ')}`);
  return found;
};

// Permission ids by hand, chosen from the catalogue's sets (not derived from the implementation).
export const REMEDIATION_PERMS = [...PERMISSIONS.values()].filter((p) => p.package === 'remediation_automation').map((p) => p.id);
export const PARTNER_SCOPE_PERMS = [...PERMISSIONS.values()].filter((p) => p.scope === 'partner').map((p) => p.id);

// ---------------------------------------------------------------------------------------------

