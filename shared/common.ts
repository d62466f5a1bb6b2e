// zod/mini (functional checks, tree-shakable): the extension's content script and popup carry only
// the validators they use (extension/README.md, "Performance"). Same schemas, same inferred types.
import * as z from 'zod/mini';

/** Tenant, user and grant ids: short opaque strings. */
export const idSchema = z.string().check(
  z.minLength(1, 'an id is at least 1 character'),
  z.maxLength(64, 'an id is at most 64 characters'),
  z.regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, _ and -'),
);

/** A browser tab's id. */
export const tabIdSchema = z.int().check(z.nonnegative());

/** Instants travel as ISO 8601 strings in UTC. */
export const instantSchema = z.iso.datetime();

export const tenantKindSchema = z.enum(['service_provider', 'partner', 'client']);
export const tenantStatusSchema = z.enum(['active', 'inactive', 'terminated']);

export const tenantSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: tenantKindSchema,
  status: tenantStatusSchema,
});
export type TenantSummary = z.infer<typeof tenantSummarySchema>;

export const userSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  home_tenant: tenantSummarySchema,
  role: z.nullable(z.string()),
});
export type UserSummary = z.infer<typeof userSummarySchema>;
