// The Tenants tab's requests (seeds 000-002), asked with the session token through the typed client:
// list, create (a 400's details come back field by field), subscriptions, IP allow-list, an
// invitation link (the single-use token in the link's fragment) and termination.
import * as z from 'zod/mini';
import { invitationResponseSchema, tenantAdminListResponseSchema, tenantAdminResponseSchema } from '../../shared/access-admin-tenants';
import { errorBodySchema } from '../../shared/errors';
import type { BffClient } from '../utils/bff-client';
import { answerOf } from './access-admin-answers';
import type { AccessAdminRequest } from './access-admin-calls';

type TenantRequest = Extract<AccessAdminRequest, { type: `access.tenants.${string}` }>;
type Auth = { headers: { authorization: string } };
const ok = true as const;
const tenant = (body: z.infer<typeof tenantAdminResponseSchema>) => ({ ok, tenant: body.tenant });
const terminatedSchema = z.extend(tenantAdminResponseSchema, { revoked_grant_ids: z.array(z.string()) });

/** Where the invitee goes: the accept endpoint's address, the token in the fragment (never sent in a Referer or logged). */
export const invitationLink = (bff: BffClient, token: string) => `${bff.v1.invitations.accept.$url().toString()}#token=${encodeURIComponent(token)}`;

export async function accessAdminTenantCall(bff: BffClient, auth: Auth, request: TenantRequest) {
  const admin = bff.v1.admin.tenants;
  switch (request.type) {
    case 'access.tenants.list': {
      const { parent_id, status, q, kind } = request.query;
      const query = { kind, ...(parent_id ? { parent_id } : {}), ...(status ? { status } : {}), ...(q ? { q } : {}) };
      return answerOf(() => admin.$get({ query }, auth), tenantAdminListResponseSchema, (b) => ({ ok, tenants: b.tenants }), 'tenants');
    }
    case 'access.tenants.create': {
      let fields: { ok: false; error: 'invalid_fields'; message: string; fields: { path: string; message: string }[] } | null = null;
      const answer = await answerOf(
        async () => {
          const response = await admin.$post({ json: request.tenant }, auth);
          if (response.status !== 400) return response;
          const body: unknown = await response.json().catch(() => null);
          const refusal = errorBodySchema.safeParse(body);
          if (refusal.success && refusal.data.error.details?.length) fields = { ok: false, error: 'invalid_fields', message: refusal.data.error.message, fields: refusal.data.error.details };
          return { status: 400, headers: response.headers, json: async () => body };
        },
        tenantAdminResponseSchema,
        tenant,
        'a tenant',
      );
      return fields ?? answer;
    }
    case 'access.tenants.subscriptions':
      return answerOf(() => admin[':id'].subscriptions.$put({ param: { id: request.tenantId }, json: request.subscriptions }, auth), tenantAdminResponseSchema, tenant, 'a tenant');
    case 'access.tenants.ipAllowlist':
      return answerOf(() => admin[':id']['ip-allowlist'].$put({ param: { id: request.tenantId }, json: request.allowlist }, auth), tenantAdminResponseSchema, tenant, 'a tenant');
    case 'access.tenants.invite':
      return answerOf(
        () => admin[':id'].invitations.$post({ param: { id: request.tenantId }, json: request.invitation }, auth),
        invitationResponseSchema,
        (invitation) => ({ ok, invitation: { ...invitation, link: invitationLink(bff, invitation.token) } }),
        'an invitation',
      );
    case 'access.tenants.terminate':
      return answerOf(() => admin[':id'].terminate.$post({ param: { id: request.tenantId }, json: request.terminate }, auth), terminatedSchema, (b) => ({ ok, tenant: b.tenant, revokedGrantIds: b.revoked_grant_ids }), 'a tenant');
  }
}
