// The white-label branding contract (issue 16): seed 000's site and login-page branding plus seed
// 004's white-labelled client portal (company name, custom URL), per partner and per client.
//
// Decisions for both sides (BFF and extension editor):
// - This file is the wire contract (zod only). The rules shared by the BFF and the editor live in
//   `shared/branding-rules.ts` (zod only too): text checks, image checks over `ImageFacts`, the
//   contrast warning, inheritance (`effectiveBranding`) and the change summary (`brandingChanges`).
//   Rules that need a library take it as a parameter (`ColourTools`: culori's parse/formatHex and
//   wcagContrast), and image rules take facts, not bytes: each side sniffs with image-size itself
//   (the extension on the dropped File, the BFF on the upload, which also decodes fully with pngjs /
//   jpeg-js so a corrupt or truncated file is refused). Same thresholds and messages on both sides.
// - Colours are stored as lowercase `#rrggbb` (culori's formatHex of whatever was typed), so nothing
//   but a hex colour ever reaches a stylesheet.
// - `null` for a field means "not set here: inherit". A client inherits its partner's published
//   value per field (and a partner its service provider's), see `effectiveBranding`.
// - Drafts are per (tenant, author): nobody sees another admin's unpublished edits, and a publish
//   that loses a race (409) keeps its author's draft intact.
// - Publishing and rollback carry `expected_version` (the tenant's published version the caller
//   saw; 0 for none). A stale one answers 409 with the current state (`brandingConflictSchema`).
// - Routes: GET /v1/branding/:tenantId (editor view), GET …/published (what users see; also open to
//   the console with its client credentials), PUT/DELETE …/draft, POST …/images (multipart
//   `field` + `file`), GET …/images/:imageId (stored Content-Type, nosniff), GET …/changes?version=
//   (before publish or rollback), POST …/publish, POST …/rollback. See docs/branding.md.
import * as z from 'zod/mini';
import { instantSchema, tenantSummarySchema } from './common';
import { errorBodySchema } from './errors';
import { brandingFieldSchema, brandingImageFieldSchema, brandingImageSchema, brandingInputSchema, brandingIssueSchema, brandingReportSchema, brandingValuesSchema } from './branding-fields';

export * from './branding-fields';

const personSchema = z.object({ id: z.string(), email: z.string() });
const sourceSchema = z.nullable(z.object({ id: z.string(), name: z.string() }));
const versionNumber = z.int().check(z.positive('a version is at least 1'));
const baseVersion = z.int().check(z.nonnegative('a version is 0 or more'));

/** A published version of one tenant's own values; history is a list of these, newest first. */
export const brandingVersionSchema = z.object({
  version: versionNumber,
  values: brandingValuesSchema,
  published_at: instantSchema,
  published_by: personSchema,
  action: z.enum(['publish', 'rollback']),
  /** For a rollback: the version whose values it restored. */
  restored_version: z.nullable(versionNumber),
});
export type BrandingVersion = z.infer<typeof brandingVersionSchema>;

/** The caller's own unpublished edits for one tenant. */
export const brandingDraftSchema = z.object({
  /** The published version the draft was edited from (0: none yet). */
  base_version: baseVersion,
  values: brandingValuesSchema,
  updated_at: instantSchema,
  report: brandingReportSchema,
});
export type BrandingDraft = z.infer<typeof brandingDraftSchema>;

/** Each field as users see it, with the tenant whose value it is (null: nobody set it, the console's default). */
export const effectiveBrandingSchema = z.object({
  values: brandingValuesSchema,
  sources: z.record(brandingFieldSchema, sourceSchema),
});
export type EffectiveBranding = z.infer<typeof effectiveBrandingSchema>;

/** Why the caller may or may not edit; `missing_permission` names what a refusal lacks. */
export const brandingEditRightSchema = z.object({
  allowed: z.boolean(),
  missing_permission: z.nullable(z.enum(['MSP_Manage', 'Platform Administrator'])),
  reason: z.string(),
});
export type BrandingEditRight = z.infer<typeof brandingEditRightSchema>;

