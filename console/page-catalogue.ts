// The console's pages, the product package each needs (seed 000) and the controls each offers
// with the permission a control needs. Permission ids are the catalogue's (shared/catalogue.ts).
import type { PackageId } from '../shared/catalogue';

export const PAGE_IDS = ['dashboard', 'alerts', 'automation', 'reports'] as const;
export type PageId = (typeof PAGE_IDS)[number];

export interface ConsoleControl {
  /** Stable name for tests and the action result (`control-<id>`). */
  id: string;
  label: string;
  permission: string;
}

export interface ConsolePage {
  title: string;
  package: PackageId;
  controls: readonly ConsoleControl[];
}

export const CONSOLE_PAGES: Record<PageId, ConsolePage> = {
  dashboard: {
    title: 'Dashboard',
    package: 'hybrid_discovery_monitoring',
    controls: [
      { id: 'edit-dashboard', label: 'Edit dashboard', permission: 'Dashboards_Manage' },
      { id: 'manage-resources', label: 'Manage resources', permission: 'Resources_Manage' },
    ],
  },
  alerts: {
    title: 'Alerts',
    package: 'hybrid_discovery_monitoring',
    controls: [{ id: 'acknowledge-alert', label: 'Acknowledge alert', permission: 'Alerts_Manage' }],
  },
  automation: {
    title: 'Automation',
    package: 'remediation_automation',
    controls: [
      { id: 'run-job', label: 'Run job', permission: 'Jobs_Manage' },
      { id: 'approve-patches', label: 'Approve patches', permission: 'PatchApprovals_Manage' },
      { id: 'run-script', label: 'Run script', permission: 'Scripts_Manage' },
    ],
  },
  reports: {
    title: 'Reports',
    package: 'hybrid_discovery_monitoring',
    controls: [{ id: 'schedule-report', label: 'Schedule report', permission: 'Reports_Manage' }],
  },
};

/** The Incidents section of the alerts page: seed 000 gates incidents on their own package. */
export const INCIDENTS_SECTION: { package: PackageId; controls: readonly ConsoleControl[] } = {
  package: 'event_incident_management',
  controls: [{ id: 'create-incident', label: 'Create incident', permission: 'Incident_Manage' }],
};

export const ALL_CONTROLS: readonly ConsoleControl[] = [
  ...PAGE_IDS.flatMap((id) => CONSOLE_PAGES[id].controls),
  ...INCIDENTS_SECTION.controls,
];
