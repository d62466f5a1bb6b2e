// The demo MSP: loaded by `npm start` on an empty database and by tests. Deterministic: the same
// `now` gives the same rows. All demo passwords are `switchboard-demo`.
import { count } from 'drizzle-orm';
import { ADDON_IDS, ADDONS, PACKAGE_IDS, type PackageId } from '../../shared/catalogue';
import { hashPassword } from '../auth/passwords';
import { computeEntitlements, subscriptionProblems, type SubscriptionFacts } from '../domain/entitlements';
import { seedDemoBranding } from './branding-seed';
import type { Database, Tx } from './client';
import { accessGrants, memberships, relationships, tenantAddons, tenantPackages, tenants, users } from './schema';

export const DEMO_PASSWORD = 'switchboard-demo';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const DEMO = {
  tenants: {
    northwind: 't_northwind',
    contoso: 't_contoso',
    acme: 't_acme',
    globex: 't_globex',
    initech: 't_initech',
    umbrella: 't_umbrella',
    fabrikam: 't_fabrikam',
    wayne: 't_wayne',
  },
  users: {
    support: { id: 'u_northwind_support', email: 'support@northwind.example' },
    contosoAdmin: { id: 'u_contoso_admin', email: 'admin@contoso-msp.example' },
    contosoAnalyst: { id: 'u_contoso_analyst', email: 'analyst@contoso-msp.example' },
    fabrikamAdmin: { id: 'u_fabrikam_admin', email: 'admin@fabrikam.example' },
    fabrikamAnalyst: { id: 'u_fabrikam_analyst', email: 'analyst@fabrikam.example' },
    acmeViewer: { id: 'u_acme_viewer', email: 'viewer@acme.example' },
  },
  grants: {
    acme: 'g_acme_analyst',
    globex: 'g_globex_analyst',
    initech: 'g_initech_analyst',
    umbrella: 'g_umbrella_analyst',
    wayne: 'g_wayne_analyst',
  },
  generatedCustomers: 200,
  /**
   * A generated customer (Evergreen Logistics, permanent grant) whose IP allow-list leaves out
   * loopback and private ranges, so switching to it from the demo shows seed 000's refusal.
   */
  ipRestricted: { tenant: 't_c008', allowlist: ['203.0.113.0/24', '2001:db8::/32'] },
  /** Approved Contoso customers nobody holds a grant in yet: room to assign access (issue 17). */
  unassignedCustomers: { quartz: 't_quartz', vertex: 't_vertex', willow: 't_willow' },
  /** Acme's own Platform Administrator: approves relationships and chooses notifications (seed 003). */
  customerAdmin: { id: 'u_acme_platform_admin', email: 'platform-admin@acme.example' },
} as const;

type TenantInsert = typeof tenants.$inferInsert;
type GrantInsert = typeof accessGrants.$inferInsert;

