// What the BFF says about a tenant: its entitlements, and why a user may or may not act in it.
import { explainResponseSchema } from '../../shared/access-explain';
import { entitlementsResponseSchema } from '../../shared/entitlements';
import type { Failure } from '../../shared/extension-messages';
import type { BffClient } from '../utils/bff-client';
import { failure } from '../utils/messaging';
import { failureFrom, reach } from './bff-failure';

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

export async function tenantEntitlements(bff: BffClient, sessionToken: string, tenantId: string) {
  const reached = await reach(() => bff.v1.tenants[':tenantId'].entitlements.$get({ param: { tenantId } }, bearer(sessionToken)));
  if (!('response' in reached)) return reached;
  const { response } = reached;
  if (response.status !== 200) return failureFrom(response);
  const parsed = entitlementsResponseSchema.safeParse(await response.json());
  return parsed.success ? { ok: true as const, entitlements: parsed.data } : failure('bad_answer', 'The Switchboard service sent entitlements that do not parse.');
}

export async function explainAccess(bff: BffClient, sessionToken: string, question: { tenantId: string; permission?: string; userId?: string }) {
  const query = { tenant: question.tenantId, ...(question.permission ? { permission: question.permission } : {}), ...(question.userId ? { user: question.userId } : {}) };
  const reached = await reach(() => bff.v1.access.explain.$get({ query }, bearer(sessionToken)));
  if (!('response' in reached)) return reached;
  const { response } = reached;
  if (response.status !== 200) return failureFrom(response);
  const parsed = explainResponseSchema.safeParse(await response.json());
  return parsed.success ? { ok: true as const, explanation: parsed.data } : failure('bad_answer', 'The Switchboard service sent an explanation that does not parse.');
}

export type AccessAnswer = Awaited<ReturnType<typeof explainAccess>> | Failure;
