// The product catalogue: packages, add-ons, permission sets, permissions and roles.
// Vocabulary and gating follow seed 000 (OpsRamp partner packages), 001 (client permissions)
// and 004 (the seven Site24x7 end-customer roles). See docs/decisions.md for the choices.

export const PACKAGE_IDS = [
  'hybrid_discovery_monitoring',
  'event_incident_management',
  'remediation_automation',
] as const;
export type PackageId = (typeof PACKAGE_IDS)[number];

/** Hybrid Discovery and Monitoring is the default package: always on, never removable (seed 000). */
export const BASE_PACKAGE: PackageId = 'hybrid_discovery_monitoring';

export const PACKAGES: Record<PackageId, { name: string }> = {
  hybrid_discovery_monitoring: { name: 'Hybrid Discovery and Monitoring' },
  event_incident_management: { name: 'Event and Incident Management' },
  remediation_automation: { name: 'Remediation and Automation' },
};

// Seed 000 lists add-ons in two places: the "Add-ons" list of each package and the
// "unavailable if you opt not to subscribe" list. Both name add-ons gated by the package.
export const ADDONS = {
  adapter_integrations: { name: 'Adapter Integrations', package: 'hybrid_discovery_monitoring' },
  batch_exports: { name: 'Batch Exports', package: 'hybrid_discovery_monitoring' },
  extended_data_retention: { name: 'Extended Data Retention', package: 'hybrid_discovery_monitoring' },
  offline_alerts: { name: 'Offline Alerts', package: 'hybrid_discovery_monitoring' },
  stream_exports: { name: 'Stream Exports', package: 'hybrid_discovery_monitoring' },
  mask_resource_identity_management: { name: 'Mask Resource Identity Management', package: 'hybrid_discovery_monitoring' },
  log_management: { name: 'Log Management', package: 'hybrid_discovery_monitoring' },
  trace_management: { name: 'Trace Management', package: 'hybrid_discovery_monitoring' },
  alert_problem_area: { name: 'Alert Problem Area', package: 'event_incident_management' },
  knowledge_base_management: { name: 'Knowledge Base Management', package: 'event_incident_management' },
  os_service_start_stop_actions: { name: 'OS Service Start/Stop Actions', package: 'event_incident_management' },
  scheduled_task_management: { name: 'Scheduled Task Management', package: 'event_incident_management' },
  sla_management: { name: 'SLA Management', package: 'event_incident_management' },
  sms_and_voice: { name: 'SMS and Voice', package: 'event_incident_management' },
  event_enrichment: { name: 'Event Enrichment', package: 'event_incident_management' },
  process_automation: { name: 'Process Automation', package: 'remediation_automation' },
  remote_access_management: { name: 'Remote Access Management', package: 'remediation_automation' },
  application_patch_management: { name: 'Application Patch Management', package: 'remediation_automation' },
} as const satisfies Record<string, { name: string; package: PackageId }>;
export type AddonId = keyof typeof ADDONS;
export const ADDON_IDS = Object.keys(ADDONS) as AddonId[];

/** Where a permission set applies: inside a customer (client) tenant, or at partner / SP level. */
export type PermissionScope = 'customer' | 'partner';