/** mulberry32: a tiny seeded PRNG so generated customers are the same on every machine. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Blue', 'Northern', 'Silver', 'Granite', 'Harbor', 'Summit', 'Cedar', 'Evergreen', 'Pioneer', 'Atlas', 'Beacon', 'Crescent', 'Falcon', 'Iron', 'Juniper', 'Lakeside', 'Meridian', 'Orchard', 'Prairie', 'Redwood'];
const SECOND = ['Logistics', 'Dental', 'Foods', 'Motors', 'Insurance', 'Pharma', 'Hotels', 'Energy', 'Textiles', 'Robotics'];
const COUNTRIES: [string, string][] = [['US', 'America/Chicago'], ['GB', 'Europe/London'], ['DE', 'Europe/Berlin'], ['IN', 'Asia/Kolkata'], ['AU', 'Australia/Sydney']];
const ROTATING_ROLES = ['operator', 'admin', 'read_only', 'spokesperson', 'hosting_provider', 'client_portal_read_only'];

let demoHash: Promise<string> | undefined;

/** The seed obeys the rule it demonstrates: no tenant subscribes to more than its parent has. */
function assertWithinParents(rows: TenantInsert[], subscriptions: [string, PackageId[]][], addonsOf: (p: readonly PackageId[]) => string[]) {
  const own = new Map(subscriptions);
  const facts = (t: TenantInsert): SubscriptionFacts => {
    const packages = own.get(t.id) ?? [];
    return { id: t.id, name: t.name, kind: t.kind, inheritsSubscriptions: !!t.inheritsSubscriptions, packages, addons: addonsOf(packages) };
  };
  const byId = new Map(rows.map((t) => [t.id, t]));
  const chainOf = (t: TenantInsert): SubscriptionFacts[] => {
    const parent = t.parentId ? byId.get(t.parentId) : undefined;
    return [...(parent ? chainOf(parent) : []), facts(t)];
  };
  for (const t of rows) {
    const parent = t.parentId ? byId.get(t.parentId) : undefined;
    if (!parent || t.inheritsSubscriptions) continue;
    const problems = subscriptionProblems(facts(t), computeEntitlements(chainOf(parent)));
    if (problems.length) throw new Error(`demo seed: ${t.name}: ${problems.join('; ')}`);
  }
}

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(tenants);
  return (row?.n ?? 0) === 0;
}

