import * as z from 'zod/mini';
import {
  brandingChangesSchema,
  brandingDraftSchema,
  brandingImageFieldSchema,
  brandingImageUploadSchema,
  brandingInputSchema,
  brandingIssueSchema,
  brandingPublishedSchema,
  brandingViewSchema,
} from './branding';

// Messages of the branding editor (an extension page) with the background, and of the background
// with a console tab that previews a draft. Written with zod/mini (bundle size); registered in
// extension-messages.ts, and parsed on arrival like every other message.

const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));
const tabId = z.number().check(z.int(), z.nonnegative());
const text = (max: number) => z.nullable(z.string().check(z.maxLength(max)));
/** An image as the page may show it: a data: URL of PNG or JPEG bytes (the console allows data: images). */
const image = z.nullable(z.string().check(z.maxLength(1_500_000), z.regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/)));
const colour = z.nullable(z.string().check(z.regex(/^#[0-9a-f]{6}$/i)));

/** What a console page shows of a branding: every field, null meaning the console's own default. */
export const brandingLookSchema = z.object({
  website_title: text(1000),
  documentation_url: text(4096),
  login_header: text(1000),
  login_subheader: text(1000),
  text_colour: colour,
  background_colour: colour,
  company_name: text(1000),
  portal_url: text(4096),
  logo: image,
  favicon: image,
  background_image: image,
});
export type BrandingLook = z.infer<typeof brandingLookSchema>;

/**
 * Seed 004: the white-labelled client portal (read only) shows the whole branding; the default web
 * client (Admin, Operator, Read Only, Spokesperson, Hosting Provider) only the company name and
 * logo; an Alert Contact has no web access at all.
 */
export const PREVIEW_ROLES = ['client_portal_read_only', 'admin', 'operator', 'read_only', 'spokesperson', 'hosting_provider', 'alert_contact'] as const;
export const previewRoleSchema = z.enum(PREVIEW_ROLES);
export type PreviewRole = z.infer<typeof previewRoleSchema>;

/** What the page shows while previewing: the look (as that role sees it) and which screen. */
export const brandingPreviewSchema = z.object({
  look: brandingLookSchema,
  role: previewRoleSchema,
  /** `login` lays a preview of the login page over the console page. */
  screen: z.enum(['page', 'login']),
  /** `before`: the published look, for the before/after toggle. */
  side: z.enum(['before', 'after']),
});
export type BrandingPreview = z.infer<typeof brandingPreviewSchema>;

/** Requests of the branding editor (extension pages only; never content scripts). */
export const brandingRequestSchemas = [
  /** Everything the editor needs of a tenant (the BFF's view: published, inherited, draft, history, rights). */
  z.strictObject({ type: z.literal('branding.view'), tenantId: id }),
  /** A stored image's bytes as a data: URL, for the preview and the summaries. */
  z.strictObject({ type: z.literal('branding.image'), tenantId: id, imageId: id }),
  /** Uploads a dropped image (the BFF checks its content again; its refusal comes back with the findings). */
  z.strictObject({ type: z.literal('branding.upload'), tenantId: id, field: brandingImageFieldSchema, fileName: z.string().check(z.maxLength(255)), base64: z.string().check(z.maxLength(1_500_000)) }),
  /** Saves the caller's own draft (nobody else sees it), so the BFF can summarise and publish it. */
  z.strictObject({ type: z.literal('branding.saveDraft'), tenantId: id, baseVersion: z.number().check(z.int(), z.nonnegative()), values: brandingInputSchema }),
  /** What publishing the draft (no version) or rolling back to `version` would change, field by field. */
  z.strictObject({ type: z.literal('branding.changes'), tenantId: id, version: z.optional(z.number().check(z.int(), z.positive())) }),
  z.strictObject({ type: z.literal('branding.publish'), tenantId: id, expectedVersion: z.number().check(z.int(), z.nonnegative()) }),
  z.strictObject({ type: z.literal('branding.rollback'), tenantId: id, toVersion: z.number().check(z.int(), z.positive()), expectedVersion: z.number().check(z.int(), z.positive()) }),
  /** Show `preview` on a console tab showing `tenantId`; the editor must hold its runtime port for that tab (restored when it closes). */
  z.strictObject({ type: z.literal('branding.preview'), tabId, tenantId: id, preview: brandingPreviewSchema }),
  /** Opens the editor for a console tab (the active one when omitted). */
  z.strictObject({ type: z.literal('branding.open'), tabId: z.optional(tabId) }),
] as const;

/** What the background tells a previewing console tab. */
export const brandingContentSchemas = [
  z.strictObject({ type: z.literal('branding.preview'), preview: brandingPreviewSchema }),
  /** The editor closed (or asked): put the published look back. */
  z.strictObject({ type: z.literal('branding.restore') }),
] as const;

const done = z.object({ ok: z.literal(true) });
/** A refusal that carries the BFF's findings (a draft or an upload refused for its content). */
export const brandingRefusedSchema = z.object({ ok: z.literal(false), error: z.string(), message: z.string(), issues: z.array(brandingIssueSchema) });
export type BrandingRefused = z.infer<typeof brandingRefusedSchema>;
export const brandingResponseSchemas = {
  'branding.view': z.object({ ok: z.literal(true), view: brandingViewSchema }),
  'branding.image': z.object({ ok: z.literal(true), dataUrl: image }),
  'branding.upload': z.union([z.object({ ok: z.literal(true), upload: brandingImageUploadSchema }), brandingRefusedSchema]),
  'branding.saveDraft': z.union([z.object({ ok: z.literal(true), draft: brandingDraftSchema }), brandingRefusedSchema]),
  'branding.changes': z.object({ ok: z.literal(true), changes: brandingChangesSchema }),
  'branding.publish': z.object({ ok: z.literal(true), published: brandingPublishedSchema }),
  'branding.rollback': z.object({ ok: z.literal(true), published: brandingPublishedSchema }),
  'branding.preview': done,
  'branding.open': done,
};

/** The editor's runtime port to the background is named after the tab it previews on. */
export const PREVIEW_PORT_PREFIX = 'branding-preview:';
export const previewPortNameSchema = z.string().check(z.regex(/^branding-preview:\d{1,10}$/));
export const previewPortName = (tab: number) => `${PREVIEW_PORT_PREFIX}${tab}`;
export const tabOfPreviewPort = (name: string): number | null =>
  previewPortNameSchema.safeParse(name).success ? Number(name.slice(PREVIEW_PORT_PREFIX.length)) : null;

