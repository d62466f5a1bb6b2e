// The writes of /v1/branding/:tenantId: the caller's draft, image uploads, publish and rollback.
// Each needs MSP_Manage on the partner or Platform Administrator on the customer (the refusal
// names it); publish and rollback append a version only when `expected_version` is still current.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import {
  BRANDING_FIELD_LABELS,
  BRANDING_IMAGE_FIELDS,
  BRANDING_LIMITS,
  brandingDraftRequestSchema,
  brandingImageFormSchema,
  brandingPublishRequestSchema,
  brandingRollbackRequestSchema,
  type BrandingConflict,
  type BrandingDraft,
  type BrandingImageUpload,
  type BrandingIssue,
  type BrandingPublished,
  type BrandingRefusal,
} from '../../shared/branding';
import { brandingChanges, checkImage, checkTextInput, imageContentType } from '../../shared/branding-rules';
import { idSchema } from '../../shared/common';
import type { AppDeps } from '../deps';
import { recordAudit } from '../db/audit';
import { appendVersion, deleteDraft, imagesByIds, insertImage, saveDraft } from '../db/branding';
import { brandingImageUrl, loadBrandingContext, type BrandingContext, type BrandingReader } from '../db/branding-facts';
import type { StoredBrandingValues } from '../domain/branding-values';
import { buildBrandingView, currentVersion, effectiveFor, toDraftDto, toVersionDto, type StoredVersion } from '../domain/branding-view';
import { requireCaller } from '../middleware/auth';
import { ApiError, errorBody } from '../middleware/errors';
import { validate } from '../middleware/validate';
import { colourTools, inspectImage } from './branding-inspect';

const UNKNOWN_TENANT = 'no such tenant, or no access to it';
const MAX_JSON_BYTES = 64 * 1024;
/** Past this the body is not even read (413 without findings); up to it an over-size image is refused with its reason. */
const MAX_UPLOAD_BYTES = 2 * BRANDING_LIMITS.imageMaxBytes + 64 * 1024;
const tenantParam = z.object({ tenantId: idSchema });

const limit = (maxSize: number, what: string) =>
  bodyLimit({ maxSize, onError: (c) => c.json(errorBody('invalid_request', `${what} over ${maxSize} bytes`), 413) });

/** The tenant's branding context, or the 404 an unknown tenant gets. */
export async function contextOr404(deps: AppDeps, reader: BrandingReader, tenantId: string): Promise<BrandingContext> {
  const context = await loadBrandingContext(deps.database.db, reader, tenantId, deps.clock());
  if (!context) throw new ApiError(404, 'not_found', UNKNOWN_TENANT);
  return context;
}

const refusal = (c: Context, message: string, issues: BrandingIssue[], status: 400 | 413 = 400) =>
  c.json({ ...errorBody('invalid_request', message, issues.map((i) => ({ path: i.field, message: i.message }))), issues } satisfies BrandingRefusal, status);

