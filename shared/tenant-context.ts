import * as z from 'zod/mini';
import { instantSchema, tenantStatusSchema, tenantSummarySchema, userSummarySchema } from './common';

export const blockedReasonSchema = z.object({ code: z.string(), message: z.string() });

/** One customer in the switcher: switchable or, if not, why. */
export const customerEntrySchema = z.object({
  tenant_id: z.string(),
  name: z.string(),
  status: tenantStatusSchema,
  relationship: z.enum(['pending', 'approved', 'removed', 'missing']),
  switchable: z.boolean(),
  blocked: z.nullable(blockedReasonSchema),
  grant_id: z.string(),
  role: z.nullable(z.string()),
  platform_admin: z.boolean(),
  products: z.array(z.string()),
  expires_at: z.nullable(instantSchema),
  last_access_at: z.nullable(instantSchema),
});
export type CustomerEntry = z.infer<typeof customerEntrySchema>;

export const recentEntrySchema = z.object({ tenant_id: z.string(), switched_at: instantSchema });

export const tenantContextSchema = z.object({
  user: userSummarySchema,
  home_tenant: tenantSummarySchema,
  customers: z.array(customerEntrySchema),
  recents: z.array(recentEntrySchema),
  generated_at: instantSchema,
});
export type TenantContext = z.infer<typeof tenantContextSchema>;
