import { describe, it, expect } from 'vitest';
import {
  ADDONS,
  ADDON_IDS,
  BASE_PACKAGE,
  CUSTOMER_ROLE_IDS,
  PACKAGES,
  PACKAGE_IDS,
  PERMISSIONS,
  PERMISSION_IDS,
  PERMISSION_SETS,
  PERMISSION_SET_IDS,
  ROLES,
  ROLE_IDS,
  permissionId,
  type AddonId,
  type PackageId,
} from './catalogue';

// Expected values are copied from the seed documents, not from the catalogue.

/** Seed 004: "There are seven different User Roles that you can assign to an end-customer". */
const SEED_004_ROLE_NAMES = [
  'White labeled Client Portal (Read Only)',
  'Admin',
  'Operator',
  'Read Only',
  'Spokesperson',
  'Hosting Provider',
  'Alert Contact (No Access to Web Client)',
];

const setNamesGatedBy = (pkg: PackageId) =>
  PERMISSION_SET_IDS.filter((id) => PERMISSION_SETS[id].package === pkg)
    .map((id) => PERMISSION_SETS[id].name)
    .sort();
const addonNamesGatedBy = (pkg: PackageId) =>
  ADDON_IDS.filter((id) => ADDONS[id].package === pkg)
    .map((id) => ADDONS[id].name)
    .sort();
const roleByName = (name: string) => {
  const id = ROLE_IDS.find((r) => ROLES[r].name === name);
  if (!id) throw new Error(`no role named ${name}`);
  return ROLES[id];
};

describe('packages (seed 000)', () => {
  it('are the three product packages, Hybrid Discovery and Monitoring being the default', () => {
    expect(PACKAGE_IDS.map((id) => PACKAGES[id].name).sort()).toEqual(
      ['Hybrid Discovery and Monitoring', 'Event and Incident Management', 'Remediation and Automation'].sort(),
    );
    expect(PACKAGES[BASE_PACKAGE].name).toBe('Hybrid Discovery and Monitoring');
  });

  it('Remediation and Automation gates exactly Jobs, Consoles, Patch Approvals, Recording Audits, Scripts, Commands', () => {
    expect(setNamesGatedBy('remediation_automation')).toEqual(
      ['Jobs', 'Consoles', 'Patch Approvals', 'Recording Audits', 'Scripts', 'Commands'].sort(),
    );
  });

  it('Event and Incident Management gates exactly OpsQ, Incident, Change Request, Task Request, Service Request, Problem, Time-bound request', () => {
    expect(setNamesGatedBy('event_incident_management')).toEqual(
      ['OpsQ', 'Incident', 'Change Request', 'Task Request', 'Service Request', 'Problem', 'Time-bound request'].sort(),
    );
  });

  it('the Hybrid Discovery and Monitoring modules named by seed 000 are gated by it', () => {
    const hdm = setNamesGatedBy('hybrid_discovery_monitoring');
    for (const module of ['Resource Management', 'Monitoring', 'Reports', 'Dashboards', 'Alerting & Forwarding']) expect(hdm).toContain(module);
  });

  it('only partner-level sets (MSP, Clients) are ungated, and they are partner scope', () => {
    const ungated = PERMISSION_SET_IDS.filter((id) => PERMISSION_SETS[id].package === null);
    expect(ungated.map((id) => PERMISSION_SETS[id].name).sort()).toEqual(['Clients', 'MSP']);
    for (const id of ungated) expect(PERMISSION_SETS[id].scope).toBe('partner');
    for (const id of PERMISSION_SET_IDS.filter((s) => PERMISSION_SETS[s].package !== null)) expect(PERMISSION_SETS[id].scope).toBe('customer');
  });
});

