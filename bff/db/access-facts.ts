// Gathers what role resolution needs about (user, tenant) from the database.
import type { Tx } from './client';
import type { AccessFacts, UserFact } from '../domain/access';
import { computeEntitlements, type Entitlements } from '../domain/entitlements';
import { findDecidingGrant, findRelationship } from './grants';
import { tenantChain, toTenantFact, type ChainLink } from './tenants';
import type { UserRow, UserWithHome } from './users';
import { versionReadWith } from './context-versions';

const entitlementsOf = new WeakMap<ChainLink[], Entitlements>();

export const toUserFact = (u: UserRow): UserFact => ({ id: u.id, email: u.email, status: u.status, homeTenantId: u.homeTenantId });

export interface LoadedFacts {
  facts: AccessFacts;
  chain: ChainLink[];
  entitlements: Entitlements;
}

/** Facts for `subject` entering `tenantId`, or undefined when the tenant does not exist. The three look-ups run whether it exists or not. */
export async function loadAccessFacts(db: Tx, subject: UserWithHome, tenantId: string): Promise<LoadedFacts | undefined> {
  const everyone = versionReadWith(subject)?.split('.')[1];
  const [chain, grant, relationship] = await Promise.all([
    tenantChain(db, tenantId, everyone),
    findDecidingGrant(db, subject.user.id, tenantId),
    findRelationship(db, subject.user.homeTenantId, tenantId),
  ]);
  const tenant = chain[chain.length - 1];
  if (!tenant) return undefined;
  const facts: AccessFacts = {
    user: toUserFact(subject.user),
    tenant: toTenantFact(tenant),
    tenantParentId: tenant.parentId,
    homeRole: tenant.id === subject.user.homeTenantId ? subject.role : null,
    partner: toTenantFact(subject.home),
    relationship: relationship
      ? { id: relationship.id, state: relationship.state, removedAt: relationship.removedAt, removedBy: relationship.removedBy }
      : null,
    grant: grant
      ? {
          id: grant.id,
          partnerId: grant.partnerId,
          role: grant.role,
          platformAdmin: grant.platformAdmin,
          products: grant.products,
          expiresAt: grant.expiresAt,
          revokedAt: grant.revokedAt,
        }
      : null,
  };
  // Computed only once the caller may see the tenant: a forbidden tenant costs what an unknown one
  // does. Once per chain: a cached chain (bff/db/tenants.ts) keeps its entitlements with it.
  return {
    facts,
    chain,
    get entitlements() {
      let entitlements = entitlementsOf.get(chain);
      if (!entitlements) entitlementsOf.set(chain, (entitlements = computeEntitlements(chain)));
      return entitlements;
    },
  };
}