// Permission sets: the unit a package gates (seed 000). `package: null` means not gated.
export const PERMISSION_SETS = {
  // Partner and service-provider administration (seeds 000, 001).
  msp: { name: 'MSP', scope: 'partner', package: null, actions: ['View', 'Manage'] },
  clients: { name: 'Clients', scope: 'partner', package: null, actions: ['View', 'Create', 'Manage'] },
  // Hybrid Discovery and Monitoring modules (always on).
  resources: { name: 'Resource Management', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['View', 'Manage'] },
  monitoring: { name: 'Monitoring', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['View', 'Manage'] },
  reports: { name: 'Reports', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['View', 'Manage'] },
  dashboards: { name: 'Dashboards', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['View', 'Manage'] },
  alerts: { name: 'Alerting & Forwarding', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['View', 'Manage'] },
  maintenance_windows: { name: 'Maintenance Windows', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['View', 'ManageOwn', 'Manage'] },
  outage_comments: { name: 'Outage Comments', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['View', 'ManageOwn', 'Manage'] },
  alert_notifications: { name: 'Alert Notifications', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['Receive'] },
  web_client: { name: 'Web Client', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['Access'] },
  client_portal: { name: 'White-labeled Client Portal', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['Access'] },
  users: { name: 'Users', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['View', 'Manage'] },
  branding: { name: 'Branding', scope: 'customer', package: 'hybrid_discovery_monitoring', actions: ['View', 'Manage'] },
  // Event and Incident Management permission sets (seed 000).
  opsq: { name: 'OpsQ', scope: 'customer', package: 'event_incident_management', actions: ['View', 'Manage'] },
  incident: { name: 'Incident', scope: 'customer', package: 'event_incident_management', actions: ['View', 'Manage'] },
  change_request: { name: 'Change Request', scope: 'customer', package: 'event_incident_management', actions: ['View', 'Manage'] },
  task_request: { name: 'Task Request', scope: 'customer', package: 'event_incident_management', actions: ['View', 'Manage'] },
  service_request: { name: 'Service Request', scope: 'customer', package: 'event_incident_management', actions: ['View', 'Manage'] },
  problem: { name: 'Problem', scope: 'customer', package: 'event_incident_management', actions: ['View', 'Manage'] },
  time_bound_request: { name: 'Time-bound request', scope: 'customer', package: 'event_incident_management', actions: ['View', 'Manage'] },
  // Remediation and Automation permission sets (seed 000).
  jobs: { name: 'Jobs', scope: 'customer', package: 'remediation_automation', actions: ['View', 'Manage'] },
  consoles: { name: 'Consoles', scope: 'customer', package: 'remediation_automation', actions: ['View', 'Manage'] },
  patch_approvals: { name: 'Patch Approvals', scope: 'customer', package: 'remediation_automation', actions: ['View', 'Manage'] },
  recording_audits: { name: 'Recording Audits', scope: 'customer', package: 'remediation_automation', actions: ['View', 'Manage'] },
  scripts: { name: 'Scripts', scope: 'customer', package: 'remediation_automation', actions: ['View', 'Manage'] },
  commands: { name: 'Commands', scope: 'customer', package: 'remediation_automation', actions: ['View', 'Manage'] },
} as const satisfies Record<
  string,
  { name: string; scope: PermissionScope; package: PackageId | null; actions: readonly string[] }
>;
export type PermissionSetId = keyof typeof PERMISSION_SETS;
export const PERMISSION_SET_IDS = Object.keys(PERMISSION_SETS) as PermissionSetId[];

/** Permission ids read `<Set>_<Action>` (e.g. `Incident_Manage`), after seed 000's `MSP_View` / `MSP_Manage`. */
const PREFIX: Record<PermissionSetId, string> = Object.fromEntries(
  PERMISSION_SET_IDS.map((id) => [
    id,
    id === 'msp' ? 'MSP' : id === 'opsq' ? 'OpsQ' : id.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''),
  ]),
) as Record<PermissionSetId, string>;

export interface PermissionInfo {
  id: string;
  set: PermissionSetId;
  action: string;
  scope: PermissionScope;
  package: PackageId | null;
}

/** Every permission in the catalogue, keyed by id (e.g. `Incident_Manage`, `MSP_View`). */
export const PERMISSIONS: ReadonlyMap<string, PermissionInfo> = new Map(
  PERMISSION_SET_IDS.flatMap((set) =>
    PERMISSION_SETS[set].actions.map((action): [string, PermissionInfo] => {
      const id = `${PREFIX[set]}_${action}`;
      return [id, { id, set, action, scope: PERMISSION_SETS[set].scope, package: PERMISSION_SETS[set].package }];
    }),
  ),
);
export const PERMISSION_IDS: readonly string[] = [...PERMISSIONS.keys()];

export function permissionId(set: PermissionSetId, action: string): string {
  const id = `${PREFIX[set]}_${action}`;
  if (!PERMISSIONS.has(id)) throw new Error(`no permission ${id} in the catalogue`);
  return id;
}

const customerSets = PERMISSION_SET_IDS.filter((s) => PERMISSION_SETS[s].scope === 'customer');
const all = (sets: readonly PermissionSetId[], actions: readonly string[]) =>
  sets.flatMap((s) => actions.filter((a) => (PERMISSION_SETS[s].actions as readonly string[]).includes(a)).map((a) => permissionId(s, a)));
