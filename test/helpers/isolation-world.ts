// Random worlds for the isolation properties: a service provider > partners > clients tree with
// users, relationships, grants (permanent, expiring, revoked), packages, IP lists and an instant,
// with ids and names unique per world so that many worlds share one database.
import fc from 'fast-check';
import { PACKAGE_IDS } from '../../shared/catalogue';

export type Status = 'active' | 'inactive' | 'terminated';
export type RelState = 'none' | 'pending' | 'approved' | 'removed';

export interface WTenant {
  id: string;
  name: string;
  kind: 'service_provider' | 'partner' | 'client';
  parentId: string | null;
  status: Status;
  packages: string[];
  inherits: boolean;
  allowlist: string[];
}
export interface WUser {
  id: string;
  email: string;
  homeTenantId: string;
  role: string;
}
export interface WGrant {
  id: string;
  userId: string;
  partnerId: string;
  customerId: string;
  role: string | null;
  platformAdmin: boolean;
  products: string[];
  expiresAt: number | null;
  revokedAt: number | null;
}
export interface WRelationship {
  partnerId: string;
  customerId: string;
  state: Exclude<RelState, 'none'>;
}
export interface World {
  k: number;
  now: number;
  tenants: WTenant[];
  users: WUser[];
  grants: WGrant[];
  relationships: WRelationship[];
  callerIndex: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const weighted = <T,>(...pairs: [T, number][]) => fc.oneof(...pairs.map(([value, weight]) => ({ weight, arbitrary: fc.constant(value) })));
const status = weighted<Status>(['active', 12], ['inactive', 1], ['terminated', 1]);

const clientShape = fc.record({
  status,
  packages: fc.subarray([...PACKAGE_IDS]),
  inherits: fc.boolean(),
  allowlist: weighted<string[]>([[], 4], [['10.0.0.0/8'], 1], [['127.0.0.1'], 1]),
  relationship: weighted<RelState>(['approved', 5], ['pending', 1], ['removed', 1], ['none', 1]),
});
const grantShape = fc.option(
  fc.record({
    role: fc.constantFrom<string | null>(null, 'operator', 'admin', 'read_only'),
    platformAdmin: fc.boolean(),
    products: fc.subarray([...PACKAGE_IDS]),
    /** ms from the instant; null: permanent. */
    expiresIn: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: DAY }) }, { weight: 1, arbitrary: fc.integer({ min: -DAY, max: 2000 }) }),
    /** ms before the instant; null: not revoked. */
    revokedAgo: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: DAY }) }),
  }),
  { nil: null, freq: 4 },
);
const partnerShape = fc.record({
  status,
  packages: fc.subarray([...PACKAGE_IDS]),
  clients: fc.array(clientShape, { minLength: 0, maxLength: 3 }),
  userRoles: fc.array(fc.constantFrom('partner_analyst', 'partner_administrator', 'read_only'), { minLength: 1, maxLength: 2 }),
  grants: fc.array(fc.array(grantShape, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 }),
});

export const worldShape = fc.record({
  partners: fc.array(partnerShape, { minLength: 1, maxLength: 3 }),
  spUser: fc.boolean(),
  clientUser: fc.boolean(),
  instant: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
  caller: fc.nat(),
});
export type WorldShape = typeof worldShape extends fc.Arbitrary<infer S> ? S : never;

/** Turns a generated shape into rows with ids `t_w<k>_…` and names `W<k>P<i>C<j> Ltd` (none a prefix of another). */
export function buildWorld(shape: WorldShape, k: number): World {
  const now = shape.instant;
  const sp: WTenant = { id: `t_w${k}_sp`, name: `W${k}SP Ltd`, kind: 'service_provider', parentId: null, status: 'active', packages: [...PACKAGE_IDS], inherits: false, allowlist: [] };
  const tenants: WTenant[] = [sp];
  const users: WUser[] = [];
  const grants: WGrant[] = [];
  const relationships: WRelationship[] = [];
  if (shape.spUser) users.push({ id: `u_w${k}_sp`, email: `sp@w${k}.example`, homeTenantId: sp.id, role: 'sp_support' });
  shape.partners.forEach((p, i) => {
    const partner: WTenant = { id: `t_w${k}_p${i}`, name: `W${k}P${i} Ltd`, kind: 'partner', parentId: sp.id, status: p.status, packages: p.packages, inherits: false, allowlist: [] };
    tenants.push(partner);
    const partnerUsers = p.userRoles.map((role, u) => ({ id: `u_w${k}_p${i}_${u}`, email: `u${u}@w${k}p${i}.example`, homeTenantId: partner.id, role }));
    users.push(...partnerUsers);
    p.clients.forEach((c, j) => {
      const client: WTenant = { id: `t_w${k}_p${i}_c${j}`, name: `W${k}P${i}C${j} Ltd`, kind: 'client', parentId: partner.id, status: c.status, packages: c.packages, inherits: c.inherits, allowlist: c.allowlist };
      tenants.push(client);
      if (c.relationship !== 'none') relationships.push({ partnerId: partner.id, customerId: client.id, state: c.relationship });
      partnerUsers.forEach((u, n) => {
        const g = p.grants[n]?.[j];
        if (!g) return;
        grants.push({
          id: `g_w${k}_p${i}_c${j}_${n}`,
          userId: u.id,
          partnerId: partner.id,
          customerId: client.id,
          role: g.role,
          platformAdmin: g.platformAdmin,
          products: g.products,
          expiresAt: g.expiresIn === null ? null : now + g.expiresIn,
          revokedAt: g.revokedAgo === null ? null : now - g.revokedAgo,
        });
      });
    });
  });
  const firstClient = tenants.find((t) => t.kind === 'client');
  if (shape.clientUser && firstClient) users.push({ id: `u_w${k}_cu`, email: `cu@w${k}.example`, homeTenantId: firstClient.id, role: 'client_portal_read_only' });
  if (users.length === 0) users.push({ id: `u_w${k}_sp`, email: `sp@w${k}.example`, homeTenantId: sp.id, role: 'sp_support' });
    // Partner users (the ones grants are for) are asked about most often.
  const partnerUsers = users.filter((u) => u.id.includes('_p'));
  const pick = shape.caller % 4 !== 0 && partnerUsers.length ? users.indexOf(partnerUsers[shape.caller % partnerUsers.length]!) : shape.caller % users.length;
  return { k, now, tenants, users, grants, relationships, callerIndex: pick };
}
