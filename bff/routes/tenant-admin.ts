// /v1/admin/tenants: create and edit partners (MSP_View / MSP_Manage) and clients (Clients_View /
// Clients_Create / Clients_Manage) with seed 000's account fields, packages and add-ons, e-mail
// domain (unique, immutable), IP allow-list, termination by typing the name, status filter; and
// single-use invitations restricted to the domain (seed 002).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  idParamSchema,
  invitationCreateSchema,
  ipAllowlistSchema,
  subscriptionsSchema,
  tenantCreateSchema,
  tenantListQuerySchema,
  terminateSchema,
  tenantUpdateSchema,
  type TenantAdminView,
} from '../../shared/access-admin';
import { CUSTOMER_ROLE_IDS } from '../../shared/catalogue';
import type { AppDeps } from '../deps';
import { domainTaken, insertInvitation, insertTenant, listTenants, setSubscriptions, tenantWithAccount, terminateTenant, updateTenant, upsertAccount, type TenantWithAccount } from '../db/tenant-admin';
import { tenantChain } from '../db/tenants';
import { findUserByEmail } from '../db/users';
import { holds, invitationDomainProblem, tenantPermission, CUSTOMER_ADMIN_ROLE } from '../domain/admin-permissions';
import { computeEntitlements, subscriptionProblems } from '../domain/entitlements';
import { isValidAllowlistEntry } from '../domain/ip-allowlist';
import { requireCaller, type AuthEnv } from '../middleware/auth';
import { ApiError } from '../middleware/errors';
import { validate } from '../middleware/validate';
import { isoOrNull } from './dto';
import { audit, auditRefusals, changeEvent, notFound, requirePermission, viewerOf, writeAll } from './grants-admin-support';

const INVITATION_TTL_MS = 7 * 24 * 3600_000;
const ROLES_BY_KIND = { client: [...CUSTOMER_ROLE_IDS, CUSTOMER_ADMIN_ROLE], partner: ['partner_administrator', 'partner_analyst'] } as Record<string, string[]>;

const toView = ({ tenant: t, account: a, packages, addons }: TenantWithAccount): TenantAdminView => ({
  id: t.id,
  kind: t.kind,
  parent_id: t.parentId,
  name: t.name,
  status: t.status,
  email_domain: t.emailDomain,
  account: {
    name: t.name,
    country: t.country,
    timezone: t.timezone,
    ...(a && {
      alternate_email: a.alternateEmail, notification_email: a.notificationEmail, city: a.city, address: a.address, postal_code: a.postalCode, state: a.state,
      application_server: a.applicationServer, api_server: `https://${a.applicationServer}/api`,
    }),
  },
  packages,
  addons,
  ip_allowlist: t.ipAllowlist,
  created_at: t.createdAt.toISOString(),
});

/** A tenant at or below the caller's home (404 otherwise), once the caller holds `action` for its kind. */
async function scoped(deps: AppDeps, c: Context<AuthEnv>, id: string, action: 'view' | 'manage') {
  const chain = await tenantChain(deps.database.db, id);
  const viewer = viewerOf(c);
  if (!chain.length || !chain.some((t) => t.id === viewer.homeTenantId) || viewer.homeKind === 'client') throw notFound('tenant');
  const row = (await tenantWithAccount(deps.database.db, id))!;
  requirePermission(viewer, [tenantPermission(row.tenant.kind, action)], row.tenant.name);
  return { row, chain };
}

