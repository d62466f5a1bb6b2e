// Who may change a tenant's branding (issue 16): MSP_Manage on the partner (seed 000), or, for a
// client, Platform Administrator on that customer (seed 003's toggle). A refusal names what is missing.
import type { BrandingEditRight } from '../../shared/branding';
import type { TenantFact } from './access';
import { rolePermissions } from './visibility';

export interface BrandingRightFacts {
  tenant: TenantFact;
  /** The tenant's ancestors, root first (service provider, partner), without the tenant itself. */
  ancestors: readonly TenantFact[];
  viewer: { homeTenantId: string; role: string | null };
  /** The viewer enters the tenant now through a grant with Platform Administrator toggled on. */
  platformAdminGrant: boolean;
}

export function brandingEditRight(f: BrandingRightFacts): BrandingEditRight {
  const mspManage = rolePermissions(f.viewer.role).has('MSP_Manage');
  const managesFrom = (ids: readonly string[]) => mspManage && ids.includes(f.viewer.homeTenantId);
  if (f.tenant.kind !== 'client') {
    if (managesFrom([...f.ancestors.map((t) => t.id), f.tenant.id])) {
      return { allowed: true, missing_permission: null, reason: `You hold MSP_Manage on ${f.tenant.name}.` };
    }
    return { allowed: false, missing_permission: 'MSP_Manage', reason: `Changing the branding of ${f.tenant.name} needs MSP_Manage on ${f.tenant.name}.` };
  }
  const partner = f.ancestors[f.ancestors.length - 1];
  if (partner && managesFrom(f.ancestors.map((t) => t.id))) {
    return { allowed: true, missing_permission: null, reason: `You hold MSP_Manage on ${partner.name}, the partner of ${f.tenant.name}.` };
  }
  const homeAdmin = f.viewer.homeTenantId === f.tenant.id && f.viewer.role === 'platform_administrator';
  if (f.platformAdminGrant || homeAdmin) {
    return { allowed: true, missing_permission: null, reason: `You are Platform Administrator on ${f.tenant.name}.` };
  }
  const or = partner ? ` or MSP_Manage on ${partner.name}` : '';
  return {
    allowed: false,
    missing_permission: 'Platform Administrator',
    reason: `Changing the branding of ${f.tenant.name} needs Platform Administrator on ${f.tenant.name}${or}.`,
  };
}