const readableSets = customerSets.filter((s) => !['alert_notifications', 'web_client', 'client_portal'].includes(s));

export const ROLE_IDS = [
  'client_portal_read_only',
  'admin',
  'operator',
  'read_only',
  'spokesperson',
  'hosting_provider',
  'alert_contact',
  'platform_administrator',
  'partner_administrator',
  'partner_analyst',
  'sp_support',
  'sp_administrator',
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

export interface RoleInfo {
  name: string;
  /** `customer` roles are granted inside a client tenant; `partner` roles in a partner or SP home tenant. */
  scope: PermissionScope;
  permissions: readonly string[];
}

/** The role catalogue. The first seven are Site24x7's end-customer roles (seed 004). */
export const ROLES: Record<RoleId, RoleInfo> = {
  client_portal_read_only: {
    name: 'White labeled Client Portal (Read Only)',
    scope: 'customer',
    permissions: [...all(['resources', 'monitoring', 'reports', 'dashboards', 'alerts'], ['View']), 'ClientPortal_Access'],
  },
  admin: {
    name: 'Admin',
    scope: 'customer',
    permissions: [...all(readableSets, ['View', 'Manage']), 'AlertNotifications_Receive', 'WebClient_Access'],
  },
  operator: {
    name: 'Operator',
    scope: 'customer',
    permissions: [
      ...all(readableSets.filter((s) => s !== 'users' && s !== 'branding'), ['View']),
      'MaintenanceWindows_ManageOwn',
      'OutageComments_ManageOwn',
      'AlertNotifications_Receive',
      'WebClient_Access',
    ],
  },
  read_only: {
    name: 'Read Only',
    scope: 'customer',
    permissions: [...all(readableSets.filter((s) => s !== 'users' && s !== 'branding'), ['View']), 'WebClient_Access'],
  },
  spokesperson: {
    name: 'Spokesperson',
    scope: 'customer',
    permissions: [...all(['monitoring', 'reports', 'dashboards', 'maintenance_windows', 'outage_comments'], ['View']), 'WebClient_Access'],
  },
  hosting_provider: {
    name: 'Hosting Provider',
    scope: 'customer',
    permissions: [
      ...all(['resources', 'monitoring', 'reports', 'dashboards', 'maintenance_windows'], ['View']),
      'MaintenanceWindows_ManageOwn',
      'WebClient_Access',
    ],
  },
  alert_contact: {
    name: 'Alert Contact (No Access to Web Client)',
    scope: 'customer',
    permissions: ['AlertNotifications_Receive'],
  },
  platform_administrator: {
    name: 'Platform Administrator',
    scope: 'customer',
    permissions: [...all(customerSets, ['View', 'ManageOwn', 'Manage', 'Access', 'Receive'])],
  },
  partner_administrator: {
    name: 'Partner Administrator',
    scope: 'partner',
    permissions: ['MSP_View', 'MSP_Manage', 'Clients_View', 'Clients_Create', 'Clients_Manage'],
  },
  partner_analyst: {
    name: 'Partner Analyst',
    scope: 'partner',
    permissions: ['Clients_View'],
  },
  sp_support: {
    name: 'Service Provider Support',
    scope: 'partner',
    permissions: ['MSP_View', 'Clients_View'],
  },
  sp_administrator: {
    name: 'Service Provider Administrator',
    scope: 'partner',
    permissions: ['MSP_View', 'MSP_Manage', 'Clients_View', 'Clients_Create', 'Clients_Manage'],
  },
};

/** Roles a partner may give an analyst inside a customer (Platform Administrator is a separate toggle, seed 003). */
export const CUSTOMER_ROLE_IDS = ROLE_IDS.filter((r) => ROLES[r].scope === 'customer' && r !== 'platform_administrator');

// Look-ups by untrusted id: own properties only, so `toString` or `constructor` is simply unknown.
export const roleInfo = (id: string | null | undefined): RoleInfo | undefined =>
  id && Object.hasOwn(ROLES, id) ? ROLES[id as RoleId] : undefined;
export const addonInfo = (id: string) => (Object.hasOwn(ADDONS, id) ? ADDONS[id as AddonId] : undefined);
export const packageInfo = (id: string) => (Object.hasOwn(PACKAGES, id) ? PACKAGES[id as PackageId] : undefined);