describe('add-ons (seed 000)', () => {
  it("every add-on's package exists", () => {
    for (const id of ADDON_IDS) expect(PACKAGE_IDS as readonly string[], id).toContain(ADDONS[id].package);
  });

  it('the add-ons named under "keep only Hybrid Discovery and Monitoring" belong to it', () => {
    const hdm = addonNamesGatedBy('hybrid_discovery_monitoring');
    for (const name of [
      'Adapter Integrations',
      'Extended Data Retention',
      'Mask Resource Identity Management',
      'Offline Alerts',
      'Log Management',
      'Trace Management',
      'Batch Exports',
      'Stream Exports',
    ]) {
      expect(hdm).toContain(name);
    }
  });

  it('Event Enrichment, Scheduled Task, SLA and SMS & Voice become unavailable without Event and Incident Management', () => {
    const eim: Record<string, AddonId> = {
      'Event Enrichment': 'event_enrichment',
      'Scheduled Task': 'scheduled_task_management',
      SLA: 'sla_management',
      'SMS & Voice': 'sms_and_voice',
    };
    for (const [label, id] of Object.entries(eim)) expect(ADDONS[id].package, label).toBe('event_incident_management');
  });

  it('Application Patch Management, Process Automation and Remote Access Management need Remediation and Automation', () => {
    for (const id of ['application_patch_management', 'process_automation', 'remote_access_management'] as AddonId[]) {
      expect(ADDONS[id].package, id).toBe('remediation_automation');
    }
  });
});

describe('permissions', () => {
  it('ids follow <Set>_<Action>, with seed 000\'s MSP_View / MSP_Manage', () => {
    expect(PERMISSIONS.has('MSP_View')).toBe(true);
    expect(PERMISSIONS.has('MSP_Manage')).toBe(true);
    expect(PERMISSIONS.has('Clients_Create')).toBe(true);
    expect(PERMISSIONS.get('Incident_Manage')).toMatchObject({ set: 'incident', action: 'Manage', scope: 'customer', package: 'event_incident_management' });
    expect(PERMISSIONS.get('OpsQ_View')).toMatchObject({ set: 'opsq', package: 'event_incident_management' });
    expect(PERMISSIONS.get('TimeBoundRequest_View')).toMatchObject({ set: 'time_bound_request' });
  });

  it('one permission per (set, action), all ids distinct', () => {
    const expected = PERMISSION_SET_IDS.reduce((n, id) => n + PERMISSION_SETS[id].actions.length, 0);
    expect(PERMISSION_IDS).toHaveLength(expected);
    expect(new Set(PERMISSION_IDS).size).toBe(expected);
  });

  it('a permission carries the scope and package of its set', () => {
    for (const p of PERMISSIONS.values()) {
      expect(p.scope).toBe(PERMISSION_SETS[p.set].scope);
      expect(p.package).toBe(PERMISSION_SETS[p.set].package);
      expect(PERMISSION_SETS[p.set].actions as readonly string[]).toContain(p.action);
    }
  });

  it('permissionId builds known ids and refuses unknown ones', () => {
    expect(permissionId('msp', 'View')).toBe('MSP_View');
    expect(permissionId('patch_approvals', 'Manage')).toBe('PatchApprovals_Manage');
    expect(() => permissionId('msp', 'Create')).toThrow();
    expect(() => permissionId('jobs', 'ManageOwn')).toThrow();
  });
});

