// Row-to-wire mappers shared by the routes: the wire shape lives in shared/.
import type { TenantSummary, UserSummary } from '../../shared/common';
import type { UserWithHome } from '../db/users';
import type { Viewer } from '../domain/visibility';

export const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const toTenantSummary = (t: { id: string; name: string; kind: TenantSummary['kind']; status: TenantSummary['status'] }): TenantSummary => ({
  id: t.id,
  name: t.name,
  kind: t.kind,
  status: t.status,
});

export const toUserSummary = (u: UserWithHome): UserSummary => ({
  id: u.user.id,
  email: u.user.email,
  name: u.user.name,
  home_tenant: toTenantSummary(u.home),
  role: u.role,
});

export const toViewer = (u: UserWithHome): Viewer => ({ userId: u.user.id, homeTenantId: u.home.id, homeKind: u.home.kind, role: u.role });
