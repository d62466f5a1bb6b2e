// POST /v1/session: e-mail + password sign-in for the embedded deployment.
import { Hono } from 'hono';
import { sessionRequestSchema, type SessionResponse } from '../../shared/session';
import type { AppDeps } from '../deps';
import { findUserByEmail } from '../db/users';
import { recordAudit } from '../db/audit';
import { isKnownAddress, rememberAddress } from '../db/known-addresses';
import { UNKNOWN_ADDRESS, rateLimitKeyForIp } from '../domain/ip-allowlist';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../auth/passwords';
import { ApiError } from '../middleware/errors';
import { validate } from '../middleware/validate';
import { toUserSummary } from './dto';

const KNOWN_ADDRESS_DAYS = 30;
const NO_USER = '\u0000no-user';

const tooMany = (retryAfterSeconds: number) =>
  new ApiError(429, 'rate_limited', 'too many sign-in attempts; wait and try again', { 'Retry-After': String(retryAfterSeconds) });

/**
 * Checked before any scrypt. Every attempt counts per address (CPU spent on scrypt) and then per
 * account and address (guessing one password), in one batch that stops at the first limit reached:
 * an attempt the address limit refuses creates no per-account key, so a flood of new e-mails from
 * one address neither grows the table nor gets past that address's limit. Only failures count per
 * account from anywhere (guessing from many addresses); when that cap is reached, addresses the
 * user signed in from before still get in, so a stranger cannot lock the owner out. Each limit's
 * first refusal in a window is audited.
 */
async function checkSignInLimits(deps: AppDeps, ip: string | undefined, email: string, userId: string | null) {
  const limits = deps.config.rateLimit;
  const from = rateLimitKeyForIp(ip);
  const audit = (why: string) =>
    deps.database.write((tx) => recordAudit(tx, { at: deps.clock(), action: 'session.create', outcome: 'failure', actorUserId: userId, ip, reason: why }));
  const decision = await deps.rateLimiter.hitAll([
    { key: `session:ip:${from}`, limit: limits.signInsPerIpPerMinute },
    { key: `session:pair:${from}:${email}`, limit: limits.signInsPerAccountAndIpPerMinute },
  ]);
  if (!decision.allowed) {
    if (decision.firstRefusal) await audit(`rate limited (${decision.key.split(':')[1]})`);
    throw tooMany(decision.retryAfterSeconds);
  }
  const wait = await deps.rateLimiter.blockedFor(accountFailuresKey(email), limits.signInsPerAccountPerMinute);
  if (wait === null) return;
  const since = new Date(deps.clock().getTime() - KNOWN_ADDRESS_DAYS * 24 * 3600_000);
  // Looked up for unknown e-mails and addresses too, so the answer takes as long either way; an
  // address that could not be determined is never "known".
  const known = await isKnownAddress(deps.database.db, userId ?? NO_USER, from, since);
  if (known && from !== UNKNOWN_ADDRESS) return;
  if ((await deps.rateLimiter.hit(`session:account-refusal:${email}`, 1)).allowed) await audit('rate limited (account under attack)');
  throw tooMany(wait);
}

const accountFailuresKey = (email: string) => `session:account-failures:${email}`;

export const sessionRoutes = (deps: AppDeps) =>
  new Hono().post('/', validate('json', sessionRequestSchema), async (c) => {
    const { email, password } = c.req.valid('json');
    const ip = deps.clientIp(c);
    const found = await findUserByEmail(deps.database.db, email);
    await checkSignInLimits(deps, ip, email.toLowerCase(), found?.user.id ?? null);
    // Always pay for one scrypt, so an unknown e-mail and a wrong password take the same time.
    const passwordOk = await verifyPassword(password, found?.user.passwordHash ?? DUMMY_PASSWORD_HASH);
    const now = deps.clock();
    if (!found || !found.user.passwordHash || !passwordOk || found.user.status !== 'active') {
      await deps.rateLimiter.hit(accountFailuresKey(email.toLowerCase()), deps.config.rateLimit.signInsPerAccountPerMinute);
      await deps.database.write((tx) =>
        recordAudit(tx, { at: now, action: 'session.create', outcome: 'failure', actorUserId: found?.user.id ?? null, ip, reason: 'bad credentials' }),
      );
      throw new ApiError(401, 'unauthorized', 'e-mail or password is wrong');
    }
    const session = await deps.tokens.issueSession({ id: found.user.id, email: found.user.email, homeTenantId: found.user.homeTenantId });
    await deps.database.write(async (tx) => {
      await recordAudit(tx, { at: now, action: 'session.create', outcome: 'success', actorUserId: found.user.id, tenantId: found.home.id, ip });
      const address = rateLimitKeyForIp(ip);
      if (address !== UNKNOWN_ADDRESS) await rememberAddress(tx, found.user.id, address, now);
    });
    c.header('Cache-Control', 'no-store');
    return c.json(
      { session_token: session.token, token_type: 'Bearer', expires_in: session.expiresIn, user: toUserSummary(found) } satisfies SessionResponse,
      200,
    );
  });
