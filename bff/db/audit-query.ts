// Reading the audit trail (issue 17): the events of a tenant's subtree, filtered, newest first,
// keyset-paged on (at, id) so pages and exports never skip or repeat a row.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './client';
import { auditEvents, tenants, users } from './schema';

export type AuditRow = typeof auditEvents.$inferSelect;

export interface AuditFilter {
  /** Only events of tenants at or below this one, or by or about their users. */
  scopeTenantId: string;
  tenantId?: string;
  userId?: string;
  from?: Date;
  to?: Date;
  action?: string;
  /** Keyset: events strictly older than (at, id). */
  before?: [number, string];
  limit: number;
}

export async function queryAudit(db: Tx, f: AuditFilter): Promise<AuditRow[]> {
  const where: SQL[] = [
    sql`(e.tenant_id in (select id from scope)
      or e.actor_user_id in (select u.id from ${users} u where u.home_tenant_id in (select id from scope))
      or e.subject_user_id in (select u.id from ${users} u where u.home_tenant_id in (select id from scope)))`,
  ];
  if (f.tenantId) where.push(sql`e.tenant_id = ${f.tenantId}`);
  if (f.userId) where.push(sql`(e.actor_user_id = ${f.userId} or e.subject_user_id = ${f.userId})`);
  if (f.from) where.push(sql`e.at >= ${f.from.getTime()}`);
  if (f.to) where.push(sql`e.at < ${f.to.getTime()}`);
  if (f.action) where.push(f.action.endsWith('.') ? sql`substr(e.action, 1, ${f.action.length}) = ${f.action}` : sql`e.action = ${f.action}`);
  if (f.before) where.push(sql`(e.at < ${f.before[0]} or (e.at = ${f.before[0]} and e.id < ${f.before[1]}))`);
  const rows = await db.all<Record<string, unknown>>(sql`
    with recursive scope(id, depth) as (
      select ${f.scopeTenantId}, 0
      union all select t.id, scope.depth + 1 from ${tenants} t join scope on t.parent_id = scope.id where scope.depth < 8
    )
    select e.* from ${auditEvents} e where ${sql.join(where, sql` and `)}
    order by e.at desc, e.id desc limit ${f.limit}`);
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(Number(r.at)),
    action: String(r.action),
    outcome: r.outcome as AuditRow['outcome'],
    actorUserId: typeof r.actor_user_id === 'string' ? r.actor_user_id : null,
    subjectUserId: typeof r.subject_user_id === 'string' ? r.subject_user_id : null,
    tenantId: typeof r.tenant_id === 'string' ? r.tenant_id : null,
    ip: typeof r.ip === 'string' ? r.ip : null,
    reason: typeof r.reason === 'string' ? r.reason : null,
    detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}
