// GET /v1/partners/:partnerId/customers[/:customerId] and renaming a managed customer (seed 003):
// number of users, products, pending state; searchable, filterable, keyset-paged.
import { Hono } from 'hono';
import {
  customerListQuerySchema,
  customerRenameSchema,
  partnerCustomerParamSchema,
  partnerParamSchema,
  type CustomerDetailResponse,
  type CustomerListResponse,
  type CustomerRow,
} from '../../shared/access-admin';
import type { AppDeps } from '../deps';
import { listPartnerCustomers, renameTenant, type CustomerListRow } from '../db/access-views';
import { partnerGrants } from '../db/grant-admin';
import type { ChainLink } from '../db/tenants';
import { computeEntitlements, enabledPackages } from '../domain/entitlements';
import { encodeCursor } from '../domain/keyset-cursor';
import { requireCaller, type AuthEnv } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { afterCursor, audit, auditRefusals, changeEvent, notFound, requirePermission, viewerOf, visiblePartner, writeAll } from './grants-admin-support';
import { toGrantView } from './grants-admin-dto';

const DEFAULT_LIMIT = 50;

const toRow = (r: CustomerListRow, partnerChain: ChainLink[]): CustomerRow => ({
  id: r.id,
  name: r.name,
  status: r.status,
  relationship: r.relationship && { id: r.relationship.id, version: r.relationship.version, state: r.relationship.state, notify_on_grant_changes: r.relationship.notifyOnGrantChanges },
  pending: r.relationship?.state === 'pending',
  user_count: r.userCount,
  products: [...enabledPackages(computeEntitlements([...partnerChain, { ...r, kind: 'client' }]))].sort(),
});

export const customerViewRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>()
    .use(requireCaller(deps))
    .use(auditRefusals(deps, 'customer'))
    .get('', validate('param', partnerParamSchema), validate('query', customerListQuerySchema), async (c) => {
      const { chain } = await visiblePartner(deps, c, c.req.valid('param').partnerId);
      const query = c.req.valid('query');
      const limit = query.limit ?? DEFAULT_LIMIT;
      const rows = await listPartnerCustomers(deps.database.db, chain[chain.length - 1]!.id, deps.clock(), {
        q: query.q, relationship: query.relationship, after: afterCursor(query.cursor), limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json(
        { customers: page.map((r) => toRow(r, chain)), next_cursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null } satisfies CustomerListResponse,
        200,
      );
    })
    .get('/:customerId', validate('param', partnerCustomerParamSchema), async (c) => {
      const { partnerId, customerId } = c.req.valid('param');
      const { chain } = await visiblePartner(deps, c, partnerId);
      const now = deps.clock();
      const [row] = await listPartnerCustomers(deps.database.db, partnerId, now, { customerId, limit: 1 });
      if (!row) throw notFound('customer');
      const grants = await partnerGrants(deps.database.db, partnerId, { customerIds: [customerId], liveAt: now });
      return c.json({ customer: toRow(row, chain), grants: grants.map((g) => toGrantView(g, now)) } satisfies CustomerDetailResponse, 200);
    })
    .patch('/:customerId', validate('param', partnerCustomerParamSchema), validate('json', customerRenameSchema), async (c) => {
      const { partnerId, customerId } = c.req.valid('param');
      const { chain, own } = await visiblePartner(deps, c, partnerId);
      const now = deps.clock();
      const [row] = await listPartnerCustomers(deps.database.db, partnerId, now, { customerId, limit: 1 });
      if (!row) throw notFound('customer');
      // Partner Platform Administrators rename their managed customers (seed 003).
      if (!own) throw notFound('customer');
      requirePermission(viewerOf(c), ['Clients_Manage'], chain[chain.length - 1]!.name);
      const { name } = c.req.valid('json');
      await writeAll(deps, async (tx) => {
        await renameTenant(tx, customerId, name);
        await audit(tx, [changeEvent(deps, c, { action: 'tenant.rename', tenantId: customerId, before: { name: row.name }, after: { name } })]);
      });
      const [fresh] = await listPartnerCustomers(deps.database.db, partnerId, now, { customerId, limit: 1 });
      return c.json({ customer: toRow(fresh!, chain) }, 200);
    });
