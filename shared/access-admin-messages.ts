import * as z from 'zod/mini';
import { idSchema, instantSchema } from './common';
import { grantViewSchema, relationshipViewSchema, versionSchema, durationSchema } from './access-admin-common';
import { bulkAssignSchema, bulkAssignResponseSchema, changeSummaryResponseSchema, grantEditSchema, grantResponseSchema } from './access-admin-grants';
import { extensionDecisionSchema, extensionRequestListResponseSchema, extensionRequestStateSchema } from './access-admin-extension-requests';
import { relationshipListResponseSchema, relationshipResponseSchema } from './access-admin-relationships';
import { customerDetailResponseSchema, customerListQuerySchema, customerListResponseSchema, customerRenameSchema, userDetailResponseSchema, userListQuerySchema, userListResponseSchema } from './access-admin-views';
import { auditExportQuerySchema, auditListResponseSchema, auditQuerySchema } from './access-admin-audit';
import { invitationCreateSchema, invitationResponseSchema, ipAllowlistSchema, subscriptionsSchema, tenantAdminListResponseSchema, tenantAdminResponseSchema, tenantCreateSchema, tenantListQuerySchema, terminateSchema } from './access-admin-tenants';

// Messages of the "Manage customer access" view and of "request more time", between extension
// pages and the background (which alone holds the session token and calls the BFF). Written with
// zod/mini (bundle size); the bodies reuse the BFF's contract schemas unchanged.

const ok = z.literal(true);

/** What the access view and the popup ask the background about access administration. */
export const accessAdminRequestSchemas = [
  /** Opens the access view in a tab; `tenantId` preselects a customer, `view` a tab of the view. */
  z.strictObject({ type: z.literal('access.admin.open'), tenantId: z.optional(idSchema), view: z.optional(z.enum(['customers', 'users', 'requests', 'audit'])) }),
  /** The analyst asks for more time on their grant to `tenantId` (the background finds the grant). */
  z.strictObject({
    type: z.literal('access.moreTime.request'),
    tenantId: idSchema,
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)),
    until: z.optional(instantSchema),
  }),
  /** The change summary of a bulk assignment (`assign`) or of an edit of one grant (`grantId` + `edit`). */
  z.strictObject({ type: z.literal('access.grants.preview'), assign: z.optional(bulkAssignSchema), grantId: z.optional(idSchema), edit: z.optional(grantEditSchema) }),
  z.strictObject({ type: z.literal('access.grants.assign'), assign: bulkAssignSchema }),
  z.strictObject({ type: z.literal('access.grants.edit'), grantId: idSchema, edit: grantEditSchema }),
  z.strictObject({ type: z.literal('access.grants.extend'), grantId: idSchema, version: versionSchema, duration: durationSchema }),
  z.strictObject({ type: z.literal('access.grants.remove'), grantId: idSchema, version: versionSchema }),
  z.strictObject({ type: z.literal('access.requests.list'), state: z.optional(extensionRequestStateSchema) }),
  z.strictObject({ type: z.literal('access.requests.decide'), decisions: z.array(extensionDecisionSchema).check(z.minLength(1), z.maxLength(100)) }),
  z.strictObject({ type: z.literal('access.relationships.list') }),
  z.strictObject({ type: z.literal('access.relationships.request'), customerId: idSchema }),
  z.strictObject({ type: z.literal('access.relationships.approve'), relationshipId: idSchema, version: versionSchema }),
  z.strictObject({ type: z.literal('access.relationships.remove'), relationshipId: idSchema, version: versionSchema }),
  /** The lists of seed 003's two tabs, for the partner `partnerId` (the admin's home tenant). */
  z.strictObject({ type: z.literal('access.customers.list'), partnerId: idSchema, query: customerListQuerySchema }),
  z.strictObject({ type: z.literal('access.customers.detail'), partnerId: idSchema, customerId: idSchema }),
  z.strictObject({ type: z.literal('access.customers.rename'), partnerId: idSchema, customerId: idSchema, rename: customerRenameSchema }),
  z.strictObject({ type: z.literal('access.users.list'), partnerId: idSchema, query: userListQuerySchema }),
  z.strictObject({ type: z.literal('access.users.detail'), partnerId: idSchema, userId: idSchema }),
  z.strictObject({ type: z.literal('access.audit.list'), query: auditQuerySchema }),
  /** The whole export as text (the page turns it into a download; the token stays in the background). */
  z.strictObject({ type: z.literal('access.audit.export'), query: auditExportQuerySchema }),
  /** The Tenants tab (seeds 000-002): list, create, subscriptions, IP allow-list, invitation link, termination. */
  z.strictObject({ type: z.literal('access.tenants.list'), query: tenantListQuerySchema }),
  z.strictObject({ type: z.literal('access.tenants.create'), tenant: tenantCreateSchema }),
  z.strictObject({ type: z.literal('access.tenants.subscriptions'), tenantId: idSchema, subscriptions: subscriptionsSchema }),
  z.strictObject({ type: z.literal('access.tenants.ipAllowlist'), tenantId: idSchema, allowlist: ipAllowlistSchema }),
  z.strictObject({ type: z.literal('access.tenants.invite'), tenantId: idSchema, invitation: invitationCreateSchema }),
  z.strictObject({ type: z.literal('access.tenants.terminate'), tenantId: idSchema, terminate: terminateSchema }),
] as const;

