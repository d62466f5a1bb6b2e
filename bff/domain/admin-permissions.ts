// Who may administer what (seeds 000, 001, 003): MSP_View / MSP_Manage for partners, Clients_View /
// Clients_Create / Clients_Manage for clients, Platform Administrator inside a customer. Every
// refusal names the missing permission.
import { roleInfo } from '../../shared/catalogue';
import { rolePermissions, type Viewer } from './visibility';

export type AdminPermission = 'MSP_View' | 'MSP_Manage' | 'Clients_View' | 'Clients_Create' | 'Clients_Manage' | 'Platform Administrator';

/** The home-tenant role that makes a customer's own user its Platform Administrator (seed 003). */
export const CUSTOMER_ADMIN_ROLE = 'platform_administrator';

export function holds(viewer: Viewer, permission: AdminPermission): boolean {
  if (permission === 'Platform Administrator') return viewer.homeKind === 'client' && viewer.role === CUSTOMER_ADMIN_ROLE;
  return viewer.homeKind !== 'client' && rolePermissions(viewer.role).has(permission);
}

/** The refusal's wording: which permission is missing, and what the caller's role does hold. */
export function missingPermissionMessage(viewer: Viewer, permission: AdminPermission, where?: string): string {
  const role = roleInfo(viewer.role)?.name ?? viewer.role ?? 'no role';
  const place = where ? ` in ${where}` : '';
  if (permission === 'Platform Administrator') return `requires Platform Administrator${place}: your role (${role}) is not Platform Administrator there`;
  return `requires ${permission}${place}: your role (${role}) does not include ${permission}`;
}

/** The first permission of `anyOf` the viewer lacks all of, or null when one is held. */
export function firstMissing(viewer: Viewer, anyOf: readonly AdminPermission[]): AdminPermission | null {
  return anyOf.some((p) => holds(viewer, p)) ? null : anyOf[0]!;
}

/**
 * Whether the viewer administers partner `partnerId`'s customer access: a partner's own staff, or
 * service-provider staff above it. `partnerChainIds` is the partner's hierarchy, root first.
 */
export function administersPartner(viewer: Viewer, partnerChainIds: readonly string[]): boolean {
  return partnerChainIds.includes(viewer.homeTenantId) && viewer.homeKind !== 'client';
}

/** Seeds 000 and 001: partners are viewed with MSP_View and added or edited with MSP_Manage; clients with Clients_*. */
export const tenantPermission = (kind: 'service_provider' | 'partner' | 'client', action: 'view' | 'create' | 'manage'): AdminPermission =>
  kind === 'client' ? (action === 'view' ? 'Clients_View' : action === 'create' ? 'Clients_Create' : 'Clients_Manage') : action === 'view' ? 'MSP_View' : 'MSP_Manage';

/** Seed 002: an invitation is only for an address under the tenant's own e-mail domain (no subdomains). */
export function invitationDomainProblem(email: string, domain: string | null): string | null {
  if (!domain) return 'this tenant has no e-mail domain: set one before inviting users';
  const at = email.lastIndexOf('@');
  return email.slice(at + 1).toLowerCase() === domain.toLowerCase() ? null : `invitations for this tenant are restricted to addresses @${domain}`;
}
