// GET /v1/me/context: who am I, and every customer I can switch to (and why not, where not).
// Built once per change: the answer is kept serialised (and compressed per coding) until the
// user's context version moves or time reaches the next grant expiry (bff/db/context-cache.ts), so
// an unchanged context costs the session check and one version read, and answers 304 to a
// matching If-None-Match without building anything.
import { createHash } from 'node:crypto';
import { Hono, type TypedResponse } from 'hono';
import type { CustomerEntry, TenantContext } from '../../shared/tenant-context';
import type { AppDeps } from '../deps';
import type { UserWithHome } from '../db/users';
import { listLiveGrants, listRecents } from '../db/grants';
import { toUserFact } from '../db/access-facts';
import { ContextCache, type BuiltContext } from '../db/context-cache';
import { contextVersion, versionReadWith } from '../db/context-versions';
import { toTenantFact } from '../db/tenants';
import { resolveEntry } from '../domain/access';
import { requireCaller } from '../middleware/auth';
import { isoOrNull, toTenantSummary, toUserSummary } from './dto';
import { contentCoding, ifNoneMatchMatches } from './entity-tag';

const RECENTS = 10;

async function buildContext(deps: AppDeps, caller: UserWithHome, version: string, now: Date): Promise<BuiltContext> {
  const db = deps.database.db;
  const [rows, recentRows] = await Promise.all([listLiveGrants(db, caller.user.id), listRecents(db, caller.user.id, RECENTS)]);
  const user = toUserFact(caller.user);
  // Only grants from the caller's own partner are listed, so that partner is the caller's home.
  const partner = toTenantFact(caller.home);
  let validUntil = Infinity;
  const customers = rows.map((row): CustomerEntry => {
    const expiresAt = row.grant.expiresAt?.getTime();
    // The answer holds until the first expiry still ahead flips a customer to not switchable.
    if (expiresAt !== undefined && expiresAt > now.getTime() && expiresAt < validUntil) validUntil = expiresAt;
    const entry = resolveEntry(
      { user, tenant: row.customer, tenantParentId: row.customerParentId, homeRole: null, partner, relationship: row.relationship, grant: row.grant },
      now,
    );
    const blocked = entry.reasons.find((r) => !r.ok);
    return {
      tenant_id: row.customer.id,
      name: row.customer.name,
      status: row.customer.status,
      relationship: row.relationship?.state ?? 'missing',
      switchable: entry.allowed,
      blocked: blocked ? { code: blocked.code, message: blocked.message } : null,
      grant_id: row.grant.id,
      role: row.grant.role,
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
  // above, so JSON.stringify is canonical here; generated_at goes last, as in a spread.
  const json = JSON.stringify(content);
  const digest = createHash('sha256').update(json).digest('base64url');
  const body = Buffer.from(`${json.slice(0, -1)},"generated_at":${JSON.stringify(now.toISOString())}}`);
  return { version, builtAt: now.getTime(), validUntil, digest, body, encoded: {} };
}

export const meRoutes = (deps: AppDeps) => {
  const cache = new ContextCache();
  return new Hono().use(requireCaller(deps)).get('/context', async (c) => {
    const caller = c.get('caller');
    const now = deps.clock();
    const userId = caller.user.id;
    // Read before building (by the session check's user look-up, or here): a write landing during
    // the build makes the next request rebuild.
    const version = versionReadWith(caller) ?? (await contextVersion(deps.database.db, userId));
    let built = cache.fresh(userId, version, now.getTime());
    if (!built) cache.store(userId, (built = await buildContext(deps, caller, version, now)));

    // One strong tag per content coding (RFC 9110 §8.8.3): "<digest>" or "<digest>-gzip".
    const coding = contentCoding(c.req.method, c.req.header('accept-encoding'));
    const etag = `"${built.digest}${coding ? `-${coding}` : ''}"`;
    c.header('ETag', etag);
    // private: the context is the caller's own; no-cache: stored, but always revalidated.
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Accept-Encoding');
    if (ifNoneMatchMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json');
    if (coding) c.header('Content-Encoding', coding);
    const bytes = coding ? cache.encoded(userId, built, coding) : built.body;
    // The body is a TenantContext serialised once (buildContext); typed as such for the hc client.
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200) as unknown as TypedResponse<TenantContext, 200, 'json'>;
  });
};