/** A create the BFF refused field by field (400 with details): each problem by its path, e.g. `account.postal_code`. */
export const tenantFieldsAnswerSchema = z.object({ ok: z.literal(false), error: z.literal('invalid_fields'), message: z.string(), fields: z.array(z.object({ path: z.string(), message: z.string() })) });
/** The invitation as the admin copies it: the link carries the single-use token (shown once). */
const invitationAnswer = z.object({ ok, invitation: z.object({ ...invitationResponseSchema.shape, link: z.string() }) });

/** A stale edit (409): the BFF's reason and the grant or relationship as it is now, to show and re-apply. */
export const grantConflictAnswerSchema = z.object({ ok: z.literal(false), error: z.literal('conflict'), message: z.string(), current: grantViewSchema });
export const relationshipConflictAnswerSchema = z.object({ ok: z.literal(false), error: z.literal('conflict'), message: z.string(), current: relationshipViewSchema });

const grantAnswer = z.union([z.object({ ok, grant: grantResponseSchema.shape.grant, summary: grantResponseSchema.shape.summary }), grantConflictAnswerSchema]);
const relationshipAnswer = z.union([z.object({ ok, result: relationshipResponseSchema }), relationshipConflictAnswerSchema]);

/**
 * The answers the access view reads (a failure is always possible besides). `access.admin.open` and
 * `access.moreTime.request` are sent from the popup: theirs are in extension-messages-core.ts.
 */
export const accessAdminResponseSchemas = {
  'access.grants.preview': z.union([z.object({ ok, summaries: changeSummaryResponseSchema.shape.summaries }), grantConflictAnswerSchema]),
  'access.grants.assign': z.object({ ok, result: bulkAssignResponseSchema }),
  'access.grants.edit': grantAnswer,
  'access.grants.extend': grantAnswer,
  'access.grants.remove': grantAnswer,
  'access.requests.list': z.object({ ok, requests: extensionRequestListResponseSchema.shape.requests }),
  'access.requests.decide': z.object({ ok, requests: extensionRequestListResponseSchema.shape.requests }),
  'access.relationships.list': z.object({ ok, relationships: relationshipListResponseSchema.shape.relationships }),
  'access.relationships.request': relationshipAnswer,
  'access.relationships.approve': relationshipAnswer,
  'access.relationships.remove': relationshipAnswer,
  'access.customers.list': z.object({ ok, page: customerListResponseSchema }),
  'access.customers.detail': z.object({ ok, detail: customerDetailResponseSchema }),
  'access.customers.rename': z.object({ ok }),
  'access.users.list': z.object({ ok, page: userListResponseSchema }),
  'access.users.detail': z.object({ ok, detail: userDetailResponseSchema }),
  'access.audit.list': z.object({ ok, page: auditListResponseSchema }),
  'access.audit.export': z.object({ ok, fileName: z.string(), mediaType: z.string(), text: z.string() }),
  'access.tenants.list': z.object({ ok, tenants: tenantAdminListResponseSchema.shape.tenants }),
  'access.tenants.create': z.union([z.object({ ok, tenant: tenantAdminResponseSchema.shape.tenant }), tenantFieldsAnswerSchema]),
  'access.tenants.subscriptions': z.object({ ok, tenant: tenantAdminResponseSchema.shape.tenant }),
  'access.tenants.ipAllowlist': z.object({ ok, tenant: tenantAdminResponseSchema.shape.tenant }),
  'access.tenants.invite': invitationAnswer,
  'access.tenants.terminate': z.object({ ok, tenant: tenantAdminResponseSchema.shape.tenant, revokedGrantIds: z.array(z.string()) }),
};
