// Messages between the extension's contexts (popup, content script, background). Every message is
// parsed with these schemas on arrival, in both directions; anything else is dropped. Requests are
// strict objects: a message with a key the contract does not name is dropped too. zod/mini, as
// every schema the extension carries (extension/README.md, "Performance").
//
// Adding a request: its schema (a `z.strictObject` with a literal `type`) goes into `backgroundRequests`
// and its answer into `backgroundResponseSchemas`, one line each (feature files may hold both).
import * as z from 'zod/mini';
import { idSchema, instantSchema, userSummarySchema } from './common';
import { customerEntrySchema } from './tenant-context';
import { entitlementsResponseSchema } from './entitlements';
import { explainResponseSchema } from './access-explain';
import { PERMISSIONS } from './catalogue';
import { brandingContentSchemas, brandingRequestSchemas, brandingResponseSchemas } from './branding-messages';
import { accessAdminRequestSchemas, accessAdminResponseSchemas } from './access-admin-messages';

const tabId = z.int().check(z.nonnegative());
const permission = z.string().check(z.maxLength(64, 'a permission id is at most 64 characters'));

/** What popups and content scripts ask the background. */
const backgroundRequests = [
  z.strictObject({ type: z.literal('session.status') }),
  z.strictObject({
    type: z.literal('session.signIn'),
    email: z.string().check(z.minLength(1, 'an e-mail address is required'), z.maxLength(254, 'an e-mail address is at most 254 characters')),
    password: z.string().check(z.minLength(1, 'a password is required'), z.maxLength(1024, 'a password is at most 1024 characters')),
  }),
  z.strictObject({ type: z.literal('session.signOut') }),
  /** Opens the extension's own sign-in page in a tab (a password is never typed into a web page). */
  z.strictObject({ type: z.literal('session.openSignIn') }),
  z.strictObject({ type: z.literal('context.refresh') }),
  /** The customer a tab acts for; a content script may only ask about its own tab (tabId omitted). */
  z.strictObject({ type: z.literal('tab.customer'), tabId: z.optional(tabId) }),
  /** Switch a tab (the sender's own when omitted) to a customer. */
  z.strictObject({ type: z.literal('customer.switch'), tenantId: idSchema, tabId: z.optional(tabId) }),
  /** A tenant's packages, add-ons and permission sets, as the BFF answers them for the signed-in user. */
  z.strictObject({ type: z.literal('tenant.entitlements'), tenantId: idSchema }),
  /**
   * Why a user may or may not do something in a tenant. `userId` (another user) is for support
   * staff; a content script may ask only about its own tab's customer, for the signed-in user.
   */
  z.strictObject({
    type: z.literal('access.explain'),
    tenantId: idSchema,
    permission: z.optional(permission.check(z.refine((p) => PERMISSIONS.has(p), 'an unknown permission'))),
    userId: z.optional(idSchema),
  }),
  /** Opens the entitlements view (an extension page) for a tenant, and optionally a permission to explain. */
  z.strictObject({ type: z.literal('entitlements.open'), tenantId: z.optional(idSchema), permission: z.optional(permission) }),
  ...brandingRequestSchemas,
  ...accessAdminRequestSchemas,
] as const;

export const backgroundRequestSchema = z.discriminatedUnion('type', backgroundRequests);
export type BackgroundRequest = z.infer<typeof backgroundRequestSchema>;
export type BackgroundRequestType = BackgroundRequest['type'];

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

/** The answer schema of each request type (a failure is always possible). */
export const backgroundResponseSchemas = {
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
  ...brandingResponseSchemas,
  ...accessAdminResponseSchemas,
} satisfies Record<BackgroundRequestType, z.ZodMiniType>;

export type BackgroundResponse<T extends BackgroundRequestType> = z.infer<(typeof backgroundResponseSchemas)[T]> | Failure;

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
