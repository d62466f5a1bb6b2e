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
import { z } from 'zod';
import { idSchema, instantSchema, tenantSummarySchema } from './common';
import { errorBodySchema } from './errors';

export const BRANDING_TEXT_FIELDS = [
  'website_title',
  'documentation_url',
  'login_header',
  'login_subheader',
  'text_colour',
  'background_colour',
  'company_name',
  'portal_url',
] as const;
export const BRANDING_IMAGE_FIELDS = ['logo', 'favicon', 'background_image'] as const;
export const BRANDING_FIELDS = [...BRANDING_TEXT_FIELDS, ...BRANDING_IMAGE_FIELDS] as const;

export const brandingTextFieldSchema = z.enum(BRANDING_TEXT_FIELDS);
export const brandingImageFieldSchema = z.enum(BRANDING_IMAGE_FIELDS);
export const brandingFieldSchema = z.enum(BRANDING_FIELDS);
export type BrandingTextField = z.infer<typeof brandingTextFieldSchema>;
export type BrandingImageField = z.infer<typeof brandingImageFieldSchema>;
export type BrandingField = z.infer<typeof brandingFieldSchema>;

/** The names seed 000 (site and login page) and seed 004 (client portal) give the fields. */
export const BRANDING_FIELD_LABELS: Record<BrandingField, string> = {
  website_title: 'Website title',
  documentation_url: 'Documentation URL',
  login_header: 'Login page header',
  login_subheader: 'Login page sub-header',
  text_colour: 'Text colour',
  background_colour: 'Background colour',
  company_name: 'Client portal company name',
  portal_url: 'Client portal custom URL',
  logo: 'Logo',
  favicon: 'Favicon',
  background_image: 'Background image',
};

/** Limits of seed 000 (logo, favicon, background image) and ours (text lengths, hard image caps). */
export const BRANDING_LIMITS = {
  /** Characters of each text field. */
  text: { website_title: 100, login_header: 120, login_subheader: 200, company_name: 100 },
  urlLength: 2048,
  colourLength: 64,
  /** Hard cap of an image file (larger is refused with 413); seed 000 recommends under 10 KB for logo and favicon. */
  imageMaxBytes: 1024 * 1024,
  /** Hard cap of either side of any image, checked from the header before decoding. */
  imageMaxSide: 4096,
  logo: { maxWidth: 512, maxHeight: 512, recommendedHeight: 512, recommendedBytes: 10 * 1024 },
  favicon: { width: 128, height: 128, recommendedBytes: 10 * 1024 },
  background_image: { recommendedWidth: 1440, recommendedHeight: 900 },
  /** WCAG 2.2 SC 1.4.3 (AA) minimum contrast for text: below it is a warning. */
  minContrast: 4.5,
} as const;

export const BRANDING_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;
export const brandingImageTypeSchema = z.enum(BRANDING_IMAGE_TYPES);
export type BrandingImageType = z.infer<typeof brandingImageTypeSchema>;

/** A stored image. `url` is the BFF path that serves it (relative to the BFF's origin). */
export const brandingImageSchema = z.object({
  id: idSchema,
  field: brandingImageFieldSchema,
  content_type: brandingImageTypeSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
  sha256: z.string(),
  url: z.string(),
});
export type BrandingImage = z.infer<typeof brandingImageSchema>;

/** One tenant's own values (its overrides): null means "inherit". Images as stored images. */
export const brandingValuesSchema = z.object({
  website_title: z.string().nullable(),
  documentation_url: z.string().nullable(),
  login_header: z.string().nullable(),
  login_subheader: z.string().nullable(),
  text_colour: z.string().nullable(),
  background_colour: z.string().nullable(),
  company_name: z.string().nullable(),
  portal_url: z.string().nullable(),
  logo: brandingImageSchema.nullable(),
  favicon: brandingImageSchema.nullable(),
  background_image: brandingImageSchema.nullable(),
});
export type BrandingValues = z.infer<typeof brandingValuesSchema>;
export type BrandingValue = BrandingValues[BrandingField];

const looseText = (max: number) => z.string().max(max).nullable().optional();
/**
 * What an editor sends: text as typed (trimmed; empty means inherit), images by the id the upload
 * answered. Only the shape is checked here; `brandingTextIssues` says what is wrong with a value.
 * A missing key means null (inherit).
 */
export const brandingInputSchema = z.strictObject({
  website_title: looseText(1000),
  documentation_url: looseText(BRANDING_LIMITS.urlLength * 2),
  login_header: looseText(1000),
  login_subheader: looseText(1000),
  text_colour: looseText(BRANDING_LIMITS.colourLength * 2),
  background_colour: looseText(BRANDING_LIMITS.colourLength * 2),
  company_name: looseText(1000),
  portal_url: looseText(BRANDING_LIMITS.urlLength * 2),
  logo: idSchema.nullable().optional(),
  favicon: idSchema.nullable().optional(),
  background_image: idSchema.nullable().optional(),
});
export type BrandingInput = z.infer<typeof brandingInputSchema>;

/** A validation finding, in the editor and in the BFF alike. */
export const brandingIssueSchema = z.object({
  field: brandingFieldSchema,
  severity: z.enum(['error', 'warning']),
  /** Stable code (e.g. `image_type`, `favicon_size`, `low_contrast`) for tests and translations. */
  code: z.string(),
  message: z.string(),
  /** Only on contrast findings: the WCAG 2.2 ratio, e.g. 3.2 for 3.2:1. */
  contrast_ratio: z.number().optional(),
});
export type BrandingIssue = z.infer<typeof brandingIssueSchema>;