export const brandingEditRoutes = (deps: AppDeps) => {
  const db = deps.database.db;
  /** The context of a tenant the caller may edit; 404 when unseen, 403 naming the missing permission (audited for publish and rollback). */
  async function editable(c: Context, tenantId: string, action?: string): Promise<BrandingContext & { callerId: string }> {
    const caller = c.get('caller');
    const context = await contextOr404(deps, { kind: 'user', caller }, tenantId);
    if (!context.edit!.allowed) {
      if (action) {
        await deps.database.write((tx) =>
          recordAudit(tx, { at: deps.clock(), action, outcome: 'failure', actorUserId: caller.user.id, tenantId, ip: deps.clientIp(c) ?? null, reason: context.edit!.reason }),
        );
      }
      throw new ApiError(403, 'forbidden', context.edit!.reason);
    }
    return { ...context, callerId: caller.user.id };
  }

  /** Appends a version (publish or rollback) and audits it, or answers 409 with the view as it now stands. */
  async function append(c: Context, context: BrandingContext & { callerId: string }, action: 'publish' | 'rollback', values: StoredBrandingValues, expected: number, restored: number | null) {
    const now = deps.clock();
    const { tenant, facts } = context;
    const changes = brandingChanges(effectiveFor(facts).values, effectiveFor(facts, values).values);
    const ip = deps.clientIp(c) ?? null;
    const result = await deps.database.write(async (tx) => {
      const appended = await appendVersion(tx, { tenantId: tenant.id, expected, values, action, restoredVersion: restored, userId: context.callerId, at: now });
      const detail = { expected_version: expected, fields: changes.map((ch) => ch.field), ...(restored ? { restored_version: restored } : {}) };
      if (!appended.ok) {
        await recordAudit(tx, { at: now, action: `branding.${action}`, outcome: 'failure', actorUserId: context.callerId, tenantId: tenant.id, ip, reason: `version ${appended.current} is current, not ${expected}`, detail });
        return appended;
      }
      if (action === 'publish') await deleteDraft(tx, tenant.id, context.callerId);
      await recordAudit(tx, { at: now, action: `branding.${action}`, outcome: 'success', actorUserId: context.callerId, tenantId: tenant.id, ip, reason: null, detail: { ...detail, version: appended.version } });
      return appended;
    });
    if (!result.ok) {
      const current = await contextOr404(deps, { kind: 'user', caller: c.get('caller') }, tenant.id);
      const message = `version ${result.current} of ${tenant.name}'s branding was published meanwhile (you expected ${expected}); review the changes and try again`;
      return c.json({ ...errorBody('conflict', message), current: buildBrandingView(current.facts, current.edit!, colourTools) } satisfies BrandingConflict, 409);
    }
    const caller = c.get('caller');
    const version: StoredVersion = { version: result.version, values, action, restoredVersion: restored, publishedAt: now, publishedBy: { id: caller.user.id, email: caller.user.email } };
    return c.json({ published: toVersionDto(version, facts.images), changes } satisfies BrandingPublished, 200);
  }

  return new Hono()
    .use(requireCaller(deps))
    .put('/:tenantId/draft', limit(MAX_JSON_BYTES, 'request body'), validate('param', tenantParam), validate('json', brandingDraftRequestSchema), async (c) => {
      const context = await editable(c, c.req.valid('param').tenantId);
      const body = c.req.valid('json');
      const { text, issues } = checkTextInput(body.values, colourTools);
      const wanted = BRANDING_IMAGE_FIELDS.map((f) => [f, body.values[f] ?? null] as const);
      const found = new Map((await imagesByIds(db, wanted.flatMap(([, id]) => (id ? [id] : [])))).map((i) => [i.id, i]));
      for (const [field, id] of wanted) {
        const image = id ? found.get(id) : undefined;
        if (id && (!image || image.tenantId !== context.tenant.id || image.field !== field)) {
          issues.push({ field, severity: 'error', code: 'image_unknown', message: `${BRANDING_FIELD_LABELS[field]}: no such image uploaded for ${context.tenant.name}; upload it first` });
        }
      }
      if (issues.some((i) => i.severity === 'error')) return refusal(c, 'the draft was not saved: fix the errors listed in `issues`', issues);
      const values = { ...text, ...Object.fromEntries(wanted) } as StoredBrandingValues;
      const draft = { baseVersion: body.base_version, values, updatedAt: deps.clock() };
      await deps.database.write((tx) => saveDraft(tx, context.tenant.id, context.callerId, draft));
      const images = new Map(context.facts.images);
      for (const { tenantId: _owner, ...image } of found.values()) images.set(image.id, { ...image, url: brandingImageUrl(context.tenant.id, image.id) });
      return c.json(toDraftDto({ ...context.facts, draft, images }, colourTools) satisfies BrandingDraft | null, 200);
    })
    .delete('/:tenantId/draft', validate('param', tenantParam), async (c) => {
      const context = await editable(c, c.req.valid('param').tenantId);
      await deps.database.write((tx) => deleteDraft(tx, context.tenant.id, context.callerId));
      return c.body(null, 204);
    })
    .post('/:tenantId/images', limit(MAX_UPLOAD_BYTES, 'upload'), validate('param', tenantParam), validate('form', brandingImageFormSchema), async (c) => {
      const context = await editable(c, c.req.valid('param').tenantId);
      const { field, file } = c.req.valid('form');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const facts = inspectImage(bytes);
      const issues = checkImage(field, facts);
      const contentType = imageContentType(facts.type);
      if (issues.some((i) => i.severity === 'error') || !contentType || !facts.width || !facts.height) {
        return refusal(c, `the image was not stored: ${issues.find((i) => i.severity === 'error')?.message ?? 'unreadable'}`, issues, facts.bytes > BRANDING_LIMITS.imageMaxBytes ? 413 : 400);
      }
      const meta = { id: randomUUID(), field, content_type: contentType, width: facts.width, height: facts.height, bytes: facts.bytes, sha256: facts.sha256 };
      await deps.database.write((tx) =>
        insertImage(tx, { ...meta, contentType, tenantId: context.tenant.id, data: Buffer.from(bytes), uploadedBy: context.callerId, uploadedAt: deps.clock() }),
      );
      const image = { ...meta, url: brandingImageUrl(context.tenant.id, meta.id) };
      return c.json({ image, issues } satisfies BrandingImageUpload, 201);
    })
    .post('/:tenantId/publish', limit(MAX_JSON_BYTES, 'request body'), validate('param', tenantParam), validate('json', brandingPublishRequestSchema), async (c) => {
      const context = await editable(c, c.req.valid('param').tenantId, 'branding.publish');
      const { draft } = context.facts;
      if (!draft) throw new ApiError(400, 'invalid_request', 'you have no draft of this branding to publish: save one first (PUT …/draft)');
      return append(c, context, 'publish', draft.values, c.req.valid('json').expected_version, null);
    })
    .post('/:tenantId/rollback', limit(MAX_JSON_BYTES, 'request body'), validate('param', tenantParam), validate('json', brandingRollbackRequestSchema), async (c) => {
      const context = await editable(c, c.req.valid('param').tenantId, 'branding.rollback');
      const { to_version, expected_version } = c.req.valid('json');
      const target = context.facts.history.find((v) => v.version === to_version);
      if (!target) throw new ApiError(404, 'not_found', `no version ${to_version} of ${context.tenant.name}'s branding`);
      if (to_version >= currentVersion(context.facts)) throw new ApiError(400, 'invalid_request', `version ${to_version} is the current one; roll back to an earlier version`);
      return append(c, context, 'rollback', target.values, expected_version, to_version);
    });
};
