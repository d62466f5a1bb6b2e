import { describe, expect, it } from 'vitest';
import type { TenantFact } from './access';
import { brandingEditRight } from './branding-rights';

const sp: TenantFact = { id: 't_sp', name: 'Northwind Cloud', kind: 'service_provider', status: 'active' };
const partner: TenantFact = { id: 't_p', name: 'Contoso', kind: 'partner', status: 'active' };
const client: TenantFact = { id: 't_c', name: 'Acme', kind: 'client', status: 'active' };
const right = (tenant: TenantFact, homeTenantId: string, role: string | null, platformAdminGrant = false) =>
  brandingEditRight({ tenant, ancestors: tenant === client ? [sp, partner] : tenant === partner ? [sp] : [], viewer: { homeTenantId, role }, platformAdminGrant });

describe('brandingEditRight', () => {
  it('a partner needs MSP_Manage on it: its administrator, or the service provider administrator above it', () => {
    expect(right(partner, 't_p', 'partner_administrator').allowed).toBe(true);
    expect(right(partner, 't_sp', 'sp_administrator').allowed).toBe(true);
    expect(right(partner, 't_p', 'partner_analyst')).toEqual({ allowed: false, missing_permission: 'MSP_Manage', reason: 'Changing the branding of Contoso needs MSP_Manage on Contoso.' });
    expect(right(partner, 't_sp', 'sp_support').missing_permission).toBe('MSP_Manage');
    expect(right(partner, 't_other', 'partner_administrator').allowed).toBe(false);
  });

  it('a client needs Platform Administrator on it, or MSP_Manage on its partner', () => {
    expect(right(client, 't_p', 'partner_administrator').allowed).toBe(true);
    expect(right(client, 't_p', 'partner_analyst', true).allowed).toBe(true);
    expect(right(client, 't_c', 'platform_administrator').allowed).toBe(true);
    const refused = right(client, 't_p', 'partner_analyst');
    expect(refused).toEqual({
      allowed: false,
      missing_permission: 'Platform Administrator',
      reason: 'Changing the branding of Acme needs Platform Administrator on Acme or MSP_Manage on Contoso.',
    });
    expect(right(client, 't_c', 'admin').allowed).toBe(false);
    expect(right(client, 't_c', 'client_portal_read_only').allowed).toBe(false);
    // MSP_Manage of another partner counts for nothing.
    expect(right(client, 't_other', 'partner_administrator').allowed).toBe(false);
  });
});
