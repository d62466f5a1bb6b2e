import * as z from 'zod/mini';
import { idSchema, instantSchema, tenantSummarySchema } from './common';

export const tenantParamSchema = z.strictObject({ tenantId: idSchema });

const entitlementSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  /** `own`: the tenant's own subscription; `inherited`: decided by the partner (or SP) above it; `default`: always on. */
  source: z.enum(['default', 'own', 'inherited']),
  decided_by: z.object({ id: z.string(), name: z.string() }),
  reason: z.string(),
});

export const entitlementsResponseSchema = z.object({
  tenant: tenantSummarySchema,
  packages: z.array(entitlementSchema),
  addons: z.array(z.extend(entitlementSchema, { package: z.string() })),
  permission_sets: z.array(z.extend(entitlementSchema, { package: z.nullable(z.string()) })),
  evaluated_at: instantSchema,
});
export type EntitlementsResponse = z.infer<typeof entitlementsResponseSchema>;