/** The contrast between the login page's text and background colours as users will see them (inherited values included). */
export const brandingContrastSchema = z.object({
  text_colour: z.string(),
  background_colour: z.string(),
  /** WCAG 2.2 contrast ratio, 1 to 21, rounded to two decimals. */
  ratio: z.number(),
  minimum: z.number(),
  meets_minimum: z.boolean(),
});
export type BrandingContrast = z.infer<typeof brandingContrastSchema>;

export const brandingReportSchema = z.object({
  issues: z.array(brandingIssueSchema),
  /** Null while either colour is unset along the whole chain. */
  contrast: brandingContrastSchema.nullable(),
});
export type BrandingReport = z.infer<typeof brandingReportSchema>;

const personSchema = z.object({ id: z.string(), email: z.string() });
const sourceSchema = z.object({ id: z.string(), name: z.string() }).nullable();

/** A published version of one tenant's own values; history is a list of these, newest first. */
export const brandingVersionSchema = z.object({
  version: z.number().int().positive(),
  values: brandingValuesSchema,
  published_at: instantSchema,
  published_by: personSchema,
  action: z.enum(['publish', 'rollback']),
  /** For a rollback: the version whose values it restored. */
  restored_version: z.number().int().positive().nullable(),
});
export type BrandingVersion = z.infer<typeof brandingVersionSchema>;

/** The caller's own unpublished edits for one tenant. */
export const brandingDraftSchema = z.object({
  /** The published version the draft was edited from (0: none yet). */
  base_version: z.number().int().nonnegative(),
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
  missing_permission: z.enum(['MSP_Manage', 'Platform Administrator']).nullable(),
  reason: z.string(),
});
export type BrandingEditRight = z.infer<typeof brandingEditRightSchema>;

/** GET /v1/branding/:tenantId: everything the editor needs. */
export const brandingViewSchema = z.object({
  tenant: tenantSummarySchema,
  /** The tenant whose branding this one inherits per field (the partner of a client), if any. */
  parent: tenantSummarySchema.nullable(),
  /** This tenant's current published version (its own values), or null when it never published. */
  published: brandingVersionSchema.nullable(),
  /** What every field resolves to without this tenant's own values: what an override replaces. */
  inherited: effectiveBrandingSchema,
  /** What users see now. */
  effective: effectiveBrandingSchema,
  report: brandingReportSchema,
  /** The caller's draft, or null. */
  draft: brandingDraftSchema.nullable(),
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
  base_version: z.number().int().nonnegative(),
  values: brandingInputSchema,
});
export type BrandingDraftRequest = z.infer<typeof brandingDraftRequestSchema>;

/** Multipart form of POST /v1/branding/:tenantId/images. The file's name and declared type are ignored: content decides. */
export const brandingImageFormSchema = z.object({
  field: brandingImageFieldSchema,
  file: z.instanceof(Blob, { message: 'attach the image as the form field `file`' }),
});
export type BrandingImageForm = z.infer<typeof brandingImageFormSchema>;

/** 201 answer of an upload: the stored image and its warnings (errors refuse the upload). */
export const brandingImageUploadSchema = z.object({ image: brandingImageSchema, issues: z.array(brandingIssueSchema) });
export type BrandingImageUpload = z.infer<typeof brandingImageUploadSchema>;

/** One line of the summary shown before publish or rollback: the field as users see it, before and after. */
export const brandingChangeSchema = z.object({
  field: brandingFieldSchema,
  label: z.string(),
  old: z.union([z.string(), brandingImageSchema]).nullable(),
  new: z.union([z.string(), brandingImageSchema]).nullable(),
});
export type BrandingChange = z.infer<typeof brandingChangeSchema>;

/** GET /v1/branding/:tenantId/changes?version=N (rollback target) or without it (the caller's draft). */
export const brandingChangesQuerySchema = z.object({ version: z.coerce.number().int().positive().max(1_000_000).optional() });
export const brandingChangesSchema = z.object({
  /** The published version the changes apply to (0: none yet); send it back as `expected_version`. */
  expected_version: z.number().int().nonnegative(),
  changes: z.array(brandingChangeSchema),
  report: brandingReportSchema,
});
export type BrandingChanges = z.infer<typeof brandingChangesSchema>;

export const brandingPublishRequestSchema = z.strictObject({ expected_version: z.number().int().nonnegative() });
export const brandingRollbackRequestSchema = z.strictObject({
  to_version: z.number().int().positive(),
  expected_version: z.number().int().positive(),
});

/** 200 answer of publish and rollback. */
export const brandingPublishedSchema = z.object({ published: brandingVersionSchema, changes: z.array(brandingChangeSchema) });
export type BrandingPublished = z.infer<typeof brandingPublishedSchema>;

/** 409 of publish and rollback: someone published first. `current` is the view as it now stands. */
export const brandingConflictSchema = errorBodySchema.extend({ current: brandingViewSchema });
export type BrandingConflict = z.infer<typeof brandingConflictSchema>;

/** 400 of a draft or upload refused for its content: the findings, in the editor's shape. */
export const brandingRefusalSchema = errorBodySchema.extend({ issues: z.array(brandingIssueSchema) });
export type BrandingRefusal = z.infer<typeof brandingRefusalSchema>;
