// Role resolution with explanation: may this user enter this tenant, and hold this permission,
// at this instant? Pure: the caller gathers the facts, this decides and says why.
import { BASE_PACKAGE, PACKAGES, PERMISSIONS, ROLES, packageInfo, roleInfo } from '../../shared/catalogue';
import { enabledPackages, type Entitlements } from './entitlements';

export interface UserFact {
  id: string;
  email: string;
  status: 'active' | 'inactive';
  homeTenantId: string;
}

export interface TenantFact {
  id: string;
  name: string;
  kind: 'service_provider' | 'partner' | 'client';
  status: 'active' | 'inactive' | 'terminated';
}

export interface RelationshipFact {
  id: string;
  state: 'pending' | 'approved' | 'removed';
  removedAt: Date | null;
  removedBy: 'partner' | 'customer' | null;
}

export interface GrantFact {
  id: string;
  partnerId: string;
  role: string | null;
  platformAdmin: boolean;
  products: readonly string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface AccessFacts {
  user: UserFact;
  tenant: TenantFact;
  /** The tenant's parent in the hierarchy: a grant is only good when given by that partner. */
  tenantParentId: string | null;
  /** The user's role in `tenant` when it is their home tenant. */
  homeRole: string | null;
  /** The user's home tenant: the partner that delegates when access goes through a grant. */
  partner: TenantFact | null;
  relationship: RelationshipFact | null;
  grant: GrantFact | null;
}

export type ReasonCode =
  | 'user_inactive'
  | 'home_membership'
  | 'no_membership'
  | 'tenant_inactive'
  | 'tenant_terminated'
  | 'partner_inactive'
  | 'relationship_pending'
  | 'relationship_removed'
  | 'relationship_missing'
  | 'grant_active'
  | 'grant_missing'
  | 'grant_revoked'
  | 'grant_expired'
  | 'permission_out_of_scope'
  | 'package_subscribed'
  | 'package_not_subscribed'
  | 'package_in_grant'
  | 'package_not_in_grant'
  | 'permission_in_role'
  | 'permission_not_in_role';

export interface Reason {
  code: ReasonCode;
  ok: boolean;
  message: string;
}

export interface AccessDecision {
  allowed: boolean;
  via: 'home_tenant' | 'grant' | null;
  role: string | null;
  platformAdmin: boolean;
  effectivePermissions: string[];
  reasons: Reason[];
  summary: string;
}

/** ISO 8601 instant, without milliseconds when there are none. */
const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');
const roleName = (role: string | null) => roleInfo(role)?.name ?? role ?? 'no product role';

function describeGrant(grant: GrantFact): string {
  const parts = [roleName(grant.role)];
  if (grant.platformAdmin) parts.push('Platform Administrator');
  parts.push(grant.expiresAt ? `expires ${iso(grant.expiresAt)}` : 'permanent');
  return `grant ${grant.id} (${parts.join(', ')})`;
}

/**
 * Whether the grant row is a real delegation: given by the user's own partner, for a client of that
 * partner. Any other row (left behind by a user who moved, say) proves nothing and reveals nothing.
 */
export function isDelegatedGrant(facts: Pick<AccessFacts, 'user' | 'grant' | 'tenantParentId'>): boolean {
  const { grant } = facts;
  return !!grant && grant.partnerId === facts.user.homeTenantId && grant.partnerId === facts.tenantParentId;
}

/** Whether the user may enter the tenant at `now`, with one reason per check made. */
export function resolveEntry(facts: AccessFacts, now: Date): { allowed: boolean; via: AccessDecision['via']; reasons: Reason[] } {
  const { user, tenant, partner, relationship, grant } = facts;
  const reasons: Reason[] = [];
  if (user.status !== 'active') reasons.push({ code: 'user_inactive', ok: false, message: `user ${user.email} is inactive` });

  if (tenant.status === 'terminated') reasons.push({ code: 'tenant_terminated', ok: false, message: `${tenant.name} is terminated` });
  else if (tenant.status === 'inactive') reasons.push({ code: 'tenant_inactive', ok: false, message: `${tenant.name} is inactive` });

  if (tenant.id === user.homeTenantId) {
    if (facts.homeRole) reasons.push({ code: 'home_membership', ok: true, message: `member of home tenant ${tenant.name} as ${roleName(facts.homeRole)}` });
    else reasons.push({ code: 'no_membership', ok: false, message: `no role in home tenant ${tenant.name}` });
    return { allowed: reasons.every((r) => r.ok), via: 'home_tenant', reasons };
  }

  if (partner && partner.status !== 'active') reasons.push({ code: 'partner_inactive', ok: false, message: `partner ${partner.name} is ${partner.status}` });
  const pair = `${partner?.name ?? 'the partner'}>${tenant.name}`;
  if (!relationship) reasons.push({ code: 'relationship_missing', ok: false, message: `no partner-managed relationship ${pair}` });
  else if (relationship.state === 'pending') reasons.push({ code: 'relationship_pending', ok: false, message: `relationship ${pair} pending customer approval` });
  else if (relationship.state === 'removed') {
    const when = relationship.removedAt ? ` at ${iso(relationship.removedAt)}` : '';
    reasons.push({ code: 'relationship_removed', ok: false, message: `relationship ${pair} removed by the ${relationship.removedBy ?? 'partner'}${when}` });
  }

  if (!grant || !isDelegatedGrant(facts)) reasons.push({ code: 'grant_missing', ok: false, message: `no access grant for ${user.email} in ${tenant.name}` });
  else if (grant.revokedAt && grant.revokedAt.getTime() <= now.getTime()) reasons.push({ code: 'grant_revoked', ok: false, message: `grant ${grant.id} revoked at ${iso(grant.revokedAt)}` });
  else if (grant.expiresAt && grant.expiresAt.getTime() <= now.getTime()) reasons.push({ code: 'grant_expired', ok: false, message: `grant ${grant.id} expired at ${iso(grant.expiresAt)}` });
  else {
    const link = relationship?.state === 'approved' ? ` via approved relationship ${pair}` : '';
    reasons.push({ code: 'grant_active', ok: true, message: `${describeGrant(grant)}${link}` });
  }
  return { allowed: reasons.every((r) => r.ok), via: 'grant', reasons };
}

/** The permissions the access carries before package gating. */
function grantedPermissions(facts: AccessFacts, via: AccessDecision['via']): Set<string> {
  if (via === 'home_tenant') {
    // Inside a client only customer-level permissions mean anything, whatever the role row says.
    const perms = roleInfo(facts.homeRole)?.permissions ?? [];
    return new Set(facts.tenant.kind === 'client' ? perms.filter((p) => PERMISSIONS.get(p)?.scope === 'customer') : perms);
  }
  const grant = facts.grant!;
  const fromRole = roleInfo(grant.role)?.permissions ?? [];
  const fromAdmin = grant.platformAdmin ? ROLES.platform_administrator.permissions : [];
  return new Set([...fromRole, ...fromAdmin].filter((p) => PERMISSIONS.get(p)?.scope === 'customer'));
}

function productsCovered(facts: AccessFacts, via: AccessDecision['via']): Set<string> | null {
  return via === 'grant' ? new Set([BASE_PACKAGE, ...facts.grant!.products]) : null;
}

/** Resolves access to the tenant and, optionally, one permission; explains every step. */
export function resolveAccess(facts: AccessFacts, entitlements: Entitlements, now: Date, permission?: string): AccessDecision {
  const entry = resolveEntry(facts, now);
  const role = entry.via === 'home_tenant' ? facts.homeRole : facts.grant?.role ?? null;
  const platformAdmin = entry.via === 'grant' && !!facts.grant?.platformAdmin;
  const reasons = [...entry.reasons];
  if (!entry.allowed) {
    const first = reasons.find((r) => !r.ok)!;
    return { allowed: false, via: entry.via, role, platformAdmin, effectivePermissions: [], reasons, summary: `denied: ${first.message}` };
  }

  const granted = grantedPermissions(facts, entry.via);
  const subscribed = enabledPackages(entitlements);
  const covered = productsCovered(facts, entry.via);
  const usable = (p: string) => {
    const pkg = PERMISSIONS.get(p)?.package ?? null;
    return pkg === null || (subscribed.has(pkg) && (!covered || covered.has(pkg)));
  };
  const effectivePermissions = [...granted].filter(usable).sort();
  const allowSummary = `allowed: ${reasons.filter((r) => r.ok).map((r) => r.message).join('; ')}`;

  if (permission === undefined) {
    return { allowed: true, via: entry.via, role, platformAdmin, effectivePermissions, reasons, summary: allowSummary };
  }

  const info = PERMISSIONS.get(permission);
  if (!info) throw new Error(`unknown permission ${permission}: validate before resolving`);
  const permissionReasons: Reason[] = [];
  if (info.scope === 'partner' && (entry.via === 'grant' || facts.tenant.kind === 'client')) {
    permissionReasons.push({ code: 'permission_out_of_scope', ok: false, message: `${permission} is a partner-level permission; access into a customer never carries it` });
  }
  if (info.package) {
    const pkgName = PACKAGES[info.package].name;
    if (!subscribed.has(info.package)) {
      const why = entitlements.packages.find((p) => p.id === info.package)!.reason;
      // The package's own reason opens with seed 000's sentence.
      permissionReasons.push({ code: 'package_not_subscribed', ok: false, message: why });
    } else {
      permissionReasons.push({ code: 'package_subscribed', ok: true, message: `package ${pkgName} subscribed` });
    }
    if (covered && !covered.has(info.package)) {
      const list = [...covered].map((p) => packageInfo(p)?.name ?? p).join(', ');
      permissionReasons.push({ code: 'package_not_in_grant', ok: false, message: `grant ${facts.grant!.id} covers ${list}, not ${pkgName}` });
    } else if (covered) {
      permissionReasons.push({ code: 'package_in_grant', ok: true, message: `grant ${facts.grant!.id} covers ${pkgName}` });
    }
  }
  if (info.scope === 'customer' || entry.via === 'home_tenant') {
    const holder = [role ? `role ${roleName(role)}` : 'no product role', ...(platformAdmin ? ['Platform Administrator'] : [])].join(' + ');
    if (granted.has(permission)) permissionReasons.push({ code: 'permission_in_role', ok: true, message: `${holder} includes ${permission}` });
    else permissionReasons.push({ code: 'permission_not_in_role', ok: false, message: `${holder} does not include ${permission}` });
  }
  reasons.push(...permissionReasons);
  const failed = permissionReasons.find((r) => !r.ok);
  if (failed) {
    return { allowed: false, via: entry.via, role, platformAdmin, effectivePermissions, reasons, summary: `denied: ${failed.message}` };
  }
  const pkgOk = permissionReasons.find((r) => r.code === 'package_subscribed');
  return {
    allowed: true,
    via: entry.via,
    role,
    platformAdmin,
    effectivePermissions,
    reasons,
    summary: pkgOk ? `${allowSummary}; ${pkgOk.message}` : allowSummary,
  };
}

export { iso as formatInstant };
