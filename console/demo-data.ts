// Fake but deterministic monitoring data for one customer, derived from its tenant id only:
// no database, and nothing of one customer can appear on another's page.
import { seededRandom, type SeededRandom } from './seeded-random';

export interface Widget { label: string; value: string }
export interface ResourceLoad { name: string; cpu: number; memory: number }
export interface Alert { id: string; severity: 'Critical' | 'Warning' | 'Info'; resource: string; message: string; minutesAgo: number }
export interface Incident { id: string; subject: string; priority: string; status: string }
export interface Job { name: string; targets: number; schedule: string; lastRun: 'Succeeded' | 'Failed' | 'Running' }
export interface Report { name: string; schedule: string; format: 'PDF' | 'CSV'; lastGenerated: string }

const ROLES = ['web', 'db', 'app', 'cache', 'lb', 'files'];
const ALERT_MESSAGES = [
  'CPU utilisation above 90% for 10 minutes',
  'Disk /var at 94% capacity',
  'Ping loss 40% over 5 minutes',
  'Memory usage above 85%',
  'HTTP check returned 503',
  'Certificate expires in 9 days',
  'Service "spooler" stopped',
];
const INCIDENT_SUBJECTS = ['Checkout latency degraded', 'Nightly backup failed', 'VPN tunnel flapping', 'Database failover triggered', 'Email relay queue growing'];
const JOB_NAMES = ['Patch Windows servers', 'Restart IIS app pools', 'Rotate application logs', 'Clear temp folders', 'Renew certificates', 'Collect diagnostics bundle'];
const REPORT_NAMES = ['Availability summary', 'Capacity forecast', 'Alert volume by resource', 'SLA compliance', 'Patch compliance', 'Top talkers'];

const slug = (tenantId: string) => tenantId.replace(/^t_/, '').toLowerCase();
const resourceName = (tenantId: string, random: SeededRandom) =>
  `${slug(tenantId)}-${random.pick(ROLES)}-${String(random.int(1, 24)).padStart(2, '0')}`;
const forTenant = (tenantId: string, topic: string) => seededRandom(`${tenantId}:${topic}`);

export function dashboardData(tenantId: string): { widgets: Widget[]; resources: ResourceLoad[] } {
  const random = forTenant(tenantId, 'dashboard');
  const up = random.int(40, 400);
  const down = random.int(0, 9);
  const widgets = [
    { label: 'Monitors up', value: String(up) },
    { label: 'Monitors down', value: String(down) },
    { label: 'Availability (30 days)', value: `${(99 + random.int(0, 99) / 100).toFixed(2)}%` },
    { label: 'Open alerts', value: String(random.int(1, 30)) },
  ];
  const resources = Array.from({ length: 4 }, () => ({ name: resourceName(tenantId, random), cpu: random.int(5, 98), memory: random.int(20, 95) }));
  return { widgets, resources };
}

export function alertsData(tenantId: string): Alert[] {
  const random = forTenant(tenantId, 'alerts');
  return Array.from({ length: 5 }, () => ({
    id: `AL-${random.int(1000, 9999)}`,
    severity: random.pick(['Critical', 'Warning', 'Info'] as const),
    resource: resourceName(tenantId, random),
    message: random.pick(ALERT_MESSAGES),
    minutesAgo: random.int(1, 240),
  }));
}

export function incidentsData(tenantId: string): Incident[] {
  const random = forTenant(tenantId, 'incidents');
  return Array.from({ length: 3 }, () => ({
    id: `INC-${random.int(10000, 99999)}`,
    subject: random.pick(INCIDENT_SUBJECTS),
    priority: `P${random.int(1, 4)}`,
    status: random.pick(['Open', 'In progress', 'Pending customer']),
  }));
}

export function automationData(tenantId: string): { jobs: Job[]; patchesAwaitingApproval: number } {
  const random = forTenant(tenantId, 'automation');
  const jobs = Array.from({ length: 4 }, () => ({
    name: random.pick(JOB_NAMES),
    targets: random.int(1, 120),
    schedule: random.pick(['Daily 02:00', 'Sundays 03:30', 'Hourly', 'On demand']),
    lastRun: random.pick(['Succeeded', 'Succeeded', 'Failed', 'Running'] as const),
  }));
  return { jobs, patchesAwaitingApproval: random.int(0, 60) };
}

export function reportsData(tenantId: string): Report[] {
  const random = forTenant(tenantId, 'reports');
  return Array.from({ length: 4 }, () => ({
    name: random.pick(REPORT_NAMES),
    schedule: random.pick(['Daily', 'Weekly', 'Monthly']),
    format: random.pick(['PDF', 'CSV'] as const),
    lastGenerated: `2026-11-${String(random.int(1, 23)).padStart(2, '0')}`,
  }));
}
