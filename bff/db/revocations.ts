// Revoked token ids (RFC 7009). Rows are only needed until the token would have expired anyway.
import { eq, lt, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { hotStoreOf, preparedOnce } from './prepared';
import { revokedTokens } from './schema';

export async function isTokenRevoked(db: Tx, jti: string): Promise<boolean> {
  const hot = hotStoreOf(db);
  if (hot) return !!(await hot.get('select 1 from revoked_tokens where jti = ?', [jti]));
  const statement = preparedOnce(db, 'revoked.byJti', () =>
    db.select({ jti: revokedTokens.jti }).from(revokedTokens).where(eq(revokedTokens.jti, sql.placeholder('jti'))).prepare(),
  );
  return !!(await statement.get({ jti }));
}

export async function revokeToken(tx: Tx, jti: string, expiresAt: Date, at: Date) {
  await tx.insert(revokedTokens).values({ jti, expiresAt, revokedAt: at }).onConflictDoNothing();
  await tx.delete(revokedTokens).where(lt(revokedTokens.expiresAt, at));
}
