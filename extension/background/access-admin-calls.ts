// The access-admin requests of extension pages, answered with the BFF's typed client and the
// session token (which never leaves the background).
import { bulkAssignResponseSchema, changeSummaryResponseSchema, grantResponseSchema } from '../../shared/access-admin-grants';
import { extensionRequestListResponseSchema, extensionRequestResponseSchema } from '../../shared/access-admin-extension-requests';
import { relationshipListResponseSchema, relationshipResponseSchema } from '../../shared/access-admin-relationships';
import type { BackgroundRequest } from '../../shared/extension-messages';
import type { BffClient } from '../utils/bff-client';
import { failure } from '../utils/messaging';
import { answerOf, grantAnswerOf, relationshipAnswerOf } from './access-admin-answers';
import { accessAdminTenantCall } from './access-admin-tenant-calls';
import { accessAdminViewCall } from './access-admin-view-calls';
import type * as z from 'zod/mini';

export type AccessAdminRequest = Extract<BackgroundRequest, { type: `access.${'grants' | 'requests' | 'relationships' | 'customers' | 'users' | 'audit' | 'tenants'}.${string}` }>;

const ADMIN_PREFIXES = ['access.grants.', 'access.requests.', 'access.relationships.', 'access.customers.', 'access.users.', 'access.audit.', 'access.tenants.'];
export const isAccessAdminRequest = (request: BackgroundRequest): request is AccessAdminRequest => ADMIN_PREFIXES.some((p) => request.type.startsWith(p));

const ok = true as const;
export const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** Answers one access-admin request for the holder of `token`. */
export async function accessAdminCall(bff: BffClient, token: string, request: AccessAdminRequest) {
  const auth = bearer(token);
  const grant = (body: z.infer<typeof grantResponseSchema>) => ({ ok, grant: body.grant, summary: body.summary });
  const relationship = (result: z.infer<typeof relationshipResponseSchema>) => ({ ok, result });
  switch (request.type) {
    case 'access.grants.preview': {
      if (request.assign) return answerOf(() => bff.v1.grants.preview.$post({ json: request.assign! }, auth), changeSummaryResponseSchema, (b) => ({ ok, summaries: b.summaries }), 'a change summary');
      if (request.grantId && request.edit)
        return grantAnswerOf(() => bff.v1.grants[':id'].preview.$post({ param: { id: request.grantId! }, json: request.edit! }, auth), changeSummaryResponseSchema, (b) => ({ ok, summaries: b.summaries }), 'a change summary');
      return failure('invalid_request', 'Say what to preview: an assignment, or a grant and its edit.');
    }
    case 'access.grants.assign':
      return answerOf(() => bff.v1.grants.$post({ json: request.assign }, auth), bulkAssignResponseSchema, (result) => ({ ok, result }), 'grants');
    case 'access.grants.edit':
      return grantAnswerOf(() => bff.v1.grants[':id'].$patch({ param: { id: request.grantId }, json: request.edit }, auth), grantResponseSchema, grant, 'a grant');
    case 'access.grants.extend':
      return grantAnswerOf(() => bff.v1.grants[':id'].extend.$post({ param: { id: request.grantId }, json: { version: request.version, duration: request.duration } }, auth), grantResponseSchema, grant, 'a grant');
    case 'access.grants.remove':
      return grantAnswerOf(() => bff.v1.grants[':id'].$delete({ param: { id: request.grantId }, json: { version: request.version } }, auth), grantResponseSchema, grant, 'a grant');
    case 'access.requests.list':
      return answerOf(() => bff.v1['extension-requests'].$get({ query: request.state ? { state: request.state } : {} }, auth), extensionRequestListResponseSchema, (b) => ({ ok, requests: b.requests }), 'requests');
    case 'access.requests.decide':
      return answerOf(() => bff.v1['extension-requests'].decide.$post({ json: { decisions: request.decisions } }, auth), extensionRequestListResponseSchema, (b) => ({ ok, requests: b.requests }), 'requests');
    case 'access.relationships.list':
      return answerOf(() => bff.v1.relationships.$get({ query: {} }, auth), relationshipListResponseSchema, (b) => ({ ok, relationships: b.relationships }), 'relationships');
    case 'access.relationships.request':
      return answerOf(() => bff.v1.relationships.$post({ json: { customer_id: request.customerId } }, auth), relationshipResponseSchema, relationship, 'a relationship');
    case 'access.relationships.approve':
      return relationshipAnswerOf(() => bff.v1.relationships[':id'].approve.$post({ param: { id: request.relationshipId }, json: { version: request.version } }, auth), relationshipResponseSchema, relationship, 'a relationship');
    case 'access.relationships.remove':
      return relationshipAnswerOf(() => bff.v1.relationships[':id'].$delete({ param: { id: request.relationshipId }, json: { version: request.version } }, auth), relationshipResponseSchema, relationship, 'a relationship');
    case 'access.tenants.list':
    case 'access.tenants.create':
    case 'access.tenants.subscriptions':
    case 'access.tenants.ipAllowlist':
    case 'access.tenants.invite':
    case 'access.tenants.terminate':
      return accessAdminTenantCall(bff, auth, request);
    default:
      return accessAdminViewCall(bff, auth, request);
  }
}

/** The analyst's request for more time on their grant to `tenantId` (found in the cached context). */
export async function requestMoreTime(bff: BffClient, token: string, grantId: string | null, request: { reason: string; until?: string }) {
  if (!grantId) return failure('not_found', 'You hold no access to this customer to extend; refresh your customers and try again.');
  const json = { grant_id: grantId, reason: request.reason, ...(request.until ? { requested_expires_at: request.until } : {}) };
  return answerOf(() => bff.v1['extension-requests'].$post({ json }, bearer(token)), extensionRequestResponseSchema, (b) => ({ ok, request: b.request }), 'a request');
}
