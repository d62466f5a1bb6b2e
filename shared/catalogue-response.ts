import * as z from 'zod/mini';

export const catalogueResponseSchema = z.object({
  packages: z.array(z.object({ id: z.string(), name: z.string(), always_on: z.boolean() })),
  addons: z.array(z.object({ id: z.string(), name: z.string(), package: z.string() })),
  permission_sets: z.array(
    z.object({ id: z.string(), name: z.string(), scope: z.enum(['customer', 'partner']), package: z.nullable(z.string()), permissions: z.array(z.string()) }),
  ),
  roles: z.array(z.object({ id: z.string(), name: z.string(), scope: z.enum(['customer', 'partner']), permissions: z.array(z.string()) })),
});
export type CatalogueResponse = z.infer<typeof catalogueResponseSchema>;
