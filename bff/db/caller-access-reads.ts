// What the explain and entitlements routes read about the caller and one tenant (where the tenant
// sits, the caller's deciding grant, then the facts behind role resolution), kept per (user,
// tenant) with the context version the caller was read at. Every write those reads depend on moves
// that version (the triggers of migrations 0005 and 0007: grants, memberships and the user per
// user; tenants, relationships and subscriptions for everyone), so a hit is as fresh as a read.
// Nothing time-dependent is kept: the routes decide with the clock on every request.
// A tenant the caller may not see and one that does not exist are kept alike (one entry each, the
// same reads to make it), so the cache makes neither answer faster than the other.
import type { Tx } from './client';
import { loadAccessFacts, type LoadedFacts } from './access-facts';
import { versionReadWith } from './context-versions';
import { findDecidingGrant, type GrantRow } from './grants';
import { hotStoreOf } from './prepared';
import { tenantPlacement, type TenantPlacement } from './tenants';
import type { UserWithHome } from './users';

export interface CallerAccessReads {
  placement: TenantPlacement;
  /** The caller's own deciding grant there. */
  ownGrant: GrantRow | undefined;
  /** The facts for the caller entering the tenant: read on first call, only once visibility allows it. */
  facts(): Promise<LoadedFacts | undefined>;
}

interface Entry {
  version: string;
  reads: CallerAccessReads;
}

const seen = new WeakMap<object, Map<string, Entry>>();
const MAX_ENTRIES = 50_000;

function fresh(db: Tx, caller: UserWithHome, tenantId: string, placement: TenantPlacement, ownGrant: GrantRow | undefined): CallerAccessReads {
  let facts: Promise<LoadedFacts | undefined> | undefined;
  return { placement, ownGrant, facts: () =>
      (facts ??= loadAccessFacts(db, caller, tenantId).catch((err: unknown) => {
        facts = undefined; // a failed read (a busy database) is tried again by the next request
        throw err;
      })),
  };
}

/** The reads for `caller` and `tenantId`, from the cache while the caller's context version stands. */
export async function callerAccessReads(db: Tx, caller: UserWithHome, tenantId: string): Promise<CallerAccessReads> {
  const hot = hotStoreOf(db);
  const version = versionReadWith(caller);
  const key = `${caller.user.id}\u0000${tenantId}`;
  const entries = hot && version !== undefined ? (seen.get(hot) ?? seen.set(hot, new Map()).get(hot)!) : undefined;
  const hit = entries?.get(key);
  if (hit && hit.version === version) return hit.reads;
  const [placement, ownGrant] = await Promise.all([tenantPlacement(db, tenantId, caller.home.id), findDecidingGrant(db, caller.user.id, tenantId)]);
  const reads = fresh(db, caller, tenantId, placement, ownGrant);
  if (entries) {
    if (hit) entries.delete(key);
    else if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { version: version!, reads });
  }
  return reads;
}
