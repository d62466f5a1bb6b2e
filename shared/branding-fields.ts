// The branding fields of seeds 000 and 004, their limits, the stored image, a tenant's values,
// what an editor sends, and validation findings. Re-exported by branding.ts (the contract's entry).
import * as z from 'zod/mini';
import { idSchema } from './common';


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
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
  bytes: z.int().check(z.positive()),
  sha256: z.string(),
  url: z.string(),
});
export type BrandingImage = z.infer<typeof brandingImageSchema>;

/** One tenant's own values (its overrides): null means "inherit". Images as stored images. */
export const brandingValuesSchema = z.object({
  website_title: z.nullable(z.string()),
  documentation_url: z.nullable(z.string()),
  login_header: z.nullable(z.string()),
  login_subheader: z.nullable(z.string()),
  text_colour: z.nullable(z.string()),
  background_colour: z.nullable(z.string()),
  company_name: z.nullable(z.string()),
  portal_url: z.nullable(z.string()),
  logo: z.nullable(brandingImageSchema),
  favicon: z.nullable(brandingImageSchema),
  background_image: z.nullable(brandingImageSchema),
});
export type BrandingValues = z.infer<typeof brandingValuesSchema>;
export type BrandingValue = BrandingValues[BrandingField];

const looseText = (max: number) => z.optional(z.nullable(z.string().check(z.maxLength(max, `at most ${max} characters`))));
const imageId = z.optional(z.nullable(idSchema));
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
  logo: imageId,
  favicon: imageId,
  background_image: imageId,
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
  contrast_ratio: z.optional(z.number()),
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
  contrast: z.nullable(brandingContrastSchema),
});
export type BrandingReport = z.infer<typeof brandingReportSchema>;