/** Loads the demo MSP as of `now` (grant expiries are relative to it). */
export async function seedDemo(database: Database, now: Date): Promise<void> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  const passwordHash = await demoHash;
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  const T = DEMO.tenants;
  const U = DEMO.users;

  const tenant = (t: Omit<TenantInsert, 'createdAt' | 'status'> & Partial<TenantInsert>): TenantInsert => ({ status: 'active', createdAt: now, ...t });
  const tenantRows: TenantInsert[] = [
    tenant({ id: T.northwind, kind: 'service_provider', name: 'Northwind Cloud', country: 'US', timezone: 'America/New_York', emailDomain: 'northwind.example' }),
    tenant({ id: T.contoso, kind: 'partner', parentId: T.northwind, name: 'Contoso Managed Services', country: 'US', timezone: 'America/Los_Angeles', emailDomain: 'contoso-msp.example' }),
    tenant({ id: T.fabrikam, kind: 'partner', parentId: T.northwind, name: 'Fabrikam IT Partners', country: 'GB', timezone: 'Europe/London', emailDomain: 'fabrikam.example' }),
    tenant({ id: T.acme, kind: 'client', parentId: T.contoso, name: 'Acme Retail', country: 'US', timezone: 'America/Chicago', emailDomain: 'acme.example' }),
    tenant({ id: T.globex, kind: 'client', parentId: T.contoso, name: 'Globex Manufacturing', country: 'US', timezone: 'America/Detroit', emailDomain: 'globex.example' }),
    tenant({ id: T.initech, kind: 'client', parentId: T.contoso, name: 'Initech Finance', country: 'US', timezone: 'America/New_York', emailDomain: 'initech.example' }),
    tenant({ id: T.umbrella, kind: 'client', parentId: T.contoso, name: 'Umbrella Health', country: 'GB', timezone: 'Europe/London', emailDomain: 'umbrella.example' }),
    tenant({ id: T.wayne, kind: 'client', parentId: T.fabrikam, name: 'Wayne Logistics', country: 'US', timezone: 'America/New_York', emailDomain: 'wayne.example' }),
  ];
  const allPackages = [...PACKAGE_IDS];
  const addonsOf = (pkgs: readonly PackageId[]) => ADDON_IDS.filter((a) => pkgs.includes(ADDONS[a].package));
  const subscriptions: [string, PackageId[]][] = [
    [T.northwind, allPackages],
    [T.contoso, allPackages],
    [T.fabrikam, ['hybrid_discovery_monitoring', 'event_incident_management']],
    [T.acme, allPackages],
    [T.globex, ['hybrid_discovery_monitoring', 'event_incident_management']],
    [T.initech, allPackages],
    [T.umbrella, ['hybrid_discovery_monitoring', 'event_incident_management']],
    [T.wayne, ['hybrid_discovery_monitoring', 'event_incident_management']],
  ];

  const user = (id: string, email: string, name: string, homeTenantId: string) => ({ id, email, name, homeTenantId, passwordHash, createdAt: now });
  const userRows = [
    user(U.support.id, U.support.email, 'Nadia Support', T.northwind),
    user(U.contosoAdmin.id, U.contosoAdmin.email, 'Carla Contoso-Admin', T.contoso),
    user(U.contosoAnalyst.id, U.contosoAnalyst.email, 'Ari Analyst', T.contoso),
    user(U.fabrikamAdmin.id, U.fabrikamAdmin.email, 'Fred Fabrikam-Admin', T.fabrikam),
    user(U.fabrikamAnalyst.id, U.fabrikamAnalyst.email, 'Farah Analyst', T.fabrikam),
    user(U.acmeViewer.id, U.acmeViewer.email, 'Victor Viewer', T.acme),
  ];
  const membershipRows: { userId: string; tenantId: string; role: string }[] = [
    { userId: U.support.id, tenantId: T.northwind, role: 'sp_support' },
    { userId: U.contosoAdmin.id, tenantId: T.contoso, role: 'partner_administrator' },
    { userId: U.contosoAnalyst.id, tenantId: T.contoso, role: 'partner_analyst' },
    { userId: U.fabrikamAdmin.id, tenantId: T.fabrikam, role: 'partner_administrator' },
    { userId: U.fabrikamAnalyst.id, tenantId: T.fabrikam, role: 'partner_analyst' },
    { userId: U.acmeViewer.id, tenantId: T.acme, role: 'client_portal_read_only' },
  ];

  const relationship = (partnerId: string, customerId: string, state: 'approved' | 'pending') => ({
    id: `r_${customerId.slice(2)}`,
    partnerId,
    customerId,
    state,
    requestedAt: at(-30 * DAY),
    approvedAt: state === 'approved' ? at(-29 * DAY) : null,
  });
  const relationshipRows = [
    relationship(T.contoso, T.acme, 'approved'),
    relationship(T.contoso, T.globex, 'approved'),
    relationship(T.contoso, T.initech, 'approved'),
    relationship(T.contoso, T.umbrella, 'pending'),
    relationship(T.fabrikam, T.wayne, 'approved'),
  ];

  const grant = (g: Omit<GrantInsert, 'grantedAt' | 'grantedBy' | 'partnerId' | 'userId'> & Partial<GrantInsert>): GrantInsert => ({
    userId: U.contosoAnalyst.id,
    partnerId: T.contoso,
    grantedBy: U.contosoAdmin.id,
    grantedAt: at(-7 * DAY),
    ...g,
  });
  const grantRows: GrantInsert[] = [
    grant({ id: DEMO.grants.acme, customerId: T.acme, role: 'operator', platformAdmin: false, products: allPackages, expiresAt: null }),
    grant({ id: DEMO.grants.globex, customerId: T.globex, role: 'admin', platformAdmin: true, products: ['hybrid_discovery_monitoring', 'event_incident_management'], expiresAt: at(2 * HOUR) }),
    grant({ id: DEMO.grants.initech, customerId: T.initech, role: 'read_only', platformAdmin: false, products: allPackages, expiresAt: at(-DAY) }),
    grant({ id: DEMO.grants.umbrella, customerId: T.umbrella, role: 'operator', platformAdmin: false, products: ['hybrid_discovery_monitoring'], expiresAt: null }),
    grant({ id: DEMO.grants.wayne, userId: U.fabrikamAnalyst.id, partnerId: T.fabrikam, grantedBy: U.fabrikamAdmin.id, customerId: T.wayne, role: 'operator', platformAdmin: false, products: ['hybrid_discovery_monitoring', 'event_incident_management'], expiresAt: null }),
  ];

  // 200 generated Contoso customers: a fixed mix of packages, roles, Platform Administrator and expiries.
  const random = prng(8693);
  for (let i = 1; i <= DEMO.generatedCustomers; i++) {
    const id = `t_c${String(i).padStart(3, '0')}`;
    const [country, timezone] = COUNTRIES[i % COUNTRIES.length]!;
    const name = `${FIRST[(i - 1) % FIRST.length]} ${SECOND[Math.floor((i - 1) / FIRST.length) % SECOND.length]}`;
    const inherits = i % 5 === 0;
    const packages: PackageId[] = random() < 0.5 ? allPackages : random() < 0.5 ? ['hybrid_discovery_monitoring', 'event_incident_management'] : ['hybrid_discovery_monitoring'];
    tenantRows.push(tenant({ id, kind: 'client', parentId: T.contoso, name, country, timezone, inheritsSubscriptions: inherits }));
    if (!inherits) subscriptions.push([id, packages]);
    relationshipRows.push(relationship(T.contoso, id, 'approved'));
    const expiry = random();
    grantRows.push(
      grant({
        id: `g_c${String(i).padStart(3, '0')}`,
        customerId: id,
        role: ROTATING_ROLES[i % ROTATING_ROLES.length]!,
        platformAdmin: random() < 0.2,
        products: inherits ? allPackages : packages,
        // About half permanent; the rest expire between 1 hour and 10 days from now.
        expiresAt: expiry < 0.5 ? null : at(HOUR + Math.floor(((expiry - 0.5) / 0.5) * 10 * DAY)),
        lastAccessAt: random() < 0.3 ? at(-Math.floor(random() * 5 * DAY)) : null,
      }),
    );
  }

  const restricted = tenantRows.find((t) => t.id === DEMO.ipRestricted.tenant)!;
  restricted.ipAllowlist = [...DEMO.ipRestricted.allowlist];
  const unassigned: [string, string][] = [[DEMO.unassignedCustomers.quartz, 'Quartz Analytics'], [DEMO.unassignedCustomers.vertex, 'Vertex Shipping'], [DEMO.unassignedCustomers.willow, 'Willow Clinics']];
  for (const [id, name] of unassigned) {
    tenantRows.push(tenant({ id, kind: 'client', parentId: T.contoso, name, country: 'US', timezone: 'America/Chicago', inheritsSubscriptions: true }));
    relationshipRows.push(relationship(T.contoso, id, 'approved'));
  }
  userRows.push(user(DEMO.customerAdmin.id, DEMO.customerAdmin.email, 'Paula Platform-Admin', T.acme));
  membershipRows.push({ userId: DEMO.customerAdmin.id, tenantId: T.acme, role: 'platform_administrator' });

  assertWithinParents(tenantRows, subscriptions, addonsOf);

  await database.write(async (tx: Tx) => {
    await tx.insert(tenants).values(tenantRows);
    const packageRows = subscriptions.flatMap(([tenantId, pkgs]) => pkgs.map((packageId) => ({ tenantId, packageId })));
    const addonRows = subscriptions.flatMap(([tenantId, pkgs]) => addonsOf(pkgs).map((addonId) => ({ tenantId, addonId })));
    await tx.insert(tenantPackages).values(packageRows);
    await tx.insert(tenantAddons).values(addonRows);
    await tx.insert(users).values(userRows);
    await tx.insert(memberships).values(membershipRows);
    await tx.insert(relationships).values(relationshipRows);
    for (let i = 0; i < grantRows.length; i += 100) await tx.insert(accessGrants).values(grantRows.slice(i, i + 100));
    await seedDemoBranding(tx, { contoso: T.contoso, acme: T.acme, publisher: U.contosoAdmin.id }, now);
  });
}
