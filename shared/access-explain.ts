import { z } from 'zod';
import { idSchema, instantSchema, tenantSummarySchema } from './common';
import { PERMISSIONS } from './catalogue';

export const explainQuerySchema = z.strictObject({
  user: idSchema.optional(),
  tenant: idSchema,
  permission: z
    .string()
    .max(64)
    .refine((p) => PERMISSIONS.has(p), { message: 'unknown permission: see GET /v1/catalogue for the list' })
    .optional(),
});
export type ExplainQuery = z.infer<typeof explainQuerySchema>;

export const reasonSchema = z.object({ code: z.string(), ok: z.boolean(), message: z.string() });
export type ReasonDto = z.infer<typeof reasonSchema>;

export const explainResponseSchema = z.object({
  decision: z.enum(['allow', 'deny']),
  summary: z.string(),
  user: z.object({ id: z.string(), email: z.string() }),
  /** Null when the tenant is unknown or invisible to the caller: the two look the same. */
  tenant: tenantSummarySchema.nullable(),
  permission: z.string().nullable(),
  via: z.enum(['home_tenant', 'grant']).nullable(),
  role: z.string().nullable(),
  platform_admin: z.boolean(),
  grant: z
    .object({ id: z.string(), expires_at: instantSchema.nullable(), products: z.array(z.string()), revoked_at: instantSchema.nullable() })
    .nullable(),
  effective_permissions: z.array(z.string()),
  reasons: z.array(reasonSchema),
  evaluated_at: instantSchema,
});
export type ExplainResponse = z.infer<typeof explainResponseSchema>;
