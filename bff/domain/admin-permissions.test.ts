import { describe, expect, it } from 'vitest';
import { firstMissing, holds, invitationDomainProblem, missingPermissionMessage, tenantPermission } from './admin-permissions';
import type { Viewer } from './visibility';

const viewer = (role: string | null, homeKind: Viewer['homeKind'] = 'partner'): Viewer => ({ userId: 'u', homeTenantId: 't', homeKind, role });

describe('admin permissions', () => {
  it('partner roles carry the seeds\' permissions; a customer role never does', () => {
    expect(holds(viewer('partner_administrator'), 'Clients_Manage')).toBe(true);
    expect(holds(viewer('partner_analyst'), 'Clients_Manage')).toBe(false);
    expect(holds(viewer('partner_analyst'), 'Clients_View')).toBe(true);
    expect(holds(viewer('sp_support', 'service_provider'), 'MSP_View')).toBe(true);
    expect(holds(viewer('sp_support', 'service_provider'), 'MSP_Manage')).toBe(false);
    // A client user's role row cannot smuggle in partner permissions.
    expect(holds(viewer('partner_administrator', 'client'), 'Clients_Manage')).toBe(false);
  });

  it('Platform Administrator is a customer\'s own member with that home role', () => {
    expect(holds(viewer('platform_administrator', 'client'), 'Platform Administrator')).toBe(true);
    expect(holds(viewer('platform_administrator', 'partner'), 'Platform Administrator')).toBe(false);
    expect(holds(viewer('client_portal_read_only', 'client'), 'Platform Administrator')).toBe(false);
  });

  it('refusals name the missing permission and the caller\'s role', () => {
    expect(missingPermissionMessage(viewer('partner_analyst'), 'Clients_Manage', 'Contoso')).toBe(
      'requires Clients_Manage in Contoso: your role (Partner Analyst) does not include Clients_Manage',
    );
    expect(firstMissing(viewer('partner_analyst'), ['Clients_View', 'MSP_View'])).toBeNull();
    expect(firstMissing(viewer('client_portal_read_only', 'client'), ['Clients_View', 'MSP_View'])).toBe('Clients_View');
  });

  it('tenant permissions follow seeds 000 and 001', () => {
    expect([tenantPermission('partner', 'view'), tenantPermission('partner', 'create'), tenantPermission('partner', 'manage')]).toEqual(['MSP_View', 'MSP_Manage', 'MSP_Manage']);
    expect([tenantPermission('client', 'view'), tenantPermission('client', 'create'), tenantPermission('client', 'manage')]).toEqual(['Clients_View', 'Clients_Create', 'Clients_Manage']);
  });

  it('invitations stay within the tenant\'s domain, case-insensitively, subdomains excluded', () => {
    expect(invitationDomainProblem('a@ACME.example', 'acme.example')).toBeNull();
    expect(invitationDomainProblem('a@eu.acme.example', 'acme.example')).toContain('@acme.example');
    expect(invitationDomainProblem('a@acme.example.evil', 'acme.example')).not.toBeNull();
    expect(invitationDomainProblem('a@acme.example', null)).toContain('no e-mail domain');
  });
});
