// The access view's lists (seed 003's Customers and Users tabs), renaming, and the audit trail
// with its export, asked with the session token by the background.
import { auditListResponseSchema } from '../../shared/access-admin-audit';
import { customerDetailResponseSchema, customerListResponseSchema, userDetailResponseSchema, userListResponseSchema } from '../../shared/access-admin-views';
import type { BffClient } from '../utils/bff-client';
import * as z from 'zod/mini';
import { answerOf } from './access-admin-answers';
import type { AccessAdminRequest } from './access-admin-calls';
import { failureFrom, reach } from './bff-failure';

type ViewRequest = Extract<AccessAdminRequest, { type: `access.${'customers' | 'users' | 'audit'}.${string}` }>;
const ok = true as const;

/** A query travels as strings: `limit` is a number in the message and a string on the wire. */
const withLimit = <Q extends { limit?: number }>({ limit, ...rest }: Q) => ({ ...rest, ...(limit === undefined ? {} : { limit: String(limit) }) });

export async function accessAdminViewCall(bff: BffClient, auth: { headers: { authorization: string } }, request: ViewRequest) {
  switch (request.type) {
    case 'access.customers.list':
      return answerOf(() => bff.v1.partners[':partnerId'].customers.$get({ param: { partnerId: request.partnerId }, query: withLimit(request.query) }, auth), customerListResponseSchema, (page) => ({ ok, page }), 'customers');
    case 'access.customers.detail':
      return answerOf(() => bff.v1.partners[':partnerId'].customers[':customerId'].$get({ param: { partnerId: request.partnerId, customerId: request.customerId } }, auth), customerDetailResponseSchema, (detail) => ({ ok, detail }), 'a customer');
    case 'access.customers.rename':
      return answerOf(() => bff.v1.partners[':partnerId'].customers[':customerId'].$patch({ param: { partnerId: request.partnerId, customerId: request.customerId }, json: request.rename }, auth), z.unknown(), () => ({ ok }), 'a customer');
    case 'access.users.list':
      return answerOf(() => bff.v1.partners[':partnerId'].users.$get({ param: { partnerId: request.partnerId }, query: withLimit(request.query) }, auth), userListResponseSchema, (page) => ({ ok, page }), 'users');
    case 'access.users.detail':
      return answerOf(() => bff.v1.partners[':partnerId'].users[':userId'].$get({ param: { partnerId: request.partnerId, userId: request.userId } }, auth), userDetailResponseSchema, (detail) => ({ ok, detail }), 'a user');
    case 'access.audit.list':
      return answerOf(() => bff.v1.audit.$get({ query: withLimit(request.query) }, auth), auditListResponseSchema, (page) => ({ ok, page }), 'audit events');
    case 'access.audit.export':
      return auditExport(bff, auth, request.query);
  }
}

/** The export, read whole here: the page gets text to save, never a URL that needs the token. */
async function auditExport(bff: BffClient, auth: { headers: { authorization: string } }, query: Extract<AccessAdminRequest, { type: 'access.audit.export' }>['query']) {
  const reached = await reach(() => bff.v1.audit.export.$get({ query }, auth));
  if (!('response' in reached)) return reached;
  const { response } = reached;
  if (response.status !== 200) return failureFrom(response);
  const csv = query.format === 'csv';
  return { ok, fileName: `switchboard-audit.${csv ? 'csv' : 'jsonl'}`, mediaType: csv ? 'text/csv' : 'application/jsonl', text: await response.text() };
}