describe('roles', () => {
  it("the first seven roles are seed 004's end-customer roles, by exact name", () => {
    expect(ROLE_IDS.slice(0, 7).map((id) => ROLES[id].name)).toEqual(SEED_004_ROLE_NAMES);
  });

  it('the roles a partner may give inside a customer are exactly those seven', () => {
    expect(CUSTOMER_ROLE_IDS.map((id) => ROLES[id].name).sort()).toEqual([...SEED_004_ROLE_NAMES].sort());
    for (const id of CUSTOMER_ROLE_IDS) expect(ROLES[id].scope).toBe('customer');
    expect(CUSTOMER_ROLE_IDS).not.toContain('platform_administrator');
  });

  it("every role's permissions exist in PERMISSIONS and match the role's scope", () => {
    for (const id of ROLE_IDS) {
      const role = ROLES[id];
      expect(role.permissions.length, id).toBeGreaterThan(0);
      expect(new Set(role.permissions).size, `${id} has duplicates`).toBe(role.permissions.length);
      for (const p of role.permissions) {
        expect(PERMISSIONS.has(p), `${id}: ${p}`).toBe(true);
        expect(PERMISSIONS.get(p)!.scope, `${id}: ${p}`).toBe(role.scope);
      }
    }
  });

  it('Alert Contact only receives alert notifications, with no web client or portal access (seed 004)', () => {
    expect([...roleByName('Alert Contact (No Access to Web Client)').permissions]).toEqual(['AlertNotifications_Receive']);
  });

  it('White labeled Client Portal (Read Only) reaches the portal, never the web client, and writes nothing', () => {
    const perms = roleByName('White labeled Client Portal (Read Only)').permissions;
    expect(perms).toContain('ClientPortal_Access');
    expect(perms).not.toContain('WebClient_Access');
    expect(perms.filter((p) => /_(Manage|ManageOwn)$/.test(p))).toEqual([]);
  });

  it('Admin, Operator, Read Only, Spokesperson and Hosting Provider use the web client, not the white-labeled portal', () => {
    for (const name of ['Admin', 'Operator', 'Read Only', 'Spokesperson', 'Hosting Provider']) {
      const perms = roleByName(name).permissions;
      expect(perms, name).toContain('WebClient_Access');
      expect(perms, name).not.toContain('ClientPortal_Access');
    }
  });

  it('Admin has read and write access', () => {
    const perms = roleByName('Admin').permissions;
    expect(perms).toContain('Monitoring_View');
    expect(perms).toContain('Monitoring_Manage');
  });

  it('Operator manages only its own maintenance windows and outage comments, and reads the rest', () => {
    const perms = roleByName('Operator').permissions;
    expect(perms).toContain('MaintenanceWindows_ManageOwn');
    expect(perms).toContain('OutageComments_ManageOwn');
    expect(perms).not.toContain('MaintenanceWindows_Manage');
    expect(perms).not.toContain('OutageComments_Manage');
    expect(perms.filter((p) => p.endsWith('_Manage'))).toEqual([]);
    expect(perms).toContain('Monitoring_View');
  });

  it('Read Only and Spokesperson write nothing', () => {
    for (const name of ['Read Only', 'Spokesperson']) {
      expect(roleByName(name).permissions.filter((p) => /_(Manage|ManageOwn|Create)$/.test(p)), name).toEqual([]);
    }
  });

  it('Hosting Provider writes only its own maintenance windows', () => {
    const writes = roleByName('Hosting Provider').permissions.filter((p) => /_(Manage|ManageOwn|Create)$/.test(p));
    expect(writes).toEqual(['MaintenanceWindows_ManageOwn']);
  });

  it('Platform Administrator covers every customer permission set', () => {
    const perms = new Set(ROLES.platform_administrator.permissions);
    for (const id of PERMISSION_SET_IDS.filter((s) => PERMISSION_SETS[s].scope === 'customer')) {
      expect([...perms].some((p) => PERMISSIONS.get(p)!.set === id), id).toBe(true);
    }
  });

  it('MSP_View / MSP_Manage belong to service-provider and partner administration, Clients_View to the analyst (seeds 000, 001)', () => {
    expect(ROLES.sp_administrator.permissions).toEqual(expect.arrayContaining(['MSP_View', 'MSP_Manage']));
    expect(ROLES.sp_support.permissions).toContain('MSP_View');
    expect(ROLES.sp_support.permissions).not.toContain('MSP_Manage');
    expect([...ROLES.partner_analyst.permissions]).toEqual(['Clients_View']);
  });
});
