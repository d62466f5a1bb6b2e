// Turning an assignment or an edit into checked terms: who, which customer, what access, and the
// change summary of seed 003. Reads only; the routes write.
import type { Context } from 'hono';
import type { BulkAssignRequest, ChangeSummary, GrantEditRequest } from '../../shared/access-admin';
import type { AppDeps } from '../deps';
import type { Tx } from '../db/client';
import { grantById, unrevokedGrant, type GrantRow, type GrantWithNames } from '../db/grant-admin';
import { findRelationship } from '../db/grants';
import { tenantChain } from '../db/tenants';
import { findUserById } from '../db/users';
import { computeEntitlements, enabledPackages } from '../domain/entitlements';
import type { Terms } from '../domain/grant-change-summary';
import { expiryFor, termProblems } from '../domain/grant-terms';
import type { AuthEnv } from '../middleware/auth';
import { ApiError } from '../middleware/errors';
import { notFound, requirePermission, viewerOf } from './grants-admin-support';
import { termsOf, toChangeSummary } from './grants-admin-dto';

export interface PlannedPair {
  user: { id: string; email: string; name: string };
  customer: { id: string; name: string };
  terms: Terms;
  /** An unrevoked grant that has expired: revoked when the new one is written. */
  expired: GrantRow | null;
  summary: ChangeSummary;
}

const invalid = (problems: string[]) => new ApiError(400, 'invalid_request', problems.join('; '));

/** The caller's partner, once Clients_Manage is established. */
export function managingPartner(c: Context<AuthEnv>): string {
  const caller = c.get('caller');
  requirePermission(viewerOf(c), ['Clients_Manage'], caller.home.name);
  return caller.home.id;
}

/** A client of the partner, with its enabled packages; anything else answers like a missing one. */
async function customerOf(db: Tx, partnerId: string, customerId: string) {
  const chain = await tenantChain(db, customerId);
  const customer = chain[chain.length - 1];
  if (!customer || customer.kind !== 'client' || customer.parentId !== partnerId) throw notFound(`customer ${customerId}`);
  return { id: customer.id, name: customer.name, packages: new Set<string>(enabledPackages(computeEntitlements(chain))) };
}

/**
 * Checks every (user, customer) pair of a bulk assignment: users of the caller's partner, approved
 * clients of it, terms each customer allows. A user who already has live access is reported by
 * the write (all or nothing), and by the preview as a conflict too.
 */
export async function planAssignment(deps: AppDeps, db: Tx, partnerId: string, body: BulkAssignRequest): Promise<PlannedPair[]> {
  const now = deps.clock();
  const expiry = expiryFor(body.duration, now);
  if ('error' in expiry) throw invalid([expiry.error]);
  const users = [];
  for (const id of new Set(body.user_ids)) {
    const found = await findUserById(db, id);
    if (!found || found.user.homeTenantId !== partnerId || found.user.status !== 'active') throw notFound(`user ${id}`);
    users.push({ id: found.user.id, email: found.user.email, name: found.user.name });
  }
  if (new Set(body.customers.map((x) => x.customer_id)).size !== body.customers.length) throw invalid(['a customer is listed twice']);
  const pairs: PlannedPair[] = [];
  for (const assignment of body.customers) {
    const customer = await customerOf(db, partnerId, assignment.customer_id);
    const relationship = await findRelationship(db, partnerId, customer.id);
    if (relationship?.state !== 'approved') {
      const state = relationship ? (relationship.state === 'pending' ? 'is pending customer approval' : 'was removed') : 'does not exist';
      throw new ApiError(409, 'conflict', `the relationship with ${customer.name} ${state}: only an approved customer can be assigned (seed 003)`);
    }
    const problems = termProblems(assignment.role, assignment.products, customer.packages, customer.name);
    if (problems.length) throw invalid(problems);
    const terms: Terms = { platformAdmin: body.platform_admin, role: assignment.role, products: assignment.products, expiresAt: expiry.expiresAt };
    for (const user of users) {
      const existing = await unrevokedGrant(db, user.id, customer.id);
      const live = existing && (!existing.expiresAt || existing.expiresAt.getTime() > now.getTime());
      pairs.push({
        user,
        customer: { id: customer.id, name: customer.name },
        terms,
        expired: live ? null : (existing ?? null),
        summary: toChangeSummary({ user, customer: { id: customer.id, name: customer.name }, grantId: live ? existing.id : null }, live ? termsOf(existing) : null, terms),
      });
    }
  }
  return pairs;
}

/** A grant of the caller's partner (404 otherwise), not yet revoked. */
export async function visibleGrant(db: Tx, partnerId: string, id: string): Promise<GrantWithNames> {
  const found = await grantById(db, id);
  if (!found || found.grant.partnerId !== partnerId) throw notFound('grant');
  return found;
}

/** The terms an edit leads to, checked against what the customer allows. */
export async function planEdit(deps: AppDeps, db: Tx, found: GrantWithNames, edit: Omit<GrantEditRequest, 'version'>): Promise<{ terms: Terms; summary: ChangeSummary }> {
  const { grant } = found;
  let expiresAt = grant.expiresAt;
  if (edit.duration) {
    const expiry = expiryFor(edit.duration, deps.clock());
    if ('error' in expiry) throw invalid([expiry.error]);
    expiresAt = expiry.expiresAt;
  }
  const terms: Terms = {
    platformAdmin: edit.platform_admin ?? grant.platformAdmin,
    role: edit.role === undefined ? grant.role : edit.role,
    products: edit.products ?? grant.products,
    expiresAt,
  };
  if (edit.role !== undefined || edit.products) {
    const customer = await customerOf(db, grant.partnerId, grant.customerId);
    const problems = termProblems(terms.role, edit.products ?? [], customer.packages, customer.name);
    if (problems.length) throw invalid(problems);
  }
  return { terms, summary: toChangeSummary({ user: found.user, customer: found.customer, grantId: grant.id }, termsOf(grant), terms) };
}