/** Packages and add-ons checked against the parent's (seed 001: never more than the parent). */
async function checkSubscriptions(deps: AppDeps, parentId: string, facts: { id: string; name: string; kind: 'partner' | 'client'; packages: string[]; addons: string[] }) {
  const parentChain = await tenantChain(deps.database.db, parentId);
  const problems = subscriptionProblems({ ...facts, inheritsSubscriptions: false }, parentChain.length ? computeEntitlements(parentChain) : null);
  if (problems.length) throw new ApiError(400, 'invalid_request', problems.join('; '));
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export const tenantAdminRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>()
    .use(requireCaller(deps))
    .use(auditRefusals(deps, 'tenant'))
    .get('', validate('query', tenantListQuerySchema), async (c) => {
      const q = c.req.valid('query');
      const viewer = viewerOf(c);
      const parentId = q.parent_id ?? viewer.homeTenantId;
      const parentChain = await tenantChain(deps.database.db, parentId);
      if (!parentChain.some((t) => t.id === viewer.homeTenantId) || viewer.homeKind === 'client') throw notFound('tenant');
      requirePermission(viewer, [tenantPermission(q.kind, 'view')]);
      const rows = await listTenants(deps.database.db, { parentId, kind: q.kind, status: q.status ?? 'active', q: q.q });
      return c.json({ tenants: rows.map(toView) }, 200);
    })
    .post('', validate('json', tenantCreateSchema), async (c) => {
      const body = c.req.valid('json');
      const viewer = viewerOf(c);
      const parentChain = await tenantChain(deps.database.db, body.parent_id);
      const parent = parentChain[parentChain.length - 1];
      if (!parent || !parentChain.some((t) => t.id === viewer.homeTenantId) || viewer.homeKind === 'client') throw notFound('parent tenant');
      requirePermission(viewer, [tenantPermission(body.kind, 'create')], parent.name);
      const expectedParent = body.kind === 'partner' ? 'service_provider' : 'partner';
      if (parent.kind !== expectedParent || parent.status !== 'active') throw new ApiError(400, 'invalid_request', `a ${body.kind} belongs to an active ${expectedParent.replace('_', ' ')}`);
      const id = `t_${randomUUID()}`;
      const { account: a } = body;
      await checkSubscriptions(deps, body.parent_id, { id, name: a.name, kind: body.kind, packages: body.packages, addons: body.addons });
      if (await domainTaken(deps.database.db, body.email_domain)) throw new ApiError(409, 'conflict', `the e-mail domain ${body.email_domain} already belongs to another tenant`);
      await writeAll(deps, async (tx) => {
        await insertTenant(
          tx,
          { id, kind: body.kind, parentId: body.parent_id, name: a.name, country: a.country, timezone: a.timezone, emailDomain: body.email_domain, createdAt: deps.clock() },
          { tenantId: id, alternateEmail: a.alternate_email, notificationEmail: a.notification_email, city: a.city, address: a.address, postalCode: a.postal_code, state: a.state, applicationServer: a.application_server },
        );
        await setSubscriptions(tx, id, body.packages, body.addons);
        const after = (await tenantWithAccount(tx, id))!;
        await audit(tx, [changeEvent(deps, c, { action: `tenant.create`, tenantId: id, before: null, after: toView(after) })]);
      });
      return c.json({ tenant: toView((await tenantWithAccount(deps.database.db, id))!) }, 201);
    })
    .get('/:id', validate('param', idParamSchema), async (c) => {
      const { row } = await scoped(deps, c, c.req.valid('param').id, 'view');
      return c.json({ tenant: toView(row) }, 200);
    })
    .patch('/:id', validate('param', idParamSchema), validate('json', tenantUpdateSchema), async (c) => {
      const { row } = await scoped(deps, c, c.req.valid('param').id, 'manage');
      const { account: a } = c.req.valid('json');
      const t = row.tenant;
      const current = row.account;
      const merged = {
        alternateEmail: a.alternate_email ?? current?.alternateEmail, notificationEmail: a.notification_email ?? current?.notificationEmail, city: a.city ?? current?.city,
        address: a.address ?? current?.address, postalCode: a.postal_code ?? current?.postalCode, state: a.state ?? current?.state, applicationServer: a.application_server ?? current?.applicationServer,
      };
      const accountTouched = Object.keys(a).some((k) => !['name', 'country', 'timezone'].includes(k));
      if (accountTouched && Object.values(merged).some((v) => v === undefined)) throw new ApiError(400, 'invalid_request', `${t.name} has no account details yet: send every account field once`);
      await writeAll(deps, async (tx) => {
        await updateTenant(tx, t.id, { ...(a.name && { name: a.name }), ...(a.country && { country: a.country }), ...(a.timezone && { timezone: a.timezone }) });
        if (accountTouched) await upsertAccount(tx, { tenantId: t.id, ...(merged as { [K in keyof typeof merged]: string }) });
        await audit(tx, [changeEvent(deps, c, { action: 'tenant.update', tenantId: t.id, before: toView(row), after: toView((await tenantWithAccount(tx, t.id))!) })]);
      });
      return c.json({ tenant: toView((await tenantWithAccount(deps.database.db, t.id))!) }, 200);
    })
    .put('/:id/subscriptions', validate('param', idParamSchema), validate('json', subscriptionsSchema), async (c) => {
      const { row } = await scoped(deps, c, c.req.valid('param').id, 'manage');
      const { packages, addons } = c.req.valid('json');
      const t = row.tenant;
      if (t.kind === 'service_provider' || !t.parentId) throw notFound('tenant');
      // Subscriptions are set from above: a partner never raises its own (seed 001).
      if (t.id === c.get('caller').home.id) throw new ApiError(403, 'forbidden', `${t.name}'s packages and add-ons are set by the tenant above it`);
      await checkSubscriptions(deps, t.parentId, { id: t.id, name: t.name, kind: t.kind, packages, addons });
      await writeAll(deps, async (tx) => {
        await setSubscriptions(tx, t.id, [...new Set(packages)], [...new Set(addons)]);
        await audit(tx, [changeEvent(deps, c, { action: 'tenant.subscriptions', tenantId: t.id, before: { packages: row.packages, addons: row.addons }, after: { packages, addons } })]);
      });
      return c.json({ tenant: toView((await tenantWithAccount(deps.database.db, t.id))!) }, 200);
    })
    .put('/:id/ip-allowlist', validate('param', idParamSchema), validate('json', ipAllowlistSchema), async (c) => {
      const { row } = await scoped(deps, c, c.req.valid('param').id, 'manage');
      const { entries } = c.req.valid('json');
      const bad = entries.filter((e) => !isValidAllowlistEntry(e));
      if (bad.length) throw new ApiError(400, 'invalid_request', `not an IP address or CIDR range: ${bad.join(', ')}`);
      await writeAll(deps, async (tx) => {
        await updateTenant(tx, row.tenant.id, { ipAllowlist: entries });
        await audit(tx, [changeEvent(deps, c, { action: 'tenant.ip_allowlist', tenantId: row.tenant.id, before: row.tenant.ipAllowlist, after: entries })]);
      });
      return c.json({ tenant: toView((await tenantWithAccount(deps.database.db, row.tenant.id))!) }, 200);
    })
    .post('/:id/terminate', validate('param', idParamSchema), validate('json', terminateSchema), async (c) => {
      const { row } = await scoped(deps, c, c.req.valid('param').id, 'manage');
      const t = row.tenant;
      if (t.id === c.get('caller').home.id || t.kind === 'service_provider') throw new ApiError(400, 'invalid_request', 'you cannot terminate your own tenant');
      if (t.status === 'terminated') throw new ApiError(409, 'conflict', `${t.name} is already terminated`);
      if (c.req.valid('json').confirm_name !== t.name) throw new ApiError(400, 'invalid_request', `type the name exactly as shown ("${t.name}") to confirm the termination`);
      const revoked = await writeAll(deps, async (tx) => {
        const ids = await terminateTenant(tx, t.id, t.kind, deps.clock());
        await audit(tx, [changeEvent(deps, c, { action: 'tenant.terminate', tenantId: t.id, before: { status: t.status }, after: { status: 'terminated' }, extra: { revoked_grant_ids: ids } })]);
        return ids;
      });
      return c.json({ tenant: toView((await tenantWithAccount(deps.database.db, t.id))!), revoked_grant_ids: revoked }, 200);
    })
    .post('/:id/invitations', validate('param', idParamSchema), validate('json', invitationCreateSchema), async (c) => {
      const id = c.req.valid('param').id;
      const viewer = viewerOf(c);
      // A customer's own Platform Administrator invites into it too (seed 002's organisation admin).
      const own = viewer.homeTenantId === id && holds(viewer, 'Platform Administrator');
      const row = own ? (await tenantWithAccount(deps.database.db, id))! : (await scoped(deps, c, id, 'manage')).row;
      const { email, role } = c.req.valid('json');
      const address = email.toLowerCase();
      const problem = invitationDomainProblem(address, row.tenant.emailDomain);
      if (problem) throw new ApiError(400, 'invalid_request', problem);
      if (!(ROLES_BY_KIND[row.tenant.kind] ?? []).includes(role)) throw new ApiError(400, 'invalid_request', `role ${role} cannot be given in a ${row.tenant.kind}`);
      if (row.tenant.status !== 'active') throw new ApiError(409, 'conflict', `${row.tenant.name} is ${row.tenant.status}`);
      if (await findUserByEmail(deps.database.db, address)) throw new ApiError(409, 'conflict', `${address} already has an account`);
      const token = randomBytes(32).toString('base64url');
      const now = deps.clock();
      const invitation = { id: `i_${randomUUID()}`, tenantId: id, email: address, role, tokenHash: tokenHash(token), createdBy: c.get('caller').user.id, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS), usedAt: null };
      await writeAll(deps, async (tx) => {
        await insertInvitation(tx, invitation);
        await audit(tx, [changeEvent(deps, c, { action: 'invitation.create', tenantId: id, before: null, after: { id: invitation.id, email: address, role, expires_at: invitation.expiresAt.toISOString() } })]);
      });
      return c.json({ id: invitation.id, email: address, tenant_id: id, role, token, expires_at: isoOrNull(invitation.expiresAt)! }, 201);
    });

export { tokenHash as invitationTokenHash };
