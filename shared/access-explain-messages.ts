// The explain and entitlements messages: what the content script's "why?" popover and the
// entitlements page ask the background, and its answers. Its own module so that the popup does not
// carry the permission catalogue and the explanation's schema (issue 19's bundle budgets).
import * as z from 'zod/mini';
import { idSchema } from './common';
import { entitlementsResponseSchema } from './entitlements';
import { explainResponseSchema } from './access-explain';
import { PERMISSIONS } from './catalogue';

export const permissionIdSchema = z.string().check(z.maxLength(64, 'a permission id is at most 64 characters'));

/**
 * Why a user may or may not do something in a tenant. `userId` (another user) is for support
 * staff; a content script may ask only about its own tab's customer, for the signed-in user.
 * Here (not with the other requests) because the explain form checks it before sending.
 */
export const explainRequestSchema = z.strictObject({
  type: z.literal('access.explain'),
  tenantId: idSchema,
  permission: z.optional(permissionIdSchema.check(z.refine((p) => PERMISSIONS.has(p), 'an unknown permission'))),
  userId: z.optional(idSchema),
});

export const explainResponseSchemas = {
  'tenant.entitlements': z.object({ ok: z.literal(true), entitlements: entitlementsResponseSchema }),
  'access.explain': z.object({ ok: z.literal(true), explanation: explainResponseSchema }),
};
