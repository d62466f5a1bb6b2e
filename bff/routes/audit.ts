// GET /v1/audit (keyset-paged) and GET /v1/audit/export (CSV or JSON lines, streamed page by page
// as the client reads, never built in memory): who did what, when, before and after.
import { Hono, type Context } from 'hono';
import { AUDIT_CSV_COLUMNS, auditExportQuerySchema, auditQuerySchema, type AuditEventView, type AuditListResponse } from '../../shared/access-admin';
import type { AppDeps } from '../deps';
import { queryAudit, type AuditFilter, type AuditRow } from '../db/audit-query';
import { tenantChain } from '../db/tenants';
import { findUserById } from '../db/users';
import { csvLine } from '../domain/audit-csv';
import { decodeCursor, encodeCursor } from '../domain/keyset-cursor';
import { requireCaller, type AuthEnv } from '../middleware/auth';
import { ApiError } from '../middleware/errors';
import { validate } from '../middleware/validate';
import { auditRefusals, notFound, requirePermission, viewerOf } from './grants-admin-support';

const DEFAULT_LIMIT = 100;
const EXPORT_BATCH = 500;

const toView = (r: AuditRow): AuditEventView => ({
  id: r.id,
  at: r.at.toISOString(),
  action: r.action,
  outcome: r.outcome,
  actor_user_id: r.actorUserId,
  subject_user_id: r.subjectUserId,
  tenant_id: r.tenantId,
  ip: r.ip,
  reason: r.reason,
  before: r.detail?.before ?? null,
  after: r.detail?.after ?? null,
});

type Query = { tenant_id?: string; user_id?: string; from?: string; to?: string; action?: string };

/**
 * The caller's scope: their home tenant and everything below it, read with Clients_View or
 * MSP_View (a customer's own Platform Administrator for the customer). A tenant or user outside
 * it answers like a missing one.
 */
async function filterFor(deps: AppDeps, c: Context<AuthEnv>, q: Query): Promise<Omit<AuditFilter, 'limit' | 'before'>> {
  const viewer = viewerOf(c);
  requirePermission(viewer, viewer.homeKind === 'client' ? ['Platform Administrator'] : ['Clients_View', 'MSP_View'], c.get('caller').home.name);
  const db = deps.database.db;
  if (q.tenant_id && !(await tenantChain(db, q.tenant_id)).some((t) => t.id === viewer.homeTenantId)) throw notFound('tenant');
  if (q.user_id) {
    const user = await findUserById(db, q.user_id);
    const chain = user ? await tenantChain(db, user.user.homeTenantId) : [];
    if (!chain.some((t) => t.id === viewer.homeTenantId)) throw notFound('user');
  }
  return {
    scopeTenantId: viewer.homeTenantId,
    tenantId: q.tenant_id,
    userId: q.user_id,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    action: q.action,
  };
}

function beforeCursor(cursor: string | undefined): [number, string] | undefined {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(cursor, ['number', 'string'] as const);
  if (!key) throw new ApiError(400, 'invalid_request', 'cursor is not one this service gave out');
  return [key[0] as number, key[1] as string];
}

export const auditRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>()
    .use(requireCaller(deps))
    .use(auditRefusals(deps, 'audit'))
    .get('', validate('query', auditQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const filter = await filterFor(deps, c, query);
      const limit = query.limit ?? DEFAULT_LIMIT;
      const rows = await queryAudit(deps.database.db, { ...filter, before: beforeCursor(query.cursor), limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json({ events: page.map(toView), next_cursor: rows.length > limit && last ? encodeCursor([last.at.getTime(), last.id]) : null } satisfies AuditListResponse, 200);
    })
    .get('/export', validate('query', auditExportQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const filter = await filterFor(deps, c, query);
      const db = deps.database.db;
      const encoder = new TextEncoder();
      let before: [number, string] | undefined;
      let headerSent = query.format !== 'csv';
      // Pull-based: the next page is read only when the client has taken the previous one.
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!headerSent) {
            headerSent = true;
            controller.enqueue(encoder.encode(csvLine(AUDIT_CSV_COLUMNS)));
            return;
          }
          const rows = await queryAudit(db, { ...filter, before, limit: EXPORT_BATCH });
          const text = rows
            .map(toView)
            .map((e) => (query.format === 'csv' ? csvLine(AUDIT_CSV_COLUMNS.map((k) => e[k])) : `${JSON.stringify(e)}\n`))
            .join('');
          if (text) controller.enqueue(encoder.encode(text));
          const last = rows[rows.length - 1];
          if (rows.length < EXPORT_BATCH || !last) controller.close();
          else before = [last.at.getTime(), last.id];
        },
      });
      const type = query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
      return c.body(body, 200, {
        'Content-Type': type,
        'Content-Disposition': `attachment; filename="audit.${query.format === 'csv' ? 'csv' : 'jsonl'}"`,
        'Cache-Control': 'no-store',
      });
    });
