// The reference resolver of the isolation properties: who may see and enter what, written from
// the rules in docs/decisions.md and seed 000/003, without importing bff/.
import { ROLES, type RoleId } from '../../shared/catalogue';
import type { WGrant, WTenant, WUser, World } from './isolation-world';

const perms = (role: string) => new Set<string>(role in ROLES ? ROLES[role as RoleId].permissions : []);

export class Reference {
  private byId: Map<string, WTenant>;
  constructor(readonly world: World) {
    this.byId = new Map(world.tenants.map((t) => [t.id, t]));
  }
  tenant = (id: string) => this.byId.get(id);
  ancestors(id: string): string[] {
    const out: string[] = [];
    for (let t = this.byId.get(id)?.parentId; t; t = this.byId.get(t)?.parentId) out.push(t);
    return out;
  }
  /** The grant that decides: the live one, else the most recently revoked. */
  grant(user: WUser, tenantId: string): WGrant | undefined {
    const all = this.world.grants.filter((g) => g.userId === user.id && g.customerId === tenantId);
    return all.find((g) => g.revokedAt === null) ?? all.sort((a, b) => b.revokedAt! - a.revokedAt!)[0];
  }
  delegated(user: WUser, tenantId: string): WGrant | undefined {
    const g = this.grant(user, tenantId);
    return g && g.partnerId === user.homeTenantId && this.tenant(tenantId)?.parentId === user.homeTenantId ? g : undefined;
  }
  /** May `user` enter the tenant at the world's instant (role resolution's entry check). */
  enters(user: WUser, tenantId: string): boolean {
    const t = this.tenant(tenantId);
    if (!t || t.status !== 'active') return false;
    if (tenantId === user.homeTenantId) return true;
    const home = this.tenant(user.homeTenantId)!;
    if (home.status !== 'active') return false;
    const rel = this.world.relationships.find((r) => r.partnerId === user.homeTenantId && r.customerId === tenantId);
    if (rel?.state !== 'approved') return false;
    const g = this.delegated(user, tenantId);
    const now = this.world.now;
    return !!g && !(g.revokedAt !== null && g.revokedAt <= now) && !(g.expiresAt !== null && g.expiresAt <= now);
  }
  private underHomeWithView(user: WUser, tenantId: string) {
    const p = perms(user.role);
    return this.ancestors(tenantId).includes(user.homeTenantId) && (p.has('MSP_View') || p.has('Clients_View'));
  }
  /** Entitlements: home, under home with a view permission, or a grant that lets the user in now. */
  seesForEntitlements(user: WUser, tenantId: string): boolean {
    if (!this.tenant(tenantId)) return false;
    return tenantId === user.homeTenantId || this.underHomeWithView(user, tenantId) || (!!this.delegated(user, tenantId) && this.enters(user, tenantId));
  }
  /** Explain: the same, but a delegated grant reveals its tenant even once revoked or expired. */
  seesForExplain(user: WUser, tenantId: string): boolean {
    if (!this.tenant(tenantId)) return false;
    return tenantId === user.homeTenantId || this.underHomeWithView(user, tenantId) || !!this.delegated(user, tenantId);
  }
  /** A token is issued only for a client entered through a grant, from an address its allow-list admits (none in-process). */
  exchangeIssues(user: WUser, tenantId: string): boolean {
    const t = this.tenant(tenantId);
    if (!t || t.kind !== 'client' || !this.delegated(user, tenantId) || !this.enters(user, tenantId) || t.allowlist.length > 0) return false;
    const g = this.delegated(user, tenantId)!;
    return g.expiresAt === null || g.expiresAt - this.world.now >= 1000;
  }
  /** The customers listed in the context: live grants from the user's own partner into its clients. */
  contextCustomers(user: WUser): { id: string; switchable: boolean }[] {
    return this.world.grants
      .filter((g) => g.userId === user.id && g.revokedAt === null && g.partnerId === user.homeTenantId && this.tenant(g.customerId)?.parentId === g.partnerId)
      .map((g) => ({ id: g.customerId, switchable: this.enters(user, g.customerId) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  /** Tenants whose id or name may appear in any answer to `user`: what they see, with its ancestors. */
  reachable(user: WUser): Set<string> {
    const out = new Set<string>([user.homeTenantId, ...this.ancestors(user.homeTenantId)]);
    for (const t of this.world.tenants) if (this.seesForExplain(user, t.id)) [t.id, ...this.ancestors(t.id)].forEach((id) => out.add(id));
    return out;
  }
}
