// Revoked token ids (RFC 7009). Rows are only needed until the token would have expired anyway.
import { eq, lt } from 'drizzle-orm';
import type { Tx } from './client';
import { revokedTokens } from './schema';

export async function isTokenRevoked(db: Tx, jti: string): Promise<boolean> {
  return !!(await db.select({ jti: revokedTokens.jti }).from(revokedTokens).where(eq(revokedTokens.jti, jti)).get());
}

export async function revokeToken(tx: Tx, jti: string, expiresAt: Date, at: Date) {
  await tx.insert(revokedTokens).values({ jti, expiresAt, revokedAt: at }).onConflictDoNothing();
  await tx.delete(revokedTokens).where(lt(revokedTokens.expiresAt, at));
}
