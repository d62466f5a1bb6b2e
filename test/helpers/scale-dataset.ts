// The deterministic scale dataset of the benchmarks and of `npm start -- --scale`: the demo MSP plus
// 90 partners with 1,000 clients each and Contoso with 10,000 more, ten analysts per partner, each
// granted every client of their partner: about 100,000 tenants and 1,000,000 grants. The scale
// analyst (a Contoso analyst) has 10,000 customers. The same `now` and sizes give the same rows.
// Bulk inserts go through one synchronous libsql connection, in one transaction per table, on
// statements prepared once.
import { statSync } from 'node:fs';
import Libsql from 'libsql';
import { openDatabase } from '../../bff/db/client';
import { DEMO, DEMO_PASSWORD, seedDemo } from '../../bff/db/seed';
import { hashPassword } from '../../bff/auth/passwords';
import { KeyStore } from '../../bff/auth/key-store';

export interface ScaleSizes {
  /** Partners besides the demo's (each with `clientsPerPartner` clients). */
  partners: number;
  clientsPerPartner: number;
  /** Contoso's clients added to the demo's: the scale analyst's customers. */
  contosoClients: number;
  analystsPerPartner: number;
}

export const FULL_SCALE: ScaleSizes = { partners: 90, clientsPerPartner: 1000, contosoClients: 10_000, analystsPerPartner: 10 };

/** The Contoso analyst with every scale customer of Contoso (password: the demo password). */
export const SCALE_ANALYST = { id: 'u_scale_analyst', email: 'scale-analyst@contoso-msp.example', password: DEMO_PASSWORD };

export const partnerId = (p: number) => `t_sp${String(p).padStart(3, '0')}`;
export const clientId = (p: number, c: number) => `t_sp${String(p).padStart(3, '0')}_c${String(c).padStart(5, '0')}`;
export const contosoClientId = (c: number) => `t_sc${String(c).padStart(5, '0')}`;
/** Analyst `a` of partner `p` (p = -1 for Contoso; analyst 0 of Contoso is SCALE_ANALYST). */
export const analystId = (p: number, a: number) => (p < 0 ? (a === 0 ? SCALE_ANALYST.id : `u_sc_analyst${a}`) : `u_sp${String(p).padStart(3, '0')}_analyst${a}`);

export interface ScaleSummary {
  tenants: number;
  grants: number;
  users: number;
  bytes: number;
  ms: number;
}

