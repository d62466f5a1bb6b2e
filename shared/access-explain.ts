import * as z from 'zod/mini';
import { idSchema, instantSchema, tenantSummarySchema } from './common';
import { PERMISSIONS } from './catalogue';

export const explainQuerySchema = z.strictObject({
  user: z.optional(idSchema),
  tenant: idSchema,
  permission: z.optional(
    z.string().check(
      z.maxLength(64, 'a permission is at most 64 characters'),
      z.refine((p) => PERMISSIONS.has(p), { message: 'unknown permission: see GET /v1/catalogue for the list' }),
    ),
  ),
});
export type ExplainQuery = z.infer<typeof explainQuerySchema>;

export const reasonSchema = z.object({ code: z.string(), ok: z.boolean(), message: z.string() });
export type ReasonDto = z.infer<typeof reasonSchema>;

export const explainResponseSchema = z.object({
  decision: z.enum(['allow', 'deny']),
  summary: z.string(),
  user: z.object({ id: z.string(), email: z.string() }),
  /** Null when the tenant is unknown or invisible to the caller: the two look the same. */
  tenant: z.nullable(tenantSummarySchema),
  permission: z.nullable(z.string()),
  via: z.nullable(z.enum(['home_tenant', 'grant'])),
  role: z.nullable(z.string()),
  platform_admin: z.boolean(),
  grant: z.nullable(z.object({ id: z.string(), expires_at: z.nullable(instantSchema), products: z.array(z.string()), revoked_at: z.nullable(instantSchema) })),
  effective_permissions: z.array(z.string()),
  reasons: z.array(reasonSchema),
  evaluated_at: instantSchema,
});
export type ExplainResponse = z.infer<typeof explainResponseSchema>;
