// What the access-admin routes share: the caller as a Viewer, refusals that name the missing
// permission, versioned-write conflicts answered with the current state, transactional writes
// whose constraint failures become 409s, and an audit row for every refusal.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps } from '../deps';
import type { Tx } from '../db/client';
import { recordAudit, type AuditEvent } from '../db/audit';
import { tenantChain } from '../db/tenants';
import { firstMissing, holds, missingPermissionMessage, type AdminPermission } from '../domain/admin-permissions';
import { decodeCursor } from '../domain/keyset-cursor';
import type { Viewer } from '../domain/visibility';
import type { AuthEnv } from '../middleware/auth';
import { ApiError, errorBody } from '../middleware/errors';
import { toViewer } from './dto';

export const viewerOf = (c: Context<AuthEnv>): Viewer => toViewer(c.get('caller'));

/** 403 naming the first of `anyOf` the viewer lacks (none held). */
export function requirePermission(viewer: Viewer, anyOf: readonly AdminPermission[], where?: string): void {
  const missing = firstMissing(viewer, anyOf);
  if (missing) throw new ApiError(403, 'forbidden', missingPermissionMessage(viewer, missing, where));
}

/** A row the caller may not see answers exactly like a missing one. */
export const notFound = (what: string) => new ApiError(404, 'not_found', `no such ${what}, or no access to it`);

/** Thrown inside a write when the row moved past the version the caller read; rolls the write back. */
export class StaleVersion extends Error {
  constructor(readonly id: string) {
    super('stale version');
  }
}

/** The 409 body of a stale edit: the envelope plus the current state. */
export const conflictBody = <T>(message: string, current: T) => ({ ...errorBody('conflict', message), current });

function isConstraintError(err: unknown): string | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, extendedCode } = e as { code?: unknown; extendedCode?: unknown };
    if ([code, extendedCode].some((x) => typeof x === 'string' && x.startsWith('SQLITE_CONSTRAINT'))) return e.message;
  }
  return null;
}

/** One transaction: everything in `fn` or nothing. A constraint or trigger refusal is a 409, never a 500. */
export async function writeAll<T>(deps: AppDeps, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await deps.database.write(fn);
  } catch (err) {
    const constraint = isConstraintError(err);
    if (constraint) throw new ApiError(409, 'conflict', `the change conflicts with the current data (${constraint.replace(/^.*?: /, '').slice(0, 200)}); nothing was applied`);
    throw err;
  }
}

/** An audit row for a change made by the caller. */
export const changeEvent = (
  deps: AppDeps,
  c: Context<AuthEnv>,
  e: { action: string; tenantId: string | null; subjectUserId?: string | null; before: unknown; after: unknown; reason?: string; extra?: Record<string, unknown> },
): AuditEvent => ({
  at: deps.clock(),
  action: e.action,
  outcome: 'success',
  actorUserId: c.get('caller').user.id,
  tenantId: e.tenantId,
  subjectUserId: e.subjectUserId ?? null,
  ip: deps.clientIp(c),
  reason: e.reason ?? null,
  detail: { before: e.before ?? null, after: e.after ?? null, ...e.extra },
});

export const audit = (tx: Tx, events: AuditEvent[]) => Promise.all(events.map((e) => recordAudit(tx, e)));

/**
 * Every refused write (403, 404, 409, 422) and every read refused for a missing permission (403)
 * leaves one audit row with the answer's message, written after the refused transaction rolled
 * back. Validation errors (400) are not written, as elsewhere.
 */
export const auditRefusals = (deps: AppDeps, resource: string) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    await next();
    const refused = c.req.method === 'GET' ? c.res.status === 403 : [403, 404, 409, 422].includes(c.res.status);
    if (!refused) return;
    const body = (await c.res.clone().json().catch(() => ({}))) as { error?: { message?: unknown } };
    const message = typeof body.error?.message === 'string' ? body.error.message : String(c.res.status);
    const caller = c.get('caller');
    await deps.database.write((tx) =>
      recordAudit(tx, {
        at: deps.clock(),
        action: `${resource}.refused`,
        outcome: 'failure',
        actorUserId: caller?.user.id ?? null,
        tenantId: null,
        ip: deps.clientIp(c),
        reason: `${c.res.status}: ${message}`,
        detail: { method: c.req.method, path: c.req.path },
      }),
    );
  });

/**
 * The partner whose access view the caller opens: their own (Clients_View), or one under their
 * service provider (MSP_View). Any other partner answers like a missing one.
 */
export async function visiblePartner(deps: AppDeps, c: Context<AuthEnv>, partnerId: string) {
  const chain = await tenantChain(deps.database.db, partnerId);
  const partner = chain[chain.length - 1];
  const viewer = viewerOf(c);
  const own = viewer.homeTenantId === partnerId;
  const above = chain.slice(0, -1).some((t) => t.id === viewer.homeTenantId) && holds(viewer, 'MSP_View');
  if (!partner || partner.kind !== 'partner' || !(own || above)) throw notFound('partner');
  if (own) requirePermission(viewer, ['Clients_View'], partner.name);
  return { partner, chain, own };
}

/** Decodes a `(text, id)` keyset cursor, or answers 400. */
export function afterCursor(cursor: string | undefined): [string, string] | undefined {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(cursor, ['string', 'string'] as const);
  if (!key) throw new ApiError(400, 'invalid_request', 'cursor is not one this service gave out');
  return [key[0]!, key[1]!];
}
