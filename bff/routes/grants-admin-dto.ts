// Row-to-wire mappers of access administration (shapes in shared/access-admin-*.ts).
import type { ChangeSummary, GrantTerms, GrantView, RelationshipView } from '../../shared/access-admin';
import type { GrantWithNames } from '../db/grant-admin';
import type { RelationshipWithNames } from '../db/relationship-admin';
import { summarizeChange, type Terms } from '../domain/grant-change-summary';
import { isoOrNull } from './dto';

export function toGrantView({ grant, user, customer }: GrantWithNames, now: Date): GrantView {
  const state = grant.revokedAt ? 'revoked' : grant.expiresAt && grant.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
  return {
    id: grant.id,
    version: grant.version,
    user,
    customer,
    partner_id: grant.partnerId,
    platform_admin: grant.platformAdmin,
    role: grant.role,
    products: grant.products,
    expires_at: isoOrNull(grant.expiresAt),
    state,
    granted_by: grant.grantedBy,
    granted_at: grant.grantedAt.toISOString(),
    revoked_at: isoOrNull(grant.revokedAt),
    last_access_at: isoOrNull(grant.lastAccessAt),
  };
}

export const toRelationshipView = ({ relationship: r, partner, customer }: RelationshipWithNames): RelationshipView => ({
  id: r.id,
  version: r.version,
  partner,
  customer,
  state: r.state,
  requested_at: r.requestedAt.toISOString(),
  approved_at: isoOrNull(r.approvedAt),
  removed_at: isoOrNull(r.removedAt),
  removed_by: r.removedBy,
  notify_on_grant_changes: r.notifyOnGrantChanges,
});

export const termsOf = (g: { platformAdmin: boolean; role: string | null; products: readonly string[]; expiresAt: Date | null }): Terms => ({
  platformAdmin: g.platformAdmin,
  role: g.role,
  products: [...g.products],
  expiresAt: g.expiresAt,
});

const toWireTerms = (t: Terms | null): GrantTerms | null =>
  t && { platform_admin: t.platformAdmin, role: t.role, products: [...t.products].sort(), expires_at: isoOrNull(t.expiresAt) };

export function toChangeSummary(
  who: { user: ChangeSummary['user']; customer: ChangeSummary['customer']; grantId: string | null },
  original: Terms | null,
  updated: Terms | null,
): ChangeSummary {
  return { user: who.user, customer: who.customer, grant_id: who.grantId, original: toWireTerms(original), updated: toWireTerms(updated), ...summarizeChange(original, updated) };
}
