// Messages between the extension's contexts (popup, content script, background). Every message is
// parsed with these schemas on arrival, in both directions; anything else is dropped. Requests are
// strict objects: a message with a key the contract does not name is dropped too. zod/mini, as
// every schema the extension carries (extension/README.md, "Performance").
//
// This module is the whole request union: only the background loads it at run time (pages and the
// content script import its types alone). What they read lives in extension-messages-core.ts.
//
// Adding a request: its schema (a `z.strictObject` with a literal `type`) goes into `backgroundRequests`
// (or a feature's list spread into it), and its answer into the answer record of the pages that send
// it: `coreResponseSchemas` (popup, content script), `explainResponseSchemas` ("why?" popover,
// entitlements page), `brandingResponseSchemas`
// (branding editor) or `accessAdminResponseSchemas` (access view). One line each; the compiler
// refuses a request without an answer.
import * as z from 'zod/mini';
import { idSchema, tabIdSchema } from './common';
import { brandingRequestSchemas, brandingResponseSchemas } from './branding-messages';
import { accessAdminRequestSchemas, accessAdminResponseSchemas } from './access-admin-messages';
import { coreResponseSchemas, type Failure } from './extension-messages-core';
import { explainRequestSchema, explainResponseSchemas, permissionIdSchema } from './access-explain-messages';

export * from './extension-messages-core';
export * from './content-messages';

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
  z.strictObject({ type: z.literal('tab.customer'), tabId: z.optional(tabIdSchema) }),
  /** Switch a tab (the sender's own when omitted) to a customer. */
  z.strictObject({ type: z.literal('customer.switch'), tenantId: idSchema, tabId: z.optional(tabIdSchema) }),
  /** A tenant's packages, add-ons and permission sets, as the BFF answers them for the signed-in user. */
  z.strictObject({ type: z.literal('tenant.entitlements'), tenantId: idSchema }),
  explainRequestSchema,
  /** Opens the entitlements view (an extension page) for a tenant, and optionally a permission to explain. */
  z.strictObject({ type: z.literal('entitlements.open'), tenantId: z.optional(idSchema), permission: z.optional(permissionIdSchema) }),
  ...brandingRequestSchemas,
  ...accessAdminRequestSchemas,
] as const;

export const backgroundRequestSchema = z.discriminatedUnion('type', backgroundRequests);
export type BackgroundRequest = z.infer<typeof backgroundRequestSchema>;
export type BackgroundRequestType = BackgroundRequest['type'];

/** The answer schema of each request type, all pages together (a failure is always possible). */
export const backgroundResponseSchemas = {
  ...coreResponseSchemas,
  ...explainResponseSchemas,
  ...brandingResponseSchemas,
  ...accessAdminResponseSchemas,
} satisfies Record<BackgroundRequestType, z.ZodMiniType>;

export type BackgroundResponse<T extends BackgroundRequestType> = z.infer<(typeof backgroundResponseSchemas)[T]> | Failure;