/** GET /v1/branding/:tenantId: everything the editor needs. */
export const brandingViewSchema = z.object({
  tenant: tenantSummarySchema,
  /** The tenant whose branding this one inherits per field (the partner of a client), if any. */
  parent: z.nullable(tenantSummarySchema),
  /** This tenant's current published version (its own values), or null when it never published. */
  published: z.nullable(brandingVersionSchema),
  /** What every field resolves to without this tenant's own values: what an override replaces. */
  inherited: effectiveBrandingSchema,
  /** What users see now. */
  effective: effectiveBrandingSchema,
  report: brandingReportSchema,
  /** The caller's draft, or null. */
  draft: z.nullable(brandingDraftSchema),
  history: z.array(brandingVersionSchema),
  edit: brandingEditRightSchema,
});
export type BrandingView = z.infer<typeof brandingViewSchema>;

/** GET /v1/branding/:tenantId/published: what the console renders (inheritance resolved). */
export const publishedBrandingSchema = z.object({
  tenant_id: z.string(),
  values: brandingValuesSchema,
  /** Changes whenever any published version along the chain changes (an ETag for the console). */
  revision: z.string(),
});
export type PublishedBranding = z.infer<typeof publishedBrandingSchema>;

export const brandingDraftRequestSchema = z.strictObject({
  base_version: baseVersion,
  values: brandingInputSchema,
});
export type BrandingDraftRequest = z.infer<typeof brandingDraftRequestSchema>;

/** Multipart form of POST /v1/branding/:tenantId/images. The file's name and declared type are ignored: content decides. */
export const brandingImageFormSchema = z.object({
  field: brandingImageFieldSchema,
  file: z.instanceof(Blob, { error: 'attach the image as the form field `file`' }),
});
export type BrandingImageForm = z.infer<typeof brandingImageFormSchema>;

/** 201 answer of an upload: the stored image and its warnings (errors refuse the upload). */
export const brandingImageUploadSchema = z.object({ image: brandingImageSchema, issues: z.array(brandingIssueSchema) });
export type BrandingImageUpload = z.infer<typeof brandingImageUploadSchema>;

/** One line of the summary shown before publish or rollback: the field as users see it, before and after. */
export const brandingChangeSchema = z.object({
  field: brandingFieldSchema,
  label: z.string(),
  old: z.nullable(z.union([z.string(), brandingImageSchema])),
  new: z.nullable(z.union([z.string(), brandingImageSchema])),
});
export type BrandingChange = z.infer<typeof brandingChangeSchema>;

/** GET /v1/branding/:tenantId/changes?version=N (rollback target) or without it (the caller's draft). */
export const brandingChangesQuerySchema = z.object({
  version: z.optional(z.coerce.number().check(z.int('a version is a whole number'), z.positive('a version is at least 1'), z.lte(1_000_000, 'a version is at most 1000000'))),
});
export const brandingChangesSchema = z.object({
  /** The published version the changes apply to (0: none yet); send it back as `expected_version`. */
  expected_version: baseVersion,
  changes: z.array(brandingChangeSchema),
  report: brandingReportSchema,
});
export type BrandingChanges = z.infer<typeof brandingChangesSchema>;

export const brandingPublishRequestSchema = z.strictObject({ expected_version: baseVersion });
export const brandingRollbackRequestSchema = z.strictObject({
  to_version: versionNumber,
  expected_version: versionNumber,
});

/** 200 answer of publish and rollback. */
export const brandingPublishedSchema = z.object({ published: brandingVersionSchema, changes: z.array(brandingChangeSchema) });
export type BrandingPublished = z.infer<typeof brandingPublishedSchema>;

/** 409 of publish and rollback: someone published first. `current` is the view as it now stands. */
export const brandingConflictSchema = z.object({ ...errorBodySchema.shape, ...{ current: brandingViewSchema } });
export type BrandingConflict = z.infer<typeof brandingConflictSchema>;

/** 400 of a draft or upload refused for its content: the findings, in the editor's shape. */
export const brandingRefusalSchema = z.object({ ...errorBodySchema.shape, ...{ issues: z.array(brandingIssueSchema) } });
export type BrandingRefusal = z.infer<typeof brandingRefusalSchema>;
