// The claims of a customer token (RFC 9068 access token issued by the BFF's token exchange),
// parsed once at the boundary so nothing downstream trusts an unchecked payload.
import { z } from 'zod';
import { idSchema } from '../shared/common';

export const customerClaimsSchema = z.object({
  iss: z.string(),
  sub: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  iat: z.number(),
  jti: z.string().min(1),
  client_id: z.string().min(1),
  /** Space-separated permission ids (RFC 9068 §2.2.3.1). */
  scope: z.string(),
  tenant_id: idSchema,
  tenant_name: z.string().min(1),
  packages: z.array(z.string()),
  email: z.string().min(1),
  home_tenant_id: idSchema,
  roles: z.array(z.string()),
  platform_admin: z.boolean(),
  grant_id: z.string().min(1),
  act: z.object({ sub: z.string(), sub_type: z.string() }),
  sid: z.string().optional(),
});
export type CustomerClaims = z.infer<typeof customerClaimsSchema>;

/** The token's permissions as a set. */
export const scopeOf = (claims: CustomerClaims): ReadonlySet<string> => new Set(claims.scope.split(' ').filter(Boolean));
