// POST /v1/invitations/accept: the invited address signs up once with the link an admin copied
// (seed 002; no mail server). Unknown, used and expired links get one answer.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { invitationAcceptSchema } from '../../shared/access-admin';
import type { AppDeps } from '../deps';
import { hashPassword } from '../auth/passwords';
import { recordAudit } from '../db/audit';
import { addMember } from '../db/invitation-members';
import { invitationByTokenHash, useInvitation } from '../db/tenant-admin';
import { findUserByEmail } from '../db/users';
import { ApiError } from '../middleware/errors';
import { validate } from '../middleware/validate';
import { writeAll } from './grants-admin-support';
import { invitationTokenHash } from './tenant-admin';

const UNUSABLE = 'no such invitation, or it was used or has expired';

export const invitationRoutes = (deps: AppDeps) =>
  new Hono().post('/accept', validate('json', invitationAcceptSchema), async (c) => {
    const body = c.req.valid('json');
    const now = deps.clock();
    const invitation = await invitationByTokenHash(deps.database.db, invitationTokenHash(body.token));
    if (!invitation || invitation.usedAt || invitation.expiresAt.getTime() <= now.getTime()) throw new ApiError(404, 'not_found', UNUSABLE);
    if (await findUserByEmail(deps.database.db, invitation.email)) throw new ApiError(409, 'conflict', `${invitation.email} already has an account`);
    const passwordHash = await hashPassword(body.password);
    const userId = `u_${randomUUID()}`;
    await writeAll(deps, async (tx) => {
      // Single use: only the first acceptance marks it.
      if (!(await useInvitation(tx, invitation.id, now))) throw new ApiError(404, 'not_found', UNUSABLE);
      await addMember(tx, { id: userId, email: invitation.email, name: body.name, tenantId: invitation.tenantId, role: invitation.role, passwordHash, at: now });
      await recordAudit(tx, {
        at: now, action: 'invitation.accept', outcome: 'success', actorUserId: userId, tenantId: invitation.tenantId, ip: deps.clientIp(c),
        detail: { before: null, after: { user_id: userId, email: invitation.email, role: invitation.role, invitation_id: invitation.id } },
      });
    });
    return c.json({ user_id: userId, email: invitation.email, tenant_id: invitation.tenantId }, 201);
  });
