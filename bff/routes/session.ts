// POST /v1/session: e-mail + password sign-in for the embedded deployment.
import { Hono } from 'hono';
import { sessionRequestSchema, type SessionResponse } from '../../shared/session';
import type { AppDeps } from '../deps';
import { findUserByEmail } from '../db/users';
import { recordAudit } from '../db/audit';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../auth/passwords';
import { ApiError } from '../middleware/errors';
import { validate } from '../middleware/validate';
import { toUserSummary } from './dto';

/**
 * Checked before any scrypt: per account and IP (slows guessing one password), per account from
 * anywhere (guessing from many IPs), per IP for any account (CPU spent on scrypt).
 */
function limitSignIns(deps: AppDeps, ip: string | undefined, email: string) {
  const limits = deps.config.rateLimit;
  const from = ip ?? 'unknown';
  for (const [key, limit] of [
    [`session:ip:${from}`, limits.signInsPerIpPerMinute],
    [`session:account:${email}`, limits.signInsPerAccountPerMinute],
    [`session:pair:${from}:${email}`, limits.signInsPerAccountAndIpPerMinute],
  ] as const) {
    const decision = deps.rateLimiter.hit(key, limit);
    if (!decision.allowed) {
      throw new ApiError(429, 'rate_limited', 'too many sign-in attempts; wait and try again', { 'Retry-After': String(decision.retryAfterSeconds) });
    }
  }
}

export const sessionRoutes = (deps: AppDeps) =>
  new Hono().post('/', validate('json', sessionRequestSchema), async (c) => {
    const { email, password } = c.req.valid('json');
    const ip = deps.clientIp(c);
    limitSignIns(deps, ip, email.toLowerCase());
    const found = await findUserByEmail(deps.database.db, email);
    // Always pay for one scrypt, so an unknown e-mail and a wrong password take the same time.
    const passwordOk = await verifyPassword(password, found?.user.passwordHash ?? DUMMY_PASSWORD_HASH);
    const now = deps.clock();
    if (!found || !found.user.passwordHash || !passwordOk || found.user.status !== 'active') {
      await deps.database.write((tx) =>
        recordAudit(tx, { at: now, action: 'session.create', outcome: 'failure', actorUserId: found?.user.id ?? null, ip, reason: 'bad credentials' }),
      );
      throw new ApiError(401, 'unauthorized', 'e-mail or password is wrong');
    }
    const session = await deps.tokens.issueSession({ id: found.user.id, email: found.user.email, homeTenantId: found.user.homeTenantId });
    await deps.database.write((tx) =>
      recordAudit(tx, { at: now, action: 'session.create', outcome: 'success', actorUserId: found.user.id, tenantId: found.home.id, ip }),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(
      { session_token: session.token, token_type: 'Bearer', expires_in: session.expiresIn, user: toUserSummary(found) } satisfies SessionResponse,
      200,
    );
  });
