// Access administration (issue 17): pieces every access-admin contract file shares.
import * as z from 'zod/mini';
import { errorBodySchema } from './errors';
import { idSchema, instantSchema } from './common';

/** Optimistic concurrency: each grant and relationship carries a version; an edit names the one it read. */
export const versionSchema = z.int().check(z.gte(1, 'a version is at least 1'), z.lte(2 ** 31, 'a version is at most 2^31'));

/** Seed 003: permanent, 24 h, 48 h, or a custom end instant (which must lie in the future). */
export const durationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('permanent') }),
  z.strictObject({ kind: z.literal('hours'), hours: z.union([z.literal(24), z.literal(48)]) }),
  z.strictObject({ kind: z.literal('until'), expires_at: instantSchema }),
]);
export type Duration = z.infer<typeof durationSchema>;

/** An opaque keyset cursor, and a page size from a query string (coerced). */
export const cursorSchema = z.string().check(z.maxLength(512, 'a cursor is at most 512 characters'));
export const limitSchema = (max: number) =>
  z.coerce.number().check(z.int('a limit is a whole number'), z.gte(1, 'a limit is at least 1'), z.lte(max, `a limit is at most ${max}`));

/** Keyset paging: `cursor` is opaque, copied from the previous page's `next_cursor`. */
export const pageQuerySchema = z.strictObject({
  cursor: z.optional(cursorSchema),
  limit: z.optional(limitSchema(200)),
});
export const pageInfoSchema = z.object({ next_cursor: z.nullable(z.string()) });

export const relationshipStateSchema = z.enum(['pending', 'approved', 'removed']);

/** One grant as the access view shows it. `state` is computed at `evaluated_at`. */
export const grantViewSchema = z.object({
  id: z.string(),
  version: z.int(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  customer: z.object({ id: z.string(), name: z.string() }),
  partner_id: z.string(),
  platform_admin: z.boolean(),
  /** Null for a quick-add grant (seed 003). */
  role: z.nullable(z.string()),
  products: z.array(z.string()),
  /** Null: permanent. */
  expires_at: z.nullable(instantSchema),
  state: z.enum(['active', 'expired', 'revoked']),
  granted_by: z.string(),
  granted_at: instantSchema,
  revoked_at: z.nullable(instantSchema),
  last_access_at: z.nullable(instantSchema),
});
export type GrantView = z.infer<typeof grantViewSchema>;

export const relationshipViewSchema = z.object({
  id: z.string(),
  version: z.int(),
  partner: z.object({ id: z.string(), name: z.string() }),
  customer: z.object({ id: z.string(), name: z.string() }),
  state: relationshipStateSchema,
  requested_at: instantSchema,
  approved_at: z.nullable(instantSchema),
  removed_at: z.nullable(instantSchema),
  removed_by: z.nullable(z.enum(['partner', 'customer'])),
  /** The customer's choice (seed 003): be told when partner users are granted or removed. */
  notify_on_grant_changes: z.boolean(),
});
export type RelationshipView = z.infer<typeof relationshipViewSchema>;

/** 409 on a stale version: the error envelope plus the current state, so the UI can show it and retry. */
export const grantConflictBodySchema = z.object({ ...errorBodySchema.shape, ...{ current: grantViewSchema } });
export const relationshipConflictBodySchema = z.object({ ...errorBodySchema.shape, ...{ current: relationshipViewSchema } });
export type GrantConflictBody = z.infer<typeof grantConflictBodySchema>;
export type RelationshipConflictBody = z.infer<typeof relationshipConflictBodySchema>;

export const idParamSchema = z.strictObject({ id: idSchema });
