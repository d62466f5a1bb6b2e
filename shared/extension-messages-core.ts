// What every extension context reads at run time: the answers to the requests popups and content
// scripts send, what the background tells a console tab, and the analyst's stored preferences.
// Light on purpose (issue 19's bundle budgets): it imports no editor or access-admin schema, and
// the request union lives in extension-messages.ts, which only the background loads.
import * as z from 'zod/mini';
import { idSchema, instantSchema, userSummarySchema } from './common';
import { customerEntrySchema } from './tenant-context';
import { entitlementsResponseSchema } from './entitlements';
import { explainResponseSchema } from './access-explain';
import { extensionRequestViewSchema } from './access-admin-extension-requests';
import { PERMISSIONS } from './catalogue';
import { brandingContentSchemas } from './branding-preview';

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

/** A refusal or failure, with the BFF's reason when it gave one. */
export const failureSchema = z.object({ ok: z.literal(false), error: z.string().check(z.maxLength(64)), message: z.string().check(z.maxLength(2000)) });
export type Failure = z.infer<typeof failureSchema>;

export const sessionStatusSchema = z.object({ ok: z.literal(true), user: z.nullable(userSummarySchema) });
export const doneSchema = z.object({ ok: z.literal(true) });

/** The customer a tab acts for: `active` once a token was handed to that tab. */
export const tabCustomerSchema = z.object({
  ok: z.literal(true),
  tenantId: z.nullable(idSchema),
  active: z.boolean(),
  tokenExpiresAt: z.nullable(instantSchema),
  /** The customer as the switcher last saw it (name, role, expiry), when known. */
  customer: z.nullable(customerEntrySchema),
});
export type TabCustomer = z.infer<typeof tabCustomerSchema>;

export const switchDoneSchema = z.object({ ok: z.literal(true), tenantId: idSchema, url: z.string() });

/**
 * The answers every context may read: those of the requests the popup, the content script and the
 * entitlements and options pages send (a failure is always possible). Editor-only answers are in
 * branding-messages.ts and access-admin-messages.ts, loaded by those pages alone.
 */
export const coreResponseSchemas = {
  'session.status': sessionStatusSchema,
  'session.signIn': sessionStatusSchema,
  'session.signOut': doneSchema,
  'session.openSignIn': doneSchema,
  'context.refresh': doneSchema,
  'tab.customer': tabCustomerSchema,
  'customer.switch': switchDoneSchema,
  'tenant.entitlements': z.object({ ok: z.literal(true), entitlements: entitlementsResponseSchema }),
  'access.explain': z.object({ ok: z.literal(true), explanation: explainResponseSchema }),
  'entitlements.open': doneSchema,
  'branding.open': doneSchema,
  'access.admin.open': doneSchema,
  'access.moreTime.request': z.object({ ok: z.literal(true), request: extensionRequestViewSchema }),
};

/** What the background tells a console tab's content script. */
export const contentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('switcher.open') }),
  z.strictObject({ type: z.literal('tab.changed') }),
  /** The tab's access to its customer has ended (grant expired or revoked): say so at once. */
  z.strictObject({ type: z.literal('access.ended'), tenantId: idSchema, message: z.string().check(z.maxLength(2000)) }),
  ...brandingContentSchemas,
]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** A customer's colour and short label, chosen by the analyst (stored in sync storage). */
export const customerMarkSchema = z.object({
  colour: z.string().check(z.regex(/^#[0-9a-f]{6}$/i, 'a colour like #1f6feb')),
  label: z.string().check(z.trim(), z.maxLength(16, 'a label is at most 16 characters')),
});
export type CustomerMark = z.infer<typeof customerMarkSchema>;

/** When to warn before time-bound access ends, in minutes (options page; default 60 and 10). */
export const expiryWarningsSchema = z.array(z.int().check(z.gte(1), z.lte(7 * 24 * 60))).check(z.maxLength(5));
export const DEFAULT_EXPIRY_WARNINGS = [60, 10];
