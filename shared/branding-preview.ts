// What a console tab's content script needs of the branding preview: the look it shows, the role
// and screen it previews, the background's messages to it, and the editor's port name. Split from
// branding-messages.ts so the content script does not carry the editor's schemas (issue 19).
import * as z from 'zod/mini';

const text = (max: number) => z.nullable(z.string().check(z.maxLength(max)));
/** An image as the page may show it: a data: URL of PNG or JPEG bytes (the console allows data: images). */
export const brandingDataUrlSchema = z.nullable(z.string().check(z.maxLength(1_500_000), z.regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/)));
const image = brandingDataUrlSchema;
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

/** What the background tells a previewing console tab. */
export const brandingContentSchemas = [
  z.strictObject({ type: z.literal('branding.preview'), preview: brandingPreviewSchema }),
  /** The editor closed (or asked): put the published look back. */
  z.strictObject({ type: z.literal('branding.restore') }),
] as const;

/** The editor's runtime port to the background is named after the tab it previews on. */
export const PREVIEW_PORT_PREFIX = 'branding-preview:';
export const previewPortNameSchema = z.string().check(z.regex(/^branding-preview:\d{1,10}$/));
export const previewPortName = (tab: number) => `${PREVIEW_PORT_PREFIX}${tab}`;
export const tabOfPreviewPort = (name: string): number | null =>
  previewPortNameSchema.safeParse(name).success ? Number(name.slice(PREVIEW_PORT_PREFIX.length)) : null;

