// /v1/branding/:tenantId: the editor's view, what users see (also read by the console with its
// client credentials), stored images, and the change summary before publish or rollback. The
// writes are chained from branding-edits.ts. Mounted before the app's /v1 body limit: the writes
// set their own (images are larger than JSON).
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { BRANDING_IMAGE_FIELDS, brandingChangesQuerySchema, type BrandingChanges, type BrandingView, type PublishedBranding } from '../../shared/branding';
import { brandingChanges, brandingReport } from '../../shared/branding-rules';
import { idSchema } from '../../shared/common';
import type { AppDeps } from '../deps';
import { imageWithBytes } from '../db/branding';
import type { BrandingReader } from '../db/branding-facts';
import { buildBrandingView, currentVersion, effectiveFor } from '../domain/branding-view';
import { rateLimitKeyForIp } from '../domain/ip-allowlist';
import { requireCaller, type AuthEnv } from '../middleware/auth';
import { ApiError } from '../middleware/errors';
import { validate } from '../middleware/validate';
import { colourTools } from './branding-inspect';
import { brandingEditRoutes, contextOr404 } from './branding-edits';

/** Failed client authentications per address per minute, counted with those of introspection and revocation. */
const CLIENT_AUTH_FAILURES_PER_MINUTE = 30;

const tenantParam = z.object({ tenantId: idSchema });
const imageParam = z.object({ tenantId: idSchema, imageId: idSchema });

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding. */
function basicCredentials(encoded: string): { id: string; secret: string } | undefined {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

type ReaderEnv = { Variables: { reader: BrandingReader } };

const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** A signed-in user (Bearer), or the console as its confidential client (HTTP Basic), which may read what is published. */
const brandingReader = (deps: AppDeps) => {
  const user = requireCaller(deps);
  return createMiddleware<ReaderEnv & AuthEnv>(async (c, next) => {
    const basic = c.req.header('authorization')?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i)?.[1];
    if (!basic) {
      // requireCaller is typed for its own environment; this one extends it.
      return user(c as unknown as Context<AuthEnv>, async () => {
        c.set('reader', { kind: 'user', caller: c.get('caller') });
        await next();
      });
    }
    const key = `oauth-auth-failures:${rateLimitKeyForIp(deps.clientIp(c))}`;
    const wait = await deps.rateLimiter.blockedFor(key, CLIENT_AUTH_FAILURES_PER_MINUTE);
    if (wait !== null) throw new ApiError(429, 'rate_limited', 'too many failed authentications from this address; retry later', { 'Retry-After': String(wait) });
    const { id, secret } = deps.config.consoleClient;
    const given = basicCredentials(basic);
    if (!given || given.id !== id || !sameSecret(given.secret, secret)) {
      await deps.rateLimiter.hit(key, CLIENT_AUTH_FAILURES_PER_MINUTE);
      throw new ApiError(401, 'unauthorized', 'client authentication failed', { 'WWW-Authenticate': 'Basic realm="switchboard", Bearer realm="switchboard"' });
    }
    c.set('reader', { kind: 'console' });
    await next();
  });
};

export const brandingRoutes = (deps: AppDeps) => {
  const reader = brandingReader(deps);
  return new Hono()
    .get('/:tenantId', requireCaller(deps), validate('param', tenantParam), async (c) => {
      const context = await contextOr404(deps, { kind: 'user', caller: c.get('caller') }, c.req.valid('param').tenantId);
      return c.json(buildBrandingView(context.facts, context.edit!, colourTools) satisfies BrandingView, 200);
    })
    .get('/:tenantId/published', reader, validate('param', tenantParam), async (c) => {
      const context = await contextOr404(deps, c.get('reader'), c.req.valid('param').tenantId);
      const revision = context.chain.map((t) => `${t.id}@${context.facts.current.get(t.id)?.version ?? 0}`).join(',');
      c.header('Cache-Control', 'private, no-cache');
      return c.json({ tenant_id: context.tenant.id, values: effectiveFor(context.facts).values, revision } satisfies PublishedBranding, 200);
    })
    .get('/:tenantId/images/:imageId', reader, validate('param', imageParam), async (c) => {
      const { tenantId, imageId } = c.req.valid('param');
      const context = await contextOr404(deps, c.get('reader'), tenantId);
      const image = await imageWithBytes(deps.database.db, imageId);
      // What users see is readable by every reader; any image of the chain by those who may edit.
      const effective = effectiveFor(context.facts).values;
      const published = BRANDING_IMAGE_FIELDS.some((f) => effective[f]?.id === imageId);
      const inChain = !!image && context.chain.some((t) => t.id === image.tenantId);
      if (!image || !inChain || !(published || context.edit?.allowed)) throw new ApiError(404, 'not_found', 'no such image');
      return c.body(new Uint8Array(image.data), 200, {
        'Content-Type': image.content_type,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'",
        'Cache-Control': 'private, max-age=86400',
      });
    })
    .get('/:tenantId/changes', requireCaller(deps), validate('param', tenantParam), validate('query', brandingChangesQuerySchema), async (c) => {
      const context = await contextOr404(deps, { kind: 'user', caller: c.get('caller') }, c.req.valid('param').tenantId);
      const { version } = c.req.valid('query');
      const { facts } = context;
      const target = version === undefined ? facts.draft : facts.history.find((v) => v.version === version);
      if (!target) throw new ApiError(404, 'not_found', version === undefined ? 'you have no draft of this branding' : `no version ${version} of ${context.tenant.name}'s branding`);
      const after = effectiveFor(facts, target.values).values;
      return c.json(
        {
          expected_version: currentVersion(facts),
          changes: brandingChanges(effectiveFor(facts).values, after),
          report: brandingReport(after, colourTools),
        } satisfies BrandingChanges,
        200,
      );
    })
    .route('/', brandingEditRoutes(deps));
};
