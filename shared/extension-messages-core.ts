// What every extension context reads at run time: the answers to the requests the popup and the
// content script send, and the analyst's stored preferences. Light on purpose (issue 19's bundle
// budgets): no editor, access-admin, explain or catalogue schema; the request union lives in
// extension-messages.ts, which only the background loads.
import * as z from 'zod/mini';
import { idSchema, instantSchema, userSummarySchema } from './common';
import { customerEntrySchema } from './tenant-context';
import { extensionRequestViewSchema } from './access-admin-extension-requests';

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
 * The answers every context may read: those of the requests the popup and the content script send
 * (a failure is always possible). The others are in access-explain-messages.ts (the "why?" popover
 * and the entitlements page), branding-messages.ts and access-admin-messages.ts, loaded by those alone.
 */
export const coreResponseSchemas = {
  'session.status': sessionStatusSchema,
  'session.signIn': sessionStatusSchema,
  'session.signOut': doneSchema,
  'session.openSignIn': doneSchema,
  'context.refresh': doneSchema,
  'tab.customer': tabCustomerSchema,
  'customer.switch': switchDoneSchema,
  'entitlements.open': doneSchema,
  'branding.open': doneSchema,
  'access.admin.open': doneSchema,
  'access.moreTime.request': z.object({ ok: z.literal(true), request: extensionRequestViewSchema }),
};

/** A customer's colour and short label, chosen by the analyst (stored in sync storage). */
export const customerMarkSchema = z.object({
  colour: z.string().check(z.regex(/^#[0-9a-f]{6}$/i, 'a colour like #1f6feb')),
  label: z.string().check(z.trim(), z.maxLength(16, 'a label is at most 16 characters')),
});
export type CustomerMark = z.infer<typeof customerMarkSchema>;

/** When to warn before time-bound access ends, in minutes (options page; default 60 and 10). */
export const expiryWarningsSchema = z.array(z.int().check(z.gte(1), z.lte(7 * 24 * 60))).check(z.maxLength(5));
export const DEFAULT_EXPIRY_WARNINGS = [60, 10];
