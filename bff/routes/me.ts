// GET /v1/me/context: who am I, and every customer I can switch to (and why not, where not).
// Revalidated by ETag: an unchanged context answers 304 instead of 3.2 MB.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createMiddleware } from 'hono/factory';
import type { CustomerEntry, TenantContext } from '../../shared/tenant-context';
import type { AppDeps } from '../deps';
import { listLiveGrants, listRecents } from '../db/grants';
import { toUserFact } from '../db/access-facts';
import { toTenantFact } from '../db/tenants';
import { resolveEntry } from '../domain/access';
import { requireCaller } from '../middleware/auth';
import { isoOrNull, toTenantSummary, toUserSummary } from './dto';
import { CONTENT_CODINGS, contentCoding, entityTag, ifNoneMatchMatches, type ContentCoding } from './entity-tag';

const RECENTS = 10;

const compressors = Object.fromEntries(CONTENT_CODINGS.map((coding) => [coding, compress({ encoding: coding, threshold: 0 })])) as Record<
  ContentCoding,
  ReturnType<typeof compress>
>;

/**
 * hono/compress in exactly the coding contentCoding() picks, so the handler knows the tag of the
 * representation it answers (a 304 must carry the tag a 200 would, RFC 9110 §15.4.5). hono/compress
 * weakens a strong ETag it compresses; ours already names the coding, so it is kept strong.
 */
const compressAsTagged = createMiddleware(async (c, next) => {
  const coding = contentCoding(c.req.method, c.req.header('accept-encoding'));
  if (!coding) return next();
  let etag: string | null = null;
  await compressors[coding](c, async () => {
    await next();
    etag = c.res.headers.get('ETag');
  });
  if (etag !== null && c.res.headers.get('Content-Encoding') === coding) c.res.headers.set('ETag', etag);
});

export const meRoutes = (deps: AppDeps) =>
  // 10,000 customers are 3.2 MB of JSON: gzipped for clients that accept it, 114 KB on the wire.
  new Hono().use(requireCaller(deps)).use(compressAsTagged).get('/context', async (c) => {
    const caller = c.get('caller');
    const now = deps.clock();
    const db = deps.database.db;
    const [rows, recentRows] = await Promise.all([listLiveGrants(db, caller.user.id), listRecents(db, caller.user.id, RECENTS)]);
    const user = toUserFact(caller.user);
    // Only grants from the caller's own partner are listed, so that partner is the caller's home.
    const partner = toTenantFact(caller.home);
    const customers = rows.map((row): CustomerEntry => {
      const entry = resolveEntry(
        { user, tenant: row.customer, tenantParentId: row.customerParentId, homeRole: null, partner, relationship: row.relationship, grant: row.grant },
        now,
      );
      const blocked = entry.reasons.find((r) => !r.ok);
      const role = row.grant.role;
      return {
        tenant_id: row.customer.id,
        name: row.customer.name,
        status: row.customer.status,
        relationship: row.relationship?.state ?? 'missing',
        switchable: entry.allowed,
        blocked: blocked ? { code: blocked.code, message: blocked.message } : null,
        grant_id: row.grant.id,
        role,
        platform_admin: row.grant.platformAdmin,
        products: row.grant.products,
        expires_at: isoOrNull(row.grant.expiresAt),
        last_access_at: isoOrNull(row.grant.lastAccessAt),
      };
    });
    const listed = new Set(customers.map((cu) => cu.tenant_id));
    const content: Omit<TenantContext, 'generated_at'> = {
      user: toUserSummary(caller),
      home_tenant: toTenantSummary(caller.home),
      customers,
      recents: recentRows.filter((r) => listed.has(r.tenantId)).map((r) => ({ tenant_id: r.tenantId, switched_at: r.switchedAt.toISOString() })),
    };
    // The tag hashes everything but generated_at, so it changes with every fact and with time
    // (switchable flips at an expiry) and nothing else. The keys are built in one fixed order just
    // above, so JSON.stringify is canonical here.
    const etag = entityTag(JSON.stringify(content), contentCoding(c.req.method, c.req.header('accept-encoding')));
    c.header('ETag', etag);
    // private: the context is the caller's own; no-cache: stored, but always revalidated.
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Accept-Encoding');
    if (ifNoneMatchMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    const body: TenantContext = { ...content, generated_at: now.toISOString() };
    return c.json(body, 200);
  });
