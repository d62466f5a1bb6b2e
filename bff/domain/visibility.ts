// Who may see which tenant and explain access for whom. A tenant a user may not see must look
// exactly like a tenant that does not exist.
import { roleInfo } from '../../shared/catalogue';

export interface Viewer {
  userId: string;
  homeTenantId: string;
  homeKind: 'service_provider' | 'partner' | 'client';
  role: string | null;
}

export function rolePermissions(role: string | null): Set<string> {
  return new Set(roleInfo(role)?.permissions ?? []);
}

/**
 * A viewer sees their home tenant, any tenant they hold (or held) a grant in, and, with
 * MSP_View or Clients_View (seeds 000, 001), every tenant below their home tenant.
 * `chainIds` is the tenant's hierarchy, root first, ending with the tenant itself.
 */
export function canSeeTenant(viewer: Viewer, chainIds: readonly string[], holdsGrant: boolean): boolean {
  const tenantId = chainIds[chainIds.length - 1];
  if (tenantId === viewer.homeTenantId || holdsGrant) return true;
  const perms = rolePermissions(viewer.role);
  return chainIds.slice(0, -1).includes(viewer.homeTenantId) && (perms.has('MSP_View') || perms.has('Clients_View'));
}

/** Support staff (service-provider users with MSP_View) may resolve access for any user under them; others only for themselves. */
export function canExplainFor(viewer: Viewer, subjectId: string, subjectChainIds: readonly string[]): boolean {
  if (subjectId === viewer.userId) return true;
  return mayExplainForOthers(viewer) && subjectChainIds.includes(viewer.homeTenantId);
}

/**
 * Whether the viewer may see the tenant, decided from where it sits and from the viewer's own
 * grant, before anything of the tenant is read: false for every tenant `canSeeTenant` hides only
 * because of who the caller is, so those are answered like a tenant that does not exist, with the
 * same work. `grantPartnerId` is the partner of the viewer's own deciding grant there (null without one).
 */
export function mayBeVisible(
  viewer: Viewer,
  tenantId: string,
  placement: { found: boolean; underHome: boolean; parentIsHome: boolean },
  grantPartnerId: string | null,
): boolean {
  if (!placement.found) return false;
  if (tenantId === viewer.homeTenantId) return true;
  // A grant counts only as a real delegation: from the viewer's own partner, into one of its clients.
  if (grantPartnerId === viewer.homeTenantId && placement.parentIsHome) return true;
  const perms = rolePermissions(viewer.role);
  return placement.underHome && (perms.has('MSP_View') || perms.has('Clients_View'));
}

/** Whether `canExplainFor` could allow anyone but the viewer: false lets the route refuse without a look-up. */
export const mayExplainForOthers = (viewer: Viewer) => viewer.homeKind === 'service_provider' && rolePermissions(viewer.role).has('MSP_View');
