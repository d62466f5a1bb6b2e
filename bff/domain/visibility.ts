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
  return viewer.homeKind === 'service_provider' && rolePermissions(viewer.role).has('MSP_View') && subjectChainIds.includes(viewer.homeTenantId);
}
