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
import { brandingDataUrlSchema, brandingPreviewSchema } from './branding-preview';

export * from './branding-preview';

// Messages of the branding editor (an extension page) with the background, and of the background
// with a console tab that previews a draft. Written with zod/mini (bundle size); registered in
// extension-messages.ts, and parsed on arrival like every other message.

const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));
const tabId = z.number().check(z.int(), z.nonnegative());

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

const done = z.object({ ok: z.literal(true) });
/** A refusal that carries the BFF's findings (a draft or an upload refused for its content). */
export const brandingRefusedSchema = z.object({ ok: z.literal(false), error: z.string(), message: z.string(), issues: z.array(brandingIssueSchema) });
export type BrandingRefused = z.infer<typeof brandingRefusedSchema>;
export const brandingResponseSchemas = {
  'branding.view': z.object({ ok: z.literal(true), view: brandingViewSchema }),
  'branding.image': z.object({ ok: z.literal(true), dataUrl: brandingDataUrlSchema }),
  'branding.upload': z.union([z.object({ ok: z.literal(true), upload: brandingImageUploadSchema }), brandingRefusedSchema]),
  'branding.saveDraft': z.union([z.object({ ok: z.literal(true), draft: brandingDraftSchema }), brandingRefusedSchema]),
  'branding.changes': z.object({ ok: z.literal(true), changes: brandingChangesSchema }),
  'branding.publish': z.object({ ok: z.literal(true), published: brandingPublishedSchema }),
  'branding.rollback': z.object({ ok: z.literal(true), published: brandingPublishedSchema }),
  'branding.preview': done,
};