/** mulberry32, as in the demo seed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli', 'Vandelay', 'Massive', 'Gringotts', 'Oscorp', 'Aperture', 'Monarch', 'Dunder', 'Pied', 'Vehement'];
const SECOND = ['Retail', 'Logistics', 'Dental', 'Foods', 'Motors', 'Insurance', 'Pharma', 'Hotels', 'Energy', 'Textiles', 'Robotics', 'Finance', 'Health', 'Media', 'Labs'];
const PACKAGE_SETS = [
  ['hybrid_discovery_monitoring', 'event_incident_management'],
  ['hybrid_discovery_monitoring'],
];
const ROLES = ['operator', 'admin', 'read_only', 'spokesperson'];
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Creates the dataset in a new file at `path` (migrated, demo seeded, one signing key). */
export async function generateScaleDataset(path: string, now: Date, sizes: ScaleSizes = FULL_SCALE): Promise<ScaleSummary> {
  const started = performance.now();
  const database = await openDatabase({ url: `file:${path}` });
  try {
    await seedDemo(database, now);
    await new KeyStore(database, () => now).init();
  } finally {
    database.close();
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const db = new Libsql(path);
  // A new file being filled: a crash means generating it again, so nothing waits for the disk.
  db.exec('PRAGMA synchronous = OFF');
  const random = prng(19);
  const insert = (table: string, columns: string[]) => {
    const statement = db.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
    return (...values: unknown[]) => statement.run(values);
  };
  const tenant = insert('tenants', ['id', 'kind', 'parent_id', 'name', 'status', 'country', 'timezone', 'inherits_subscriptions', 'ip_allowlist', 'created_at']);
  const tenantPackage = insert('tenant_packages', ['tenant_id', 'package_id']);
  const user = insert('users', ['id', 'email', 'name', 'home_tenant_id', 'status', 'password_hash', 'created_at']);
  const membership = insert('memberships', ['user_id', 'tenant_id', 'role']);
  const relationship = insert('relationships', ['id', 'partner_id', 'customer_id', 'state', 'requested_at', 'approved_at']);
  const grant = insert('access_grants', ['id', 'user_id', 'partner_id', 'customer_id', 'platform_admin', 'role', 'products', 'expires_at', 'granted_by', 'granted_at', 'last_access_at']);
  const t = now.getTime();
  let tenants = 0;
  let grants = 0;
  let users = 0;

  const addClient = (id: string, parent: string, n: number) => {
    const name = `${FIRST[Math.floor(random() * FIRST.length)]} ${SECOND[Math.floor(random() * SECOND.length)]} ${n}`;
    // About 1 in 100 inactive, 1 in 200 terminated; 1 in 50 relationships still pending.
    const r = random();
    const status = r < 0.005 ? 'terminated' : r < 0.015 ? 'inactive' : 'active';
    tenant(id, 'client', parent, name, status, 'US', 'America/Chicago', 0, '[]', t);
    const packages = PACKAGE_SETS[n % PACKAGE_SETS.length]!;
    for (const p of packages) tenantPackage(id, p);
    const pending = random() < 0.02;
    relationship(`r_${id.slice(2)}`, parent, id, pending ? 'pending' : 'approved', t - 30 * DAY, pending ? null : t - 29 * DAY);
    tenants++;
    return packages;
  };
  const addAnalyst = (id: string, email: string, home: string) => {
    user(id, email, `Analyst ${id.slice(2)}`, home, 'active', passwordHash, t);
    membership(id, home, 'partner_analyst');
    users++;
  };
  const addGrant = (userId: string, partner: string, customer: string, n: number, products: string[], grantedBy: string) => {
    const e = random();
    // Two thirds permanent; the rest expire between 1 hour and 30 days from now, a few already expired.
    const expiresAt = e < 0.67 ? null : e < 0.69 ? t - DAY : t + HOUR + Math.floor(((e - 0.69) / 0.31) * 30 * DAY);
    grant(`g_${userId.slice(2)}_${customer.slice(2)}`, userId, partner, customer, n % 7 === 0 ? 1 : 0, ROLES[n % ROLES.length], JSON.stringify(products), expiresAt, grantedBy, t - 7 * DAY, random() < 0.1 ? t - Math.floor(random() * 5 * DAY) : null);
    grants++;
  };

  const inTransaction = (fn: () => void) => {
    db.exec('BEGIN');
    try {
      fn();
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  };

  // Contoso's scale clients and analysts.
  inTransaction(() => {
    const contoso = DEMO.tenants.contoso;
    const products: string[][] = [];
    for (let c = 0; c < sizes.contosoClients; c++) products.push(addClient(contosoClientId(c), contoso, c));
    for (let a = 0; a < sizes.analystsPerPartner; a++) {
      const id = analystId(-1, a);
      addAnalyst(id, a === 0 ? SCALE_ANALYST.email : `scale-analyst${a}@contoso-msp.example`, contoso);
      for (let c = 0; c < sizes.contosoClients; c++) addGrant(id, contoso, contosoClientId(c), c, products[c]!, DEMO.users.contosoAdmin.id);
    }
  });
  // The other partners, one transaction each.
  for (let p = 0; p < sizes.partners; p++) {
    inTransaction(() => {
      const partner = partnerId(p);
      tenant(partner, 'partner', DEMO.tenants.northwind, `Scale Partner ${p}`, 'active', 'US', 'America/New_York', 0, '[]', t);
      for (const pkg of PACKAGE_SETS[0]!) tenantPackage(partner, pkg);
      tenants++;
      const admin = `u_sp${String(p).padStart(3, '0')}_admin`;
      user(admin, `admin@p${p}.scale.example`, `Admin ${p}`, partner, 'active', passwordHash, t);
      membership(admin, partner, 'partner_administrator');
      users++;
      const products: string[][] = [];
      for (let c = 0; c < sizes.clientsPerPartner; c++) products.push(addClient(clientId(p, c), partner, c));
      for (let a = 0; a < sizes.analystsPerPartner; a++) {
        const id = analystId(p, a);
        addAnalyst(id, `analyst${a}@p${p}.scale.example`, partner);
        for (let c = 0; c < sizes.clientsPerPartner; c++) addGrant(id, partner, clientId(p, c), c, products[c]!, admin);
      }
    });
  }
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  return { tenants, grants, users, bytes: statSync(path).size, ms: performance.now() - started };
}
